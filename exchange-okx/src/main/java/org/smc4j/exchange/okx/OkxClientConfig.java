package org.smc4j.exchange.okx;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.exchange.okx.auth.OkxCredentials;

/**
 * Settings of an {@link OkxClient}.
 *
 * @param baseUri the REST host, e.g. {@link #GLOBAL_HOST}; accounts of the US/AU or EU entities
 *     must use their own host, so it is a setting (OKX-TRADING.md section 1)
 * @param environment live or demo
 * @param credentials the API key; empty for a client that only calls public endpoints
 * @param requestTimeout how long to wait for one answer before the call is {@code AMBIGUOUS}
 * @param expTimeWindow how far past the server's now the {@code expTime} header of place/amend
 *     requests lies (section 9: 5 s)
 */
public record OkxClientConfig(
    URI baseUri,
    OkxEnvironment environment,
    Optional<OkxCredentials> credentials,
    Duration requestTimeout,
    Duration expTimeWindow) {

  /** OKX's global REST host (2026 docs). */
  public static final URI GLOBAL_HOST = URI.create("https://openapi.okx.com");

  /** The default answer timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** The default {@code expTime} window. */
  public static final Duration DEFAULT_EXP_TIME_WINDOW = Duration.ofSeconds(5);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException when the URI is not http(s) with a host, has a path, or a
   *     duration is not positive
   */
  public OkxClientConfig {
    Objects.requireNonNull(baseUri, "baseUri");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(expTimeWindow, "expTimeWindow");
    String scheme = baseUri.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme) || baseUri.getHost() == null) {
      throw new IllegalArgumentException("baseUri must be http(s)://host[:port], was " + baseUri);
    }
    if (baseUri.getRawPath() != null
        && !baseUri.getRawPath().isEmpty()
        && !baseUri.getRawPath().equals("/")) {
      throw new IllegalArgumentException("baseUri must not have a path, was " + baseUri);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be > 0, was " + requestTimeout);
    }
    if (expTimeWindow.isNegative() || expTimeWindow.isZero()) {
      throw new IllegalArgumentException("expTimeWindow must be > 0, was " + expTimeWindow);
    }
  }

  /**
   * Returns settings with the default timeouts.
   *
   * @param baseUri the REST host
   * @param environment live or demo
   * @param credentials the API key
   * @return the settings
   */
  public static OkxClientConfig of(
      URI baseUri, OkxEnvironment environment, OkxCredentials credentials) {
    return new OkxClientConfig(
        baseUri, environment, Optional.of(credentials), DEFAULT_TIMEOUT, DEFAULT_EXP_TIME_WINDOW);
  }

  /**
   * Returns a copy with another answer timeout.
   *
   * @param timeout the timeout
   * @return the copy
   */
  public OkxClientConfig withRequestTimeout(Duration timeout) {
    return new OkxClientConfig(baseUri, environment, credentials, timeout, expTimeWindow);
  }
}
