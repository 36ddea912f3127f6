package org.smc4j.live.scan;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a signal found late (while catching up after a restart) is no longer actionable although its
 * entry has not expired: the candles replayed since it became known killed its POI or already
 * traded through its entry.
 *
 * @param kind what happened
 * @param at when it became known: the close of the candle that did it
 * @param detail the POI's death reason, or the entry and the candle's extreme that reached it
 */
public record StaleEntry(Kind kind, Instant at, String detail) {

  /** What made the entry stale. */
  public enum Kind {
    /** The POI died (its death reason in the detail); the backtest cancels its pending entry. */
    POI_DEAD,
    /** A later candle traded through the limit entry: the order would have filled already. */
    ENTRY_TRADED
  }

  /** Validates that no component is null. */
  public StaleEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns the reason as the journal keeps it, e.g. {@code POI died at ...: FVG_FILLED}. */
  public String reason() {
    return switch (kind) {
      case POI_DEAD -> "POI died at " + at + ": " + detail;
      case ENTRY_TRADED ->
          "limit entry already traded by the candle closing at " + at + ": " + detail;
    };
  }
}
