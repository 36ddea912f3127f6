package org.smc4j.app.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.smc4j.sweep.ComboScore;
import org.smc4j.sweep.ParamValue;

/** The distinct values each swept parameter took, in natural order (numbers by value). */
public final class ParamAxes {

  private ParamAxes() {}

  /** Orders numbers by value, flags false first, words alphabetically, kinds in that order. */
  public static final Comparator<ParamValue> ORDER =
      Comparator.comparingInt(ParamAxes::kind)
          .thenComparing(
              (a, b) ->
                  switch (a) {
                    case ParamValue.Decimal d ->
                        d.value().compareTo(((ParamValue.Decimal) b).value());
                    case ParamValue.Flag f ->
                        Boolean.compare(f.value(), ((ParamValue.Flag) b).value());
                    case ParamValue.Word w -> w.value().compareTo(((ParamValue.Word) b).value());
                  });

  public static List<ParamValue> values(List<ComboScore> scores, String key) {
    Set<ParamValue> seen = new LinkedHashSet<>();
    for (ComboScore s : scores) {
      seen.add(s.params().get(key));
    }
    List<ParamValue> out = new ArrayList<>(seen);
    out.sort(ORDER);
    return out;
  }

  private static int kind(ParamValue v) {
    return switch (v) {
      case ParamValue.Decimal d -> 0;
      case ParamValue.Flag f -> 1;
      case ParamValue.Word w -> 2;
    };
  }
}
