package org.smc4j.app.size;

import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.signal.Side;
import org.smc4j.risk.SizingParameters;

/**
 * What {@link SizeJob} sizes.
 *
 * @param symbol the instrument, e.g. {@code BTC-USDT-SWAP} or {@code BTCUSDT}
 * @param entry the entry price
 * @param stop the stop price
 * @param side the side; empty for long when the stop is below the entry, short when above
 * @param parameters the sizing parameters (option, else {@code smc4j.yaml}'s risk section, else the
 *     default)
 */
public record SizeRequest(
    String symbol, double entry, double stop, Optional<Side> side, SizingParameters parameters) {

  /** Validates the fields. */
  public SizeRequest {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(parameters, "parameters");
  }
}
