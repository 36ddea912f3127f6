package org.smc4j.exchange.okx;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The estimated OKX server time: the local clock plus an offset measured from {@code GET
 * /api/v5/public/time} as {@code ts - (tSend + tReceive) / 2} (OKX-TRADING.md section 2). Requests
 * are signed and {@code expTime} computed on this clock. Thread-safe.
 */
public final class ServerClock implements InstantSource {

  private final InstantSource local;
  private final AtomicLong offsetMillis = new AtomicLong();

  /**
   * Creates a clock with offset zero.
   *
   * @param local the local clock the offset is measured against
   */
  public ServerClock(InstantSource local) {
    this.local = Objects.requireNonNull(local, "local");
  }

  /** Returns the local clock. */
  public InstantSource local() {
    return local;
  }

  @Override
  public Instant instant() {
    return local.instant().plusMillis(offsetMillis.get());
  }

  /** Returns the current offset: server time minus local time. */
  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  /**
   * Records a measurement.
   *
   * @param serverTime the server's {@code ts}
   * @param sent local time the request left
   * @param received local time the answer arrived
   * @return the new offset
   */
  public Duration update(Instant serverTime, Instant sent, Instant received) {
    Objects.requireNonNull(serverTime, "serverTime");
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(received, "received");
    long midpoint = sent.toEpochMilli() + (received.toEpochMilli() - sent.toEpochMilli()) / 2;
    long offset = serverTime.toEpochMilli() - midpoint;
    offsetMillis.set(offset);
    return Duration.ofMillis(offset);
  }
}
