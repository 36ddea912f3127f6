package org.smc4j.exchange.okx.auth;

import java.util.Map;
import java.util.Objects;

/**
 * The three credentials of an OKX API key. Each is a {@link Secret}, so this record's {@code
 * toString} shows masks only.
 *
 * @param apiKey the API key ({@code OK-ACCESS-KEY})
 * @param secretKey the secret key the requests are signed with
 * @param passphrase the passphrase chosen when the key was created ({@code OK-ACCESS-PASSPHRASE})
 */
public record OkxCredentials(Secret apiKey, Secret secretKey, Secret passphrase) {

  /** Environment variable holding the API key. */
  public static final String ENV_API_KEY = "OKX_API_KEY";

  /** Environment variable holding the secret key. */
  public static final String ENV_SECRET_KEY = "OKX_API_SECRET";

  /** Environment variable holding the passphrase. */
  public static final String ENV_PASSPHRASE = "OKX_API_PASSPHRASE";

  /**
   * Validates the credentials.
   *
   * @throws NullPointerException when a component is null
   */
  public OkxCredentials {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(passphrase, "passphrase");
  }

  /**
   * Creates credentials from plain values.
   *
   * @param apiKey the API key
   * @param secretKey the secret key
   * @param passphrase the passphrase
   * @return the credentials
   * @throws IllegalArgumentException when a value is blank
   */
  public static OkxCredentials of(String apiKey, String secretKey, String passphrase) {
    return new OkxCredentials(Secret.of(apiKey), Secret.of(secretKey), Secret.of(passphrase));
  }

  /**
   * Reads the credentials from variables named {@value #ENV_API_KEY}, {@value #ENV_SECRET_KEY} and
   * {@value #ENV_PASSPHRASE} (the process environment, or a map read from a {@code .env} file).
   *
   * @param variables the variables
   * @return the credentials
   * @throws IllegalArgumentException naming every missing or blank variable (never a value)
   */
  public static OkxCredentials fromVariables(Map<String, String> variables) {
    Objects.requireNonNull(variables, "variables");
    StringBuilder missing = new StringBuilder();
    for (String name : new String[] {ENV_API_KEY, ENV_SECRET_KEY, ENV_PASSPHRASE}) {
      String value = variables.get(name);
      if (value == null || value.isBlank()) {
        missing.append(missing.isEmpty() ? "" : ", ").append(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "OKX credentials: variable(s) missing or blank: " + missing);
    }
    return of(
        variables.get(ENV_API_KEY), variables.get(ENV_SECRET_KEY), variables.get(ENV_PASSPHRASE));
  }
}
