package org.smc4j.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.smc4j.app.size.SizeOutcome;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.risk.LossBreakdown;
import org.smc4j.risk.SizingAdjustment;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.SizingResult;

/** Prints a {@code size} computation step by step. */
final class SizePrinter {

  private SizePrinter() {}

  /** Prints the trade, then the computation when sized, else the refusal with its reason. */
  static void print(PrintWriter out, SizeOutcome o, double entry, double stop) {
    printHeader(out, o, entry, stop);
    switch (o.result()) {
      case SizingResult.Sized s -> printSized(out, s, o.contract(), o.parameters());
      case SizingResult.Refused r ->
          out.printf(Locale.ROOT, "REFUSED (%s): %s%n", r.reason(), r.message());
    }
    out.flush();
  }

  private static void printHeader(PrintWriter out, SizeOutcome o, double entry, double stop) {
    ContractSpec c = o.contract();
    Side s = o.side();
    SizingParameters p = o.parameters();
    String source = o.source();
    out.printf(
        Locale.ROOT,
        "%s %s: entry %s, stop %s, risk %s (tolerance %s), %s entry, leverage %sx%n",
        c.instrumentId(),
        s.name().toLowerCase(Locale.ROOT),
        plain(entry),
        plain(stop),
        plain(p.riskUsd()),
        plain(p.tolerance()),
        p.entryLiquidity() == Liquidity.MAKER ? "limit (maker)" : "market (taker)",
        plain(p.leverage()));
    out.printf(
        Locale.ROOT,
        "contract: %s, %s, settles in %s; ctVal %s %s x ctMult %s = %s %s per contract;"
            + " tickSz %s, lotSz %s, minSz %s, maxLmtSz %s, maxMktSz %s (from %s)%n",
        c.type().name().toLowerCase(Locale.ROOT),
        c.state().okxName(),
        c.settleCurrency(),
        plain(c.contractValue()),
        c.contractValueCurrency(),
        plain(c.contractMultiplier()),
        plain(c.unitsPerContract()),
        c.contractValueCurrency(),
        plain(c.tickSize()),
        plain(c.lotSize()),
        plain(c.minSize()),
        plain(c.maxLimitSize()),
        plain(c.maxMarketSize()),
        source);
  }

  private static void printSized(
      PrintWriter out, SizingResult.Sized s, ContractSpec c, SizingParameters p) {
    String units = plain(c.unitsPerContract());
    String ccy = c.settleCurrency();
    LossBreakdown l = s.perContract();
    BigDecimal slip = s.stopFill().subtract(s.stop()).abs();
    out.printf(
        Locale.ROOT,
        "1. stop distance:  |%s - %s| = %s = %s ticks of %s%n",
        plain(s.entry()),
        plain(s.stop()),
        plain(s.distance()),
        plain(s.distanceTicks()),
        plain(c.tickSize()));
    out.printf(
        Locale.ROOT,
        "2. stop fill:      %s %s slippage %s = %s%n",
        plain(s.stop()),
        s.side() == Side.LONG ? "-" : "+",
        plain(slip),
        plain(s.stopFill()));
    out.printf(Locale.ROOT, "3. loss per contract if stopped (%s):%n", ccy);
    out.printf(
        Locale.ROOT,
        "     price move    %s x %s = %s%n",
        plain(s.distance()),
        units,
        plain(l.priceMove()));
    out.printf(
        Locale.ROOT, "     slippage      %s x %s = %s%n", plain(slip), units, plain(l.slippage()));
    out.printf(
        Locale.ROOT,
        "     entry fee     %s %s x %s x %s = %s%n",
        p.entryLiquidity() == Liquidity.MAKER ? "maker" : "taker",
        percent(p.fees().rate(p.entryLiquidity())),
        plain(s.entry()),
        units,
        plain(l.entryFee()));
    out.printf(
        Locale.ROOT,
        "     exit fee      taker %s x %s x %s = %s%n",
        percent(p.fees().takerRate()),
        plain(s.stopFill()),
        units,
        plain(l.exitFee()));
    out.printf(Locale.ROOT, "     total         %s%n", plain(l.total()));
    out.printf(
        Locale.ROOT,
        "4. contracts:      %s / %s = %s -> rounded down to lotSz %s: %s%n",
        plain(p.riskUsd()),
        plain(l.total()),
        plain(s.idealContracts()),
        plain(c.lotSize()),
        plain(s.idealContracts().divide(c.lotSize(), 0, RoundingMode.FLOOR).multiply(c.lotSize())));
    if (s.adjustments().contains(SizingAdjustment.RAISED_TO_MIN_SIZE)) {
      out.printf(
          Locale.ROOT,
          "   raised to minSz %s: it risks at most %s x (1 + %s)%n",
          plain(c.minSize()),
          plain(p.riskUsd()),
          plain(p.tolerance()));
    }
    if (s.adjustments().contains(SizingAdjustment.CAPPED_AT_MAX_SIZE)) {
      out.printf(
          Locale.ROOT,
          "   capped at the maximum %s order size %s (risking less than the target)%n",
          p.entryLiquidity() == Liquidity.MAKER ? "limit" : "market",
          plain(c.maxSize(p.entryLiquidity())));
    }
    out.printf(Locale.ROOT, "   size:           %s contracts%n", plain(s.contracts()));
    out.printf(
        Locale.ROOT,
        "5. notional:       %s x %s x %s = %s %s%n",
        plain(s.contracts()),
        units,
        plain(s.entry()),
        plain(s.notional()),
        ccy);
    out.printf(
        Locale.ROOT,
        "6. initial margin: %s / %s = %s %s (isolated)%n",
        plain(s.notional()),
        plain(p.leverage()),
        plain(s.initialMargin()),
        ccy);
    out.printf(
        Locale.ROOT,
        "7. risk all-in:    %s x %s = %s %s = %s x the %s target%n",
        plain(s.contracts()),
        plain(l.total()),
        plain(s.riskAllIn()),
        ccy,
        plain(s.riskRatio()),
        plain(s.targetRisk()));
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static String plain(double value) {
    return Double.isFinite(value) ? plain(BigDecimal.valueOf(value)) : Double.toString(value);
  }

  private static String percent(BigDecimal rate) {
    return plain(rate.movePointRight(2)) + " %";
  }
}
