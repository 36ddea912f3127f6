package org.smc4j.cli.data;

import org.smc4j.core.bar.Timeframe;
import picocli.CommandLine.ITypeConverter;

/** Converts {@code 5m}, {@code 15m}, {@code 1h} options to a {@link Timeframe}. */
public final class TimeframeConverter implements ITypeConverter<Timeframe> {

  /** Creates the converter (picocli). */
  public TimeframeConverter() {}

  @Override
  public Timeframe convert(String value) {
    return Timeframe.parse(value);
  }
}
