package org.smc4j.trading.decision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.smc4j.risk.RefusalReason;
import org.smc4j.risk.guard.Guard;
import org.smc4j.risk.guard.GuardRefusal;

/**
 * Why the pipeline did not take a signal. It is data everywhere: the journal stores its {@link
 * #kind()}, {@link #detail()} and {@link #message()} in columns and {@link #of} reads them back;
 * summaries count by {@link #label()}; nothing parses the message.
 */
public sealed interface SkipReason
    permits SkipReason.SymbolBusy,
        SkipReason.SizeRefused,
        SkipReason.GuardRejected,
        SkipReason.BrokerRejected,
        SkipReason.InvalidPlan {

  /** The family of a skip reason, as stored in the journal's {@code skip_kind} column. */
  enum Kind {
    /** The symbol holds a position or has a pending entry (one position per symbol). */
    SYMBOL_BUSY,
    /** The risk module's position sizer refused the plan. */
    SIZE_REFUSED,
    /** One or more portfolio guards refused the trade. */
    GUARD_REJECTED,
    /** The broker refused the order. */
    BROKER_REJECTED,
    /** The plan's entry, stop or target is not a finite positive price. */
    INVALID_PLAN
  }

  /** Returns the family of this reason. */
  Kind kind();

  /** Returns the full human-readable reason, with its numbers. */
  String message();

  /**
   * Returns the structured part beside the kind, as stored in the journal's {@code skip_detail}
   * column: the sizer's {@link RefusalReason} name, the refusing guards' names joined by {@code +},
   * or an empty text.
   */
  String detail();

  /**
   * Returns the group a summary counts this reason in, e.g. {@code one position per symbol}, {@code
   * size refused (MIN_SIZE_OVER_TARGET)} or {@code guard DAILY_LOSS+MARGIN}.
   */
  String label();

  /**
   * Rebuilds a reason from its stored columns.
   *
   * @param kind the family
   * @param detail the structured part ({@link #detail()})
   * @param message the full text
   * @return the reason
   * @throws IllegalArgumentException when the detail does not fit the kind
   */
  static SkipReason of(Kind kind, String detail, String message) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    return switch (kind) {
      case SYMBOL_BUSY -> new SymbolBusy(message);
      case SIZE_REFUSED -> new SizeRefused(RefusalReason.valueOf(detail), message);
      case GUARD_REJECTED ->
          new GuardRejected(
              Arrays.stream(detail.split("\\+")).map(Guard::valueOf).toList(), message);
      case BROKER_REJECTED -> new BrokerRejected(message);
      case INVALID_PLAN -> new InvalidPlan(message);
    };
  }

  private static String requireText(String message) {
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
    return message;
  }

  /**
   * The symbol already holds a position or has a pending entry.
   *
   * @param message what the symbol holds, since when, and its plan id
   */
  record SymbolBusy(String message) implements SkipReason {

    /** Validates that the message is not blank. */
    public SymbolBusy {
      requireText(message);
    }

    @Override
    public Kind kind() {
      return Kind.SYMBOL_BUSY;
    }

    @Override
    public String detail() {
      return "";
    }

    @Override
    public String label() {
      return "one position per symbol";
    }
  }

  /**
   * The position sizer refused the plan.
   *
   * @param reason the sizer's rule
   * @param message the full text, {@code size refused (RULE): ...}
   */
  record SizeRefused(RefusalReason reason, String message) implements SkipReason {

    /** Validates that no component is null and the message is not blank. */
    public SizeRefused {
      Objects.requireNonNull(reason, "reason");
      requireText(message);
    }

    /**
     * Makes the reason from the sizer's refusal.
     *
     * @param reason the sizer's rule
     * @param sizerMessage the sizer's message with its numbers
     * @return {@code size refused (RULE): sizerMessage}
     */
    public static SizeRefused of(RefusalReason reason, String sizerMessage) {
      Objects.requireNonNull(reason, "reason");
      return new SizeRefused(reason, "size refused (" + reason + "): " + sizerMessage);
    }

    @Override
    public Kind kind() {
      return Kind.SIZE_REFUSED;
    }

    @Override
    public String detail() {
      return reason.name();
    }

    @Override
    public String label() {
      return "size refused (" + reason + ")";
    }
  }

  /**
   * One or more portfolio guards refused the trade.
   *
   * @param guards the refusing guards, each once, in the order they refused
   * @param message the full text, {@code guard: GUARD message; GUARD message}
   */
  record GuardRejected(List<Guard> guards, String message) implements SkipReason {

    /** Validates that at least one guard is given, each once, and the message is not blank. */
    public GuardRejected {
      guards = List.copyOf(Objects.requireNonNull(guards, "guards"));
      if (guards.isEmpty()) {
        throw new IllegalArgumentException("guards must not be empty");
      }
      if (guards.stream().distinct().count() != guards.size()) {
        throw new IllegalArgumentException("guards must be distinct, was " + guards);
      }
      requireText(message);
    }

    /**
     * Makes the reason from the guards' refusals.
     *
     * @param refusals what each guard said, at least one
     * @return the reason naming each guard once
     */
    public static GuardRejected of(List<GuardRefusal> refusals) {
      Objects.requireNonNull(refusals, "refusals");
      List<Guard> guards = new ArrayList<>();
      for (GuardRefusal r : refusals) {
        if (!guards.contains(r.guard())) {
          guards.add(r.guard());
        }
      }
      return new GuardRejected(
          guards,
          "guard: "
              + refusals.stream()
                  .map(r -> r.guard() + " " + r.message())
                  .collect(Collectors.joining("; ")));
    }

    @Override
    public Kind kind() {
      return Kind.GUARD_REJECTED;
    }

    @Override
    public String detail() {
      return guards.stream().map(Guard::name).collect(Collectors.joining("+"));
    }

    @Override
    public String label() {
      return "guard " + detail();
    }
  }

  /**
   * The broker refused the order.
   *
   * @param message the broker's reason
   */
  record BrokerRejected(String message) implements SkipReason {

    /** Validates that the message is not blank. */
    public BrokerRejected {
      requireText(message);
    }

    @Override
    public Kind kind() {
      return Kind.BROKER_REJECTED;
    }

    @Override
    public String detail() {
      return "";
    }

    @Override
    public String label() {
      return "broker rejected";
    }
  }

  /**
   * The plan's entry, stop or target is not a finite positive price (bad data upstream, e.g. an
   * outlier wick): it is journaled, never traded and never thrown.
   *
   * @param message which price and its value
   */
  record InvalidPlan(String message) implements SkipReason {

    /** Validates that the message is not blank. */
    public InvalidPlan {
      requireText(message);
    }

    @Override
    public Kind kind() {
      return Kind.INVALID_PLAN;
    }

    @Override
    public String detail() {
      return "";
    }

    @Override
    public String label() {
      return "invalid plan";
    }
  }
}
