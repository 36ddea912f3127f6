package org.smc4j.exchange.okx.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * A deterministic OKX client order id (OKX-TRADING.md section 15.4): {@code "s" +
 * base32(sha256(signalId))[0..22] + role + attempt}, 25 letters and digits. The same signal, role
 * and attempt always give the same id, so a restarted bot finds its own orders; the first 23
 * characters ({@link #signalKey()}) are shared by every order of one signal.
 *
 * @param value the id as sent in {@code clOrdId}, {@code attachAlgoClOrdId} or {@code algoClOrdId}
 */
public record ClientOrderId(String value) {

  /** The {@code tag} put on every order of this bot. */
  public static final String TAG = "smc4j";

  /** The length of every id. */
  public static final int LENGTH = 25;

  /** The length of the part derived from the signal id, {@code "s"} included. */
  public static final int SIGNAL_KEY_LENGTH = 23;

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException when the value is not 25 characters, does not start with
   *     {@code s}, has a character outside {@code A-Z2-7} in the signal part, a role letter outside
   *     {@code E A P X} or an attempt outside {@code 1-9}
   */
  public ClientOrderId {
    Objects.requireNonNull(value, "value");
    problem(value)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("client order id '" + value + "': " + problem);
            });
  }

  /**
   * Derives the id of one order of a signal.
   *
   * @param signalId the signal's stable id, not blank
   * @param role what the order does
   * @param attempt the attempt number, 1 to 9
   * @return the id
   * @throws IllegalArgumentException when the signal id is blank or the attempt is outside 1-9
   */
  public static ClientOrderId of(String signalId, OrderRole role, int attempt) {
    Objects.requireNonNull(signalId, "signalId");
    Objects.requireNonNull(role, "role");
    if (signalId.isBlank()) {
      throw new IllegalArgumentException("signalId must not be blank");
    }
    if (attempt < 1 || attempt > 9) {
      throw new IllegalArgumentException("attempt must be in 1..9, was " + attempt);
    }
    return new ClientOrderId(signalKey(signalId) + role.letter() + attempt);
  }

  /**
   * Returns the 23-character prefix every order of a signal shares.
   *
   * @param signalId the signal's stable id
   * @return {@code "s" + base32(sha256(signalId))[0..22]}
   */
  public static String signalKey(String signalId) {
    Objects.requireNonNull(signalId, "signalId");
    byte[] digest;
    try {
      digest =
          MessageDigest.getInstance("SHA-256").digest(signalId.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
    return "s" + base32(digest, SIGNAL_KEY_LENGTH - 1);
  }

  /**
   * Reads an id from OKX when it is one of ours.
   *
   * @param value a {@code clOrdId}/{@code algoClOrdId} from OKX, possibly empty or foreign
   * @return the id, or empty when the value does not follow this scheme
   */
  public static Optional<ClientOrderId> parse(String value) {
    if (value == null || problem(value).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new ClientOrderId(value));
  }

  /** Returns the part shared by every order of the signal. */
  public String signalKey() {
    return value.substring(0, SIGNAL_KEY_LENGTH);
  }

  /** Returns the role written in the id. */
  public OrderRole role() {
    return OrderRole.ofLetter(value.charAt(SIGNAL_KEY_LENGTH));
  }

  /** Returns the attempt number written in the id. */
  public int attempt() {
    return value.charAt(LENGTH - 1) - '0';
  }

  /**
   * Returns the id of the next attempt of the same order.
   *
   * @return the id with the attempt increased by one
   * @throws IllegalStateException when this is attempt 9
   */
  public ClientOrderId nextAttempt() {
    if (attempt() == 9) {
      throw new IllegalStateException("client order id " + value + " is already attempt 9");
    }
    return new ClientOrderId(value.substring(0, LENGTH - 1) + (attempt() + 1));
  }

  /**
   * Returns the id of another role of the same signal with the same attempt number.
   *
   * @param role the other role
   * @return the sibling id
   */
  public ClientOrderId withRole(OrderRole role) {
    Objects.requireNonNull(role, "role");
    return new ClientOrderId(signalKey() + role.letter() + attempt());
  }

  @Override
  public String toString() {
    return value;
  }

  private static Optional<String> problem(String value) {
    if (value.length() != LENGTH) {
      return Optional.of("length must be " + LENGTH + ", was " + value.length());
    }
    if (value.charAt(0) != 's') {
      return Optional.of("must start with 's', was '" + value.charAt(0) + "'");
    }
    for (int i = 1; i < SIGNAL_KEY_LENGTH; i++) {
      char c = value.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
        return Optional.of("character " + i + " must be base32 (A-Z, 2-7), was '" + c + "'");
      }
    }
    if ("EAPX".indexOf(value.charAt(SIGNAL_KEY_LENGTH)) < 0) {
      return Optional.of(
          "role letter must be one of E, A, P, X, was '" + value.charAt(SIGNAL_KEY_LENGTH) + "'");
    }
    char attempt = value.charAt(LENGTH - 1);
    if (attempt < '1' || attempt > '9') {
      return Optional.of("attempt must be a digit 1-9, was '" + attempt + "'");
    }
    return Optional.empty();
  }

  /** RFC 4648 base32 (upper case, no padding) of the leading bits, {@code chars} characters. */
  private static String base32(byte[] bytes, int chars) {
    StringBuilder out = new StringBuilder(chars);
    int buffer = 0;
    int bits = 0;
    int index = 0;
    while (out.length() < chars) {
      if (bits < 5) {
        buffer = (buffer << 8) | (bytes[index++] & 0xFF);
        bits += 8;
      }
      out.append(BASE32[(buffer >> (bits - 5)) & 0x1F]);
      bits -= 5;
    }
    return out.toString();
  }
}
