package org.smc4j.marketdata.okx;

import java.net.URI;
import java.util.Objects;
import org.smc4j.marketdata.MarketDataException;

/**
 * OKX could not be reached at all: every attempt of a request failed before an answer came (the
 * host name did not resolve, the connection was refused or timed out). Its message is one line
 * naming the host, the request, the error and what to do; a command prints it as it is.
 */
public final class OkxUnreachableException extends MarketDataException {

  private static final long serialVersionUID = 1L;

  /** What a user can do, for the command line: another OKX host, or history instead of live. */
  public static final String HINT =
      "check the network, or pass --okx-url URL for another OKX host, or --replay DIR to scan"
          + " saved candles offline";

  private final URI baseUrl;
  private final String request;
  private final String error;
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param baseUrl the OKX base URL tried
   * @param request the request, e.g. {@code GET /api/v5/market/tickers?instType=SWAP}
   * @param error the last attempt's error, one line
   * @param attempts how many attempts were made
   * @param cause the last attempt's exception
   */
  public OkxUnreachableException(
      URI baseUrl, String request, String error, int attempts, Throwable cause) {
    super(
        "OKX unreachable at "
            + Objects.requireNonNull(baseUrl, "baseUrl")
            + " ("
            + Objects.requireNonNull(request, "request")
            + ", "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + "): "
            + Objects.requireNonNull(error, "error")
            + "; "
            + HINT,
        cause);
    this.baseUrl = baseUrl;
    this.request = request;
    this.error = error;
    this.attempts = attempts;
  }

  /** Returns the base URL tried, e.g. {@code https://www.okx.com}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Returns the host tried, e.g. {@code www.okx.com}. */
  public String host() {
    return baseUrl.getHost();
  }

  /** Returns the request that failed. */
  public String request() {
    return request;
  }

  /** Returns the last attempt's error, e.g. {@code connection refused (ConnectException)}. */
  public String error() {
    return error;
  }

  /** Returns how many attempts were made. */
  public int attempts() {
    return attempts;
  }

  /** Returns {@link #HINT}. */
  public String hint() {
    return HINT;
  }
}
