package org.smc4j.trading.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One order as the journal knows it: the write-ahead intent plus its latest state.
 *
 * @param clOrdId our client order id (the key)
 * @param tradeKey the trade it belongs to
 * @param role one letter: {@code E} entry, {@code A} attached algo, {@code P} protective algo,
 *     {@code X} exit
 * @param instId the instrument
 * @param side {@code buy} or {@code sell}
 * @param ordType the exchange order type, e.g. {@code market}, {@code post_only}, {@code oco}
 * @param sz size in contracts
 * @param px limit price; empty for market orders and algos
 * @param stop the stop trigger carried by the order, if any
 * @param target the target trigger carried by the order, if any
 * @param reduceOnly whether the order only reduces
 * @param status the latest state
 * @param expTime the {@code expTime} the request carries (place requests only)
 * @param exchangeId the exchange's order or algo id, empty until known
 * @param filledSz the contracts filled so far
 * @param lastCode the exchange's raw code of the latest transition, empty when none
 * @param createdAt when the intent was committed
 * @param updatedAt the latest transition
 */
public record OrderRecord(
    String clOrdId,
    String tradeKey,
    String role,
    String instId,
    String side,
    String ordType,
    BigDecimal sz,
    Optional<BigDecimal> px,
    Optional<BigDecimal> stop,
    Optional<BigDecimal> target,
    boolean reduceOnly,
    OrderStatus status,
    Optional<Instant> expTime,
    String exchangeId,
    BigDecimal filledSz,
    String lastCode,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException when the size is not positive or the role is not one letter
   */
  public OrderRecord {
    Objects.requireNonNull(clOrdId, "clOrdId");
    Objects.requireNonNull(tradeKey, "tradeKey");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(ordType, "ordType");
    Objects.requireNonNull(sz, "sz");
    Objects.requireNonNull(px, "px");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(expTime, "expTime");
    Objects.requireNonNull(exchangeId, "exchangeId");
    Objects.requireNonNull(filledSz, "filledSz");
    Objects.requireNonNull(lastCode, "lastCode");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (role.length() != 1) {
      throw new IllegalArgumentException("role must be one letter, was '" + role + "'");
    }
    if (sz.signum() <= 0) {
      throw new IllegalArgumentException(
          "order " + clOrdId + ": sz must be > 0, was " + sz.toPlainString());
    }
  }

  /**
   * Returns a new intent in state {@link OrderStatus#PENDING_SUBMIT}.
   *
   * @param clOrdId the client id
   * @param tradeKey the trade
   * @param role the role letter
   * @param instId the instrument
   * @param side buy or sell
   * @param ordType the order type
   * @param sz contracts
   * @param px limit price, if any
   * @param stop the stop, if any
   * @param target the target, if any
   * @param reduceOnly reduce-only
   * @param expTime the expTime, if any
   * @param at now
   * @return the intent
   */
  public static OrderRecord intent(
      String clOrdId,
      String tradeKey,
      String role,
      String instId,
      String side,
      String ordType,
      BigDecimal sz,
      Optional<BigDecimal> px,
      Optional<BigDecimal> stop,
      Optional<BigDecimal> target,
      boolean reduceOnly,
      Optional<Instant> expTime,
      Instant at) {
    return new OrderRecord(
        clOrdId,
        tradeKey,
        role,
        instId,
        side,
        ordType,
        sz,
        px,
        stop,
        target,
        reduceOnly,
        OrderStatus.PENDING_SUBMIT,
        expTime,
        "",
        BigDecimal.ZERO,
        "",
        at,
        at);
  }
}
