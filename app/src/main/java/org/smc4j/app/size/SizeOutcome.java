package org.smc4j.app.size;

import java.util.Objects;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.signal.Side;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.SizingResult;

/**
 * What {@link SizeJob} found.
 *
 * @param contract the spec the trade was sized on
 * @param side the side sized
 * @param parameters the sizing parameters used
 * @param source where the spec came from (a file or the live OKX URL)
 * @param result the sizer's answer: sized, or refused with its reason
 */
public record SizeOutcome(
    ContractSpec contract,
    Side side,
    SizingParameters parameters,
    String source,
    SizingResult result) {

  /** Validates the fields. */
  public SizeOutcome {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(result, "result");
  }
}
