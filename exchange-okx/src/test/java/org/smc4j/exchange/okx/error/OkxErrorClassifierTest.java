package org.smc4j.exchange.okx.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OkxErrorClassifierTest {

  @ParameterizedTest
  @CsvSource({
    "0, OK",
    "50001, AMBIGUOUS",
    "50004, AMBIGUOUS",
    "50013, AMBIGUOUS",
    "50026, AMBIGUOUS",
    "51054, AMBIGUOUS",
    "51149, AMBIGUOUS",
    "50011, RATE_LIMITED",
    "50061, RATE_LIMITED",
    "50101, FATAL",
    "50113, FATAL",
    "50119, FATAL",
    "51010, FATAL",
    "50102, TIMESTAMP_EXPIRED",
    "51000, DEFINITE_REJECT",
    "51008, DEFINITE_REJECT",
    "54109, DEFINITE_REJECT",
    "51006, PRICE_OUT_OF_BAND",
    "51001, INSTRUMENT_UNKNOWN",
    "51016, ADOPT_EXISTING",
    "51065, ADOPT_EXISTING",
    "51068, ADOPT_EXISTING",
    "51088, ADOPT_EXISTING",
    "51046, STOP_CROSSED",
    "51053, STOP_CROSSED",
    "51280, STOP_CROSSED",
    "51112, POSITION_GONE",
    "51169, POSITION_GONE",
    "51400, QUERY",
    "51503, QUERY",
    "51603, NOT_FOUND",
    "59000, SETUP_BLOCKED",
    "50999, AMBIGUOUS"
  })
  void shouldClassifyCodesOfTheTable(String code, OkxErrorClass expected) {
    assertThat(OkxErrorClassifier.classify(code)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "502, AMBIGUOUS",
    "500, AMBIGUOUS",
    "200, AMBIGUOUS",
    "429, RATE_LIMITED",
    "401, FATAL",
    "404, DEFINITE_REJECT"
  })
  void shouldClassifyStatusesWithoutABody(int status, OkxErrorClass expected) {
    assertThat(OkxErrorClassifier.classifyStatus(status)).isEqualTo(expected);
  }
}
