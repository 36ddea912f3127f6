package org.smc4j.exchange.okx.preflight;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.model.AccountConfig;

/**
 * The answers the pre-flight judges, as the client returned them (failures included).
 *
 * @param clockOffset the measured server clock offset
 * @param accountConfig {@code GET /api/v5/account/config}
 * @param otherCalls any further read-only calls made before the first order (balance, positions,
 *     ...), checked for 401s and failures
 */
public record PreflightAnswers(
    OkxResult<Duration> clockOffset,
    OkxResult<AccountConfig> accountConfig,
    List<OkxResult<?>> otherCalls) {

  /** Validates the record. */
  public PreflightAnswers {
    Objects.requireNonNull(clockOffset, "clockOffset");
    Objects.requireNonNull(accountConfig, "accountConfig");
    otherCalls = List.copyOf(otherCalls);
  }
}
