package org.smc4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.smc4j.core.testing.SharedData;

/**
 * Runs every JMH benchmark of this module once, in-process and very briefly, so that none rots: it
 * must compile, set up and return a result. No timing is asserted (the CI machine is shared).
 */
class BenchmarksSmokeTest {

  /** Every benchmark class lives in this package or below it. */
  private static final String INCLUDE = "^org\\.smc4j\\.benchmarks\\..*";

  @Test
  void everyBenchmarkInTheModuleRunsOnceAndProducesAResult() throws RunnerException {
    SharedData.requireData("binance-usdm/BTCUSDT/5m");
    // Benchmarks read the data through BenchmarkData, which looks at the same property.
    System.setProperty("smc4j.shared.dir", SharedData.sharedDir().toString());
    // JMH takes a machine-wide lock file; other builds on the same machine may hold it.
    System.setProperty("jmh.ignoreLock", "true");

    Set<String> expected = new TreeSet<>();
    for (BenchmarkListEntry entry :
        BenchmarkList.defaultList()
            .find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                List.of(INCLUDE),
                List.of())) {
      expected.add(entry.getUsername());
    }
    assertThat(expected).as("benchmarks found by the JMH annotation processor").isNotEmpty();

    Options options =
        new OptionsBuilder()
            .include(INCLUDE)
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
    Collection<RunResult> results = new Runner(options).run();

    Set<String> ran = new TreeSet<>();
    for (RunResult r : results) {
      ran.add(r.getParams().getBenchmark());
      assertThat(r.getPrimaryResult().getSampleCount())
          .as("samples of %s", r.getParams().getBenchmark())
          .isPositive();
      assertThat(Double.isFinite(r.getPrimaryResult().getScore()))
          .as("score of %s is finite", r.getParams().getBenchmark())
          .isTrue();
    }
    assertThat(ran).isEqualTo(expected);
  }
}
