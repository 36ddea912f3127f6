package org.smc4j.marketdata.validate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smc4j.marketdata.validate.internal.CenteredMedian;

/** Finds the bars a {@link PriceOutlierRule} calls implausible; used by {@link CandleValidator}. */
final class PriceOutliers {

  /** The floor of the median range, as a fraction of the price: one basis point. */
  private static final double MIN_SCALE_FRACTION = 1e-4;

  private static final MathContext DIGITS = new MathContext(8);

  private PriceOutliers() {}

  /**
   * Marks the outliers among the first {@code n} bars and adds one problem per outlier to its
   * file's list.
   *
   * @return one flag per bar, true for an outlier
   */
  static boolean[] find(
      PriceOutlierRule rule,
      long step,
      int n,
      long[] time,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      List<RawCandles> files,
      int[] fileOf,
      int[] lineOf,
      List<List<DataProblem>> problemsByFile) {
    boolean[] outlier = new boolean[n];
    if (!rule.isOn() || n < PriceOutlierRule.MIN_BARS) {
      return outlier;
    }
    double[] range = new double[n];
    for (int i = 0; i < n; i++) {
      range[i] = high[i] - low[i];
    }
    final double[] median = CenteredMedian.of(range, n, rule.window());
    final int windowBars = (int) Math.min(n, 2L * rule.window() + 1);
    final double rangeLimit = rule.rangeMultiple();
    final double jumpLimit = rule.jumpMultiple();
    int prev = -1;
    for (int i = 0; i < n; i++) {
      final double reference = prev >= 0 ? close[prev] : open[i];
      final double scale = Math.max(median[i], MIN_SCALE_FRACTION * reference);
      final double r = range[i];
      if (r > rangeLimit * scale) {
        outlier[i] = true;
        boolean highWick =
            high[i] - Math.max(open[i], close[i]) >= Math.min(open[i], close[i]) - low[i];
        String message =
            String.format(
                Locale.ROOT,
                "range %s (high %s - low %s) is %.0f x the median range %s of the %d bars around"
                    + " it (limit %s x): price outlier",
                plain(r),
                plain(high[i]),
                plain(low[i]),
                r / scale,
                plain(scale),
                windowBars,
                plain(rangeLimit));
        add(
            problemsByFile,
            files,
            fileOf[i],
            lineOf[i],
            highWick ? "high" : "low",
            message,
            time[i]);
        continue;
      }
      // A jump counts only when the bar stands alone: far from the previous plausible close and
      // from the next bar's open. A real move to a new level jumps on one side only.
      final boolean hasLeft = prev >= 0;
      final boolean hasRight = i + 1 < n;
      final double leftJump = hasLeft ? Math.abs(open[i] - close[prev]) : 0;
      final double rightJump = hasRight ? Math.abs(open[i + 1] - close[i]) : 0;
      final double leftLimit =
          hasLeft ? jumpLimit * scale * Math.sqrt((double) (time[i] - time[prev]) / step) : 0;
      final double rightLimit =
          hasRight ? jumpLimit * scale * Math.sqrt((double) (time[i + 1] - time[i]) / step) : 0;
      final boolean leftFar = !hasLeft || leftJump > leftLimit;
      final boolean rightFar = !hasRight || rightJump > rightLimit;
      if ((hasLeft || hasRight) && leftFar && rightFar) {
        outlier[i] = true;
        String message;
        if (hasLeft) {
          message =
              String.format(
                  Locale.ROOT,
                  "%s is %.0f x the median range %s from the previous close %s (limit %s x), and"
                      + " the bar's close %s is as far from the next open: price outlier",
                  plain(open[i]),
                  leftJump / scale,
                  plain(scale),
                  plain(close[prev]),
                  plain(jumpLimit),
                  plain(close[i]));
        } else {
          message =
              String.format(
                  Locale.ROOT,
                  "the first bar's close %s is %.0f x the median range %s from the next open %s"
                      + " (limit %s x): price outlier",
                  plain(close[i]),
                  rightJump / scale,
                  plain(scale),
                  plain(open[i + 1]),
                  plain(jumpLimit));
        }
        add(
            problemsByFile,
            files,
            fileOf[i],
            lineOf[i],
            hasLeft ? "open" : "close",
            message,
            time[i]);
        continue;
      }
      prev = i;
    }
    return outlier;
  }

  private static void add(
      List<List<DataProblem>> problemsByFile,
      List<RawCandles> files,
      int file,
      int line,
      String field,
      String message,
      long openTimeMillis) {
    problemsByFile
        .get(file)
        .add(
            new DataProblem(
                files.get(file).source(),
                line,
                field,
                message,
                ProblemKind.PRICE_OUTLIER,
                Optional.of(Instant.ofEpochMilli(openTimeMillis))));
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).round(DIGITS).stripTrailingZeros().toPlainString();
  }
}
