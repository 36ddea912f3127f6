package org.smc4j.exchange.okx.error;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maps OKX codes and HTTP statuses to an {@link OkxErrorClass} (OKX-TRADING.md section 13). The
 * message text of an answer is never looked at: real texts differ from the documentation (a real
 * {@code 50102} has no full stop, a real success says "Order placed").
 *
 * <p>Codes the table does not list: in the {@code 50xxx} range (system, gateway and account codes)
 * they are {@link OkxErrorClass#AMBIGUOUS}, the safe side for a write; any other unknown code is a
 * {@link OkxErrorClass#DEFINITE_REJECT}, since {@code 51xxx}+ codes are reasons OKX gives for
 * refusing an order it evaluated.
 */
public final class OkxErrorClassifier {

  private static final Map<String, OkxErrorClass> CODES = new HashMap<>();

  static {
    put(OkxErrorClass.OK, "0");
    put(OkxErrorClass.AMBIGUOUS, "50001", "50004", "50013", "50026", "51054", "51149");
    put(OkxErrorClass.RATE_LIMITED, "50011", "50061");
    put(
        OkxErrorClass.FATAL,
        "50101",
        "50105",
        "50110",
        "50111",
        "50113",
        "50119",
        "50120",
        "51009",
        "51024",
        "50007",
        "51010");
    put(OkxErrorClass.TIMESTAMP_EXPIRED, "50102");
    put(
        OkxErrorClass.DEFINITE_REJECT,
        "1",
        "51000",
        "51004",
        "51008",
        "51020",
        "51121",
        "51202",
        "51100",
        "51205");
    put(OkxErrorClass.PRICE_OUT_OF_BAND, "51006", "51137", "51138");
    put(OkxErrorClass.INSTRUMENT_UNKNOWN, "51001");
    put(OkxErrorClass.ADOPT_EXISTING, "51016", "51065", "51068", "51088");
    put(
        OkxErrorClass.STOP_CROSSED,
        "51046",
        "51047",
        "51048",
        "51049",
        "51050",
        "51051",
        "51052",
        "51053",
        "51277",
        "51278",
        "51279",
        "51280");
    put(OkxErrorClass.POSITION_GONE, "51112", "51169");
    put(OkxErrorClass.QUERY, "51400", "51503");
    put(OkxErrorClass.NOT_FOUND, "51603");
    put(OkxErrorClass.SETUP_BLOCKED, "59000", "59101", "59102");
  }

  private OkxErrorClassifier() {}

  private static void put(OkxErrorClass errorClass, String... codes) {
    for (String code : codes) {
      CODES.put(code, errorClass);
    }
  }

  /**
   * Classifies an OKX {@code code} or {@code sCode}.
   *
   * @param code the code as OKX sends it, e.g. {@code "51016"}
   * @return its class; see the class comment for codes the table does not list
   */
  public static OkxErrorClass classify(String code) {
    Objects.requireNonNull(code, "code");
    OkxErrorClass known = CODES.get(code);
    if (known != null) {
      return known;
    }
    return code.startsWith("50") ? OkxErrorClass.AMBIGUOUS : OkxErrorClass.DEFINITE_REJECT;
  }

  /**
   * Classifies an HTTP answer whose body carries no readable OKX code.
   *
   * @param httpStatus the HTTP status
   * @return {@link OkxErrorClass#AMBIGUOUS} for 5xx and for 2xx (the request arrived, the answer is
   *     unreadable), {@link OkxErrorClass#RATE_LIMITED} for 429, {@link OkxErrorClass#FATAL} for
   *     401 and 403, {@link OkxErrorClass#DEFINITE_REJECT} for any other status
   */
  public static OkxErrorClass classifyStatus(int httpStatus) {
    if (httpStatus >= 500 || (httpStatus >= 200 && httpStatus < 300)) {
      return OkxErrorClass.AMBIGUOUS;
    }
    if (httpStatus == 429) {
      return OkxErrorClass.RATE_LIMITED;
    }
    if (httpStatus == 401 || httpStatus == 403) {
      return OkxErrorClass.FATAL;
    }
    return OkxErrorClass.DEFINITE_REJECT;
  }
}
