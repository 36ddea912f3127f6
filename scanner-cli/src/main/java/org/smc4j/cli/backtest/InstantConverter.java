package org.smc4j.cli.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts {@code 2025-01-31} (midnight UTC), {@code 2025-01-31T12:00:00Z} or an offset date-time
 * such as {@code 2025-01-31T14:00+02:00} into an instant.
 */
final class InstantConverter implements ITypeConverter<Instant> {

  /** Creates the converter (picocli). */
  InstantConverter() {}

  @Override
  public Instant convert(String value) {
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a date (2025-01-31) or UTC time (2025-01-31T12:00:00Z)");
    }
  }
}
