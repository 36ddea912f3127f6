package org.smc4j.sweep.stats;

/**
 * The standard normal distribution's CDF and quantile, in plain Java (the sweep module has no
 * third-party runtime dependency). The CDF uses Marsaglia's Taylor series (Marsaglia 2004,
 * "Evaluating the Normal Distribution", J. Stat. Softw. 11(4)) on {@code [-3, 3]} and the continued
 * fraction of the Mills ratio in the tails, so small tail probabilities keep their relative
 * precision; the quantile uses Acklam's rational approximation refined by one Halley step on that
 * CDF.
 */
public final class NormalDistribution {

  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  private NormalDistribution() {}

  /**
   * Returns {@code P(Z <= x)}.
   *
   * @param x any number; NaN gives NaN
   * @return the probability
   */
  public static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < -38) {
      return 0;
    }
    if (x > 38) {
      return 1;
    }
    if (x < -3) {
      // the series cancels in the left tail: use the continued fraction of the Mills ratio,
      // Q(z) = phi(z) / (z + 1/(z + 2/(z + 3/(z + ...)))), evaluated from the back
      double z = -x;
      double t = 0;
      for (int k = 300; k >= 1; k--) {
        t = k / (z + t);
      }
      return density(z) / (z + t);
    }
    if (x > 3) {
      return 1 - cdf(-x);
    }
    double sum = x;
    double term = x;
    double x2 = x * x;
    for (int i = 3; sum + term != sum; i += 2) {
      term = term * x2 / i;
      sum += term;
    }
    return 0.5 + sum * density(x);
  }

  /**
   * Returns the standard normal density.
   *
   * @param x any number
   * @return {@code exp(-x^2/2) / sqrt(2 pi)}
   */
  public static double density(double x) {
    return Math.exp(-0.5 * x * x) / SQRT_2PI;
  }

  /**
   * Returns {@code x} with {@code P(Z <= x) = p}.
   *
   * @param p a probability in {@code (0, 1)}
   * @return the quantile
   * @throws IllegalArgumentException when {@code p} is not in {@code (0, 1)}
   */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1), was " + p);
    }
    // Acklam's coefficients (relative error 1.15e-9 before refinement)
    final double[] a = {
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
    };
    final double[] b = {
      -5.447609879822406e+01,
      1.615858368580409e+02,
      -1.556989798598866e+02,
      6.680131188771972e+01,
      -1.328068155288572e+01
    };
    final double[] c = {
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
    };
    final double[] d = {
      7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };
    double low = 0.02425;
    double x;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      x =
          (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
              / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - low) {
      double q = p - 0.5;
      double r = q * q;
      x =
          (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
              * q
              / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log1p(-p));
      x =
          -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
              / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    // one Halley step on the accurate CDF
    double e = cdf(x) - p;
    double u = e / density(x);
    return x - u / (1 + x * u / 2);
  }
}
