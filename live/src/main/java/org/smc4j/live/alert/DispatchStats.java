package org.smc4j.live.alert;

/**
 * Running totals of an {@link AlertDispatcher}, per (alert, sink) pair: every alert dispatched to
 * {@code n} sinks ends as {@code n} deliveries, failures or drops. Pairs still queued or being sent
 * are {@code pending}.
 *
 * @param alerts alerts passed to {@link AlertDispatcher#dispatch}
 * @param delivered (alert, sink) pairs delivered
 * @param failed pairs where the sink gave up
 * @param dropped pairs that never reached the sink (queue full, dispatcher closed)
 * @param pending pairs queued or in flight
 */
public record DispatchStats(long alerts, long delivered, long failed, long dropped, long pending) {

  /** Validates the totals. */
  public DispatchStats {
    if (alerts < 0 || delivered < 0 || failed < 0 || dropped < 0 || pending < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, were alerts "
              + alerts
              + ", delivered "
              + delivered
              + ", failed "
              + failed
              + ", dropped "
              + dropped
              + ", pending "
              + pending);
    }
  }
}
