package org.smc4j.app.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.validate.PriceOutlierRule;

/**
 * What {@link DataCheckJob} checks.
 *
 * @param inputs candle or funding CSV files, or folders walked for {@code *.csv}
 * @param timeframe the candle files' timeframe; empty to infer it per file from the data or name
 * @param outlierRule when a bar is a price outlier
 */
public record DataCheckRequest(
    List<Path> inputs, Optional<Timeframe> timeframe, PriceOutlierRule outlierRule) {

  /** Copies the inputs and checks for nulls. */
  public DataCheckRequest {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(outlierRule, "outlierRule");
  }
}
