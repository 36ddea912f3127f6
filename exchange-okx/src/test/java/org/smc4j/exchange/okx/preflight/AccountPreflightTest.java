package org.smc4j.exchange.okx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smc4j.exchange.okx.OkxCall;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.error.OkxError;
import org.smc4j.exchange.okx.error.OkxErrorClass;
import org.smc4j.exchange.okx.model.AccountConfig;
import org.smc4j.exchange.okx.model.AccountLevel;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.PositionMode;

class AccountPreflightTest {

  private static final URI HOST = URI.create("https://openapi.okx.com");
  private static final OkxCall CALL = new OkxCall("GET /x", Instant.EPOCH, Optional.empty(), 1);
  private static final PreflightSettings DEMO_NET_CROSS =
      PreflightSettings.of(
          OkxEnvironment.DEMO, HOST, PositionMode.NET, MarginMode.CROSS, Optional.empty());

  private static OkxResult<AccountConfig> config(
      AccountLevel level, PositionMode mode, String... perm) {
    return new OkxResult.Ok<>(
        new AccountConfig("1", "1", level, mode, Set.of(perm), "", "bot", "automatic"), CALL);
  }

  private static OkxResult<Duration> offset(long millis) {
    return new OkxResult.Ok<>(Duration.ofMillis(millis), CALL);
  }

  private static <T> OkxResult<T> failed(OkxErrorClass errorClass, String code, int status) {
    return new OkxResult.Failed<>(
        new OkxError(errorClass, code, "msg", OptionalInt.of(status), "GET /api/v5/account/config"),
        CALL);
  }

  @Test
  void shouldPassAGoodAccount() {
    PreflightReport report =
        AccountPreflight.check(
            DEMO_NET_CROSS,
            new PreflightAnswers(
                offset(150),
                config(AccountLevel.MULTI_CURRENCY, PositionMode.NET, "read_only", "trade"),
                List.of()));

    assertThat(report.passed()).isTrue();
    assertThat(report.problems()).isEmpty();
    assertThat(report.describe()).isEqualTo("pre-flight passed");
  }

  @Test
  void shouldListEveryProblemAtOnce() {
    PreflightSettings settings =
        PreflightSettings.of(
            OkxEnvironment.LIVE,
            HOST,
            PositionMode.NET,
            MarginMode.ISOLATED,
            Optional.of(OkxEnvironment.DEMO));

    PreflightReport report =
        AccountPreflight.check(
            settings,
            new PreflightAnswers(
                offset(-12_500),
                config(AccountLevel.MULTI_CURRENCY, PositionMode.LONG_SHORT, "read_only"),
                List.of()));

    assertThat(report.passed()).isFalse();
    assertThat(report.refusals())
        .extracting(PreflightProblem::kind)
        .containsExactly(
            ProblemKind.ENVIRONMENT_MISMATCH,
            ProblemKind.CLOCK_OFFSET,
            ProblemKind.NO_TRADE_PERMISSION,
            ProblemKind.POSITION_MODE,
            ProblemKind.MARGIN_MODE_UNSUPPORTED);
    assertThat(report.refusals().get(0).message())
        .startsWith("the journal was made in DEMO but the configured environment is LIVE");
    assertThat(report.refusals().get(1).message())
        .isEqualTo(
            "local clock is -12500 ms off OKX server time (limit 10000 ms); synchronise the"
                + " system clock (NTP)");
    assertThat(report.refusals().get(2).message())
        .isEqualTo(
            "API key permissions are read_only without 'trade'; create a key with trade"
                + " permission");
    assertThat(report.refusals().get(3).message())
        .startsWith("account posMode is long_short_mode but the setting requires net_mode");
    assertThat(report.refusals().get(4).message())
        .startsWith("tdMode isolated is not supported for swaps in acctLv 3");
  }

  @Test
  void shouldWarnButPassBetweenTwoAndTenSecondsOfOffset() {
    PreflightReport report =
        AccountPreflight.check(
            DEMO_NET_CROSS,
            new PreflightAnswers(
                offset(3_000), config(AccountLevel.FUTURES, PositionMode.NET, "trade"), List.of()));

    assertThat(report.passed()).isTrue();
    assertThat(report.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.kind()).isEqualTo(ProblemKind.CLOCK_OFFSET));
  }

  @Test
  void shouldRefuseASpotAccount() {
    PreflightReport report =
        AccountPreflight.check(
            DEMO_NET_CROSS,
            new PreflightAnswers(
                offset(0), config(AccountLevel.SPOT, PositionMode.NET, "trade"), List.of()));

    assertThat(report.refusals())
        .extracting(PreflightProblem::kind)
        .containsExactly(ProblemKind.MARGIN_MODE_UNSUPPORTED);
  }

  @Test
  void shouldRefuseAny401NamingKeyHeaderAndHost() {
    PreflightReport report =
        AccountPreflight.check(
            DEMO_NET_CROSS,
            new PreflightAnswers(
                offset(0),
                failed(OkxErrorClass.FATAL, "50101", 401),
                List.of(failed(OkxErrorClass.FATAL, "50113", 401))));

    assertThat(report.refusals())
        .extracting(PreflightProblem::kind)
        .containsExactly(ProblemKind.UNAUTHORIZED, ProblemKind.UNAUTHORIZED);
    assertThat(report.refusals().getFirst().message())
        .contains("x-simulated-trading: 1")
        .contains("demo key")
        .contains("https://openapi.okx.com");
    assertThat(report.refusals().get(1).message()).contains("check the secret key");
  }

  @Test
  void shouldRefuseWhenACheckCouldNotBeMade() {
    PreflightReport report =
        AccountPreflight.check(
            DEMO_NET_CROSS,
            new PreflightAnswers(
                failed(OkxErrorClass.AMBIGUOUS, "", 502),
                config(AccountLevel.FUTURES, PositionMode.NET, "trade"),
                List.of()));

    assertThat(report.refusals())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(ProblemKind.CALL_FAILED));
  }
}
