package org.smc4j.marketdata.resample;

import java.util.List;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;

/**
 * The result of resampling: the complete buckets and the incomplete ones that were dropped.
 *
 * @param bars one bar per complete bucket, in time order
 * @param dropped the incomplete buckets, in time order
 */
public record ResampledCandles(BarArrays bars, List<IncompleteBucket> dropped) {

  /** Copies the list and checks for nulls. */
  public ResampledCandles {
    Objects.requireNonNull(bars, "bars");
    dropped = List.copyOf(dropped);
  }
}
