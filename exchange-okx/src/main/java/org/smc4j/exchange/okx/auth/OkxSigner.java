package org.smc4j.exchange.okx.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs OKX v5 private requests (OKX-TRADING.md section 1): {@code OK-ACCESS-SIGN =
 * Base64(HMAC-SHA256(secretKey, timestamp + METHOD + requestPath + body))}, where {@code
 * requestPath} includes the query string of a GET and {@code body} is the exact JSON text of a POST
 * (empty for a GET).
 */
public final class OkxSigner {

  /** Header carrying the API key. */
  public static final String HEADER_KEY = "OK-ACCESS-KEY";

  /** Header carrying the signature. */
  public static final String HEADER_SIGN = "OK-ACCESS-SIGN";

  /** Header carrying the timestamp that was signed. */
  public static final String HEADER_TIMESTAMP = "OK-ACCESS-TIMESTAMP";

  /** Header carrying the passphrase. */
  public static final String HEADER_PASSPHRASE = "OK-ACCESS-PASSPHRASE";

  private static final String ALGORITHM = "HmacSHA256";

  private final OkxCredentials credentials;
  private final SecretKeySpec key;

  /**
   * Creates a signer for one key.
   *
   * @param credentials the key's credentials
   */
  public OkxSigner(OkxCredentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.key =
        new SecretKeySpec(
            credentials.secretKey().reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /**
   * Returns the prehash string {@code timestamp + METHOD + requestPath + body}.
   *
   * @param timestamp the {@link OkxTimestamp} text
   * @param method the HTTP method, any case (upper-cased here)
   * @param requestPath the path with its query string, e.g. {@code /api/v5/account/balance?ccy=BTC}
   * @param body the exact body text, empty for a GET
   * @return the text that is signed
   */
  public static String prehash(String timestamp, String method, String requestPath, String body) {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(requestPath, "requestPath");
    Objects.requireNonNull(body, "body");
    return timestamp + method.toUpperCase(Locale.ROOT) + requestPath + body;
  }

  /**
   * Signs one request.
   *
   * @param timestamp the {@link OkxTimestamp} text, also sent as {@value #HEADER_TIMESTAMP}
   * @param method the HTTP method
   * @param requestPath the path with its query string
   * @param body the exact body text, empty for a GET
   * @return the Base64 signature
   */
  public String sign(String timestamp, String method, String requestPath, String body) {
    byte[] message = prehash(timestamp, method, requestPath, body).getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return Base64.getEncoder().encodeToString(mac.doFinal(message));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every JDK ships HmacSHA256; a failure here is a broken runtime, not a request problem.
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  /**
   * Returns the four {@code OK-ACCESS-*} headers of one request, in a stable order.
   *
   * @param timestamp the {@link OkxTimestamp} text
   * @param method the HTTP method
   * @param requestPath the path with its query string
   * @param body the exact body text, empty for a GET
   * @return header name to value
   */
  public Map<String, String> headers(
      String timestamp, String method, String requestPath, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(HEADER_KEY, credentials.apiKey().reveal());
    headers.put(HEADER_SIGN, sign(timestamp, method, requestPath, body));
    headers.put(HEADER_TIMESTAMP, timestamp);
    headers.put(HEADER_PASSPHRASE, credentials.passphrase().reveal());
    return headers;
  }

  /** Returns a description without any credential. */
  @Override
  public String toString() {
    return "OkxSigner[" + ALGORITHM + "]";
  }
}
