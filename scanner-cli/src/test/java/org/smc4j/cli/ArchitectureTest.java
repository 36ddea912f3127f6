package org.smc4j.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestSettings;

/**
 * The module and package rules of STYLE.md section 1, checked on the compiled main classes of every
 * module on this test's class path (strategy-core, risk, marketdata, marketdata-okx, trading,
 * backtest, sweep, exchange-okx, app, scanner-cli). A module is the package below {@code
 * org.smc4j}: {@code core} (strategy-core), {@code risk}, {@code marketdata} (with marketdata-okx,
 * the OKX adapter in {@code marketdata.okx}), {@code trading}, {@code backtest}, {@code live},
 * {@code exchange}, {@code sweep}, {@code app}, {@code cli} (scanner-cli), {@code benchmarks},
 * {@code examples}. Rules about the marketdata/marketdata-okx split look at where a class was
 * loaded from, since both modules share the package {@code marketdata.okx}.
 */
class ArchitectureTest {

  private static final String CORE = "org.smc4j.core..";
  private static final String RISK = "org.smc4j.risk..";
  private static final String MARKETDATA = "org.smc4j.marketdata..";
  private static final String TRADING = "org.smc4j.trading..";
  private static final String BACKTEST = "org.smc4j.backtest..";
  private static final String LIVE = "org.smc4j.live..";
  private static final String EXCHANGE = "org.smc4j.exchange..";
  private static final String SWEEP = "org.smc4j.sweep..";
  private static final String APP = "org.smc4j.app..";
  private static final String CLI = "org.smc4j.cli..";
  private static final String BENCHMARKS = "org.smc4j.benchmarks..";
  private static final String EXAMPLES = "org.smc4j.examples..";

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // strategy-core's test-jar (SharedData, golden helpers) is test code too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.smc4j");
  }

  private static void check(ArchRule rule) {
    rule.check(main);
  }

  @Test
  void shouldSeeTheMainClassesOfTheModules() {
    // a rule over no classes passes vacuously: make sure the modules are really there
    for (String module :
        List.of("core", "risk", "marketdata", "trading", "backtest", "sweep", "app", "cli")) {
      assertThat(main.stream().anyMatch(c -> c.getPackageName().startsWith("org.smc4j." + module)))
          .as(module)
          .isTrue();
    }
  }

  @Test
  void shouldHaveNoCycleBetweenModules() {
    check(slices().matching("org.smc4j.(*)..").should().beFreeOfCycles());
  }

  @Test
  void strategyCoreShouldSeeOnlyTa4jAndTheJdk() {
    check(
        classes()
            .that()
            .resideInAPackage(CORE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(CORE, "java..", "org.ta4j.."));
  }

  @Test
  void riskShouldSeeOnlyStrategyCore() {
    check(
        noClasses()
            .that()
            .resideInAPackage(RISK)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                MARKETDATA,
                TRADING,
                BACKTEST,
                LIVE,
                EXCHANGE,
                SWEEP,
                APP,
                CLI,
                BENCHMARKS,
                EXAMPLES));
  }

  @Test
  void marketdataShouldNeverSeeRiskTradingOrBacktest() {
    check(
        noClasses()
            .that()
            .resideInAPackage(MARKETDATA)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                RISK, TRADING, BACKTEST, LIVE, EXCHANGE, SWEEP, APP, CLI, BENCHMARKS, EXAMPLES));
  }

  @Test
  void tradingShouldSeeOnlyStrategyCoreAndRisk() {
    check(
        noClasses()
            .that()
            .resideInAPackage(TRADING)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                MARKETDATA, BACKTEST, LIVE, EXCHANGE, SWEEP, APP, CLI, BENCHMARKS, EXAMPLES));
  }

  @Test
  void backtestShouldSeeOnlyStrategyCoreRiskAndTrading() {
    check(
        noClasses()
            .that()
            .resideInAPackage(BACKTEST)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(MARKETDATA, LIVE, EXCHANGE, SWEEP, APP, CLI, BENCHMARKS, EXAMPLES));
  }

  /**
   * STYLE draws {@code sweep <- backtest}; sweep also reads candle CSVs and infers specs through
   * marketdata today (CandleCsvReader, InferredContractSpec), so marketdata is not refused here.
   */
  @Test
  void sweepShouldNeverSeeTheLiveSideOrTheApplication() {
    check(
        noClasses()
            .that()
            .resideInAPackage(SWEEP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(LIVE, EXCHANGE, APP, CLI, BENCHMARKS, EXAMPLES));
  }

  @Test
  void xchangeTypesShouldNeverLeaveMarketdataOkx() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage("org.smc4j.marketdata.okx..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.knowm.xchange.."));
  }

  /**
   * The exchange adapter (XChange, and the Jackson it is tested with) lives in marketdata-okx, so
   * marketdata itself, and everything the sweep runs on, reads files only (SWEEPS.md: Spark pins
   * its own Jackson, which must never meet XChange's).
   */
  @Test
  void marketdataModuleShouldNeverSeeXChangeOrJackson() {
    assertThat(main.stream().anyMatch(IN_MARKETDATA_MODULE)).as("marketdata module").isTrue();
    assertThat(main.stream().anyMatch(c -> c.getName().endsWith(".okx.OkxMarketData")))
        .as("marketdata-okx module")
        .isTrue();
    check(
        noClasses()
            .that(IN_MARKETDATA_MODULE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.knowm.xchange..", "com.fasterxml.jackson.."));
  }

  @Test
  void sweepShouldNeverSeeTheExchangeAdapter() {
    check(
        noClasses()
            .that()
            .resideInAPackage(SWEEP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.knowm.xchange..", "com.fasterxml.jackson..")
            .orShould()
            .dependOnClassesThat(IN_MARKETDATA_OKX_MODULE));
  }

  /**
   * Classes loaded from the marketdata module (its classes directory or jar), not marketdata-okx.
   */
  private static final DescribedPredicate<JavaClass> IN_MARKETDATA_MODULE =
      DescribedPredicate.describe(
          "are in the marketdata module", c -> loadedFrom(c, "/marketdata/", "/marketdata-okx/"));

  /** Classes loaded from the marketdata-okx module. */
  private static final DescribedPredicate<JavaClass> IN_MARKETDATA_OKX_MODULE =
      DescribedPredicate.describe(
          "are in the marketdata-okx module", c -> loadedFrom(c, "/marketdata-okx/", null));

  private static boolean loadedFrom(JavaClass c, String module, String notModule) {
    return c.getSource()
        .map(s -> s.getUri().toString())
        .filter(u -> u.contains(module) && (notModule == null || !u.contains(notModule)))
        .isPresent();
  }

  @Test
  void nothingShouldDependOnScannerCliBenchmarksOrExamples() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(CLI)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CLI));
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(BENCHMARKS, EXAMPLES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(BENCHMARKS, EXAMPLES));
  }

  @Test
  void onlyScannerCliShouldDependOnTheApplicationLayer() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(APP, CLI)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(APP));
  }

  @Test
  void commandClassesShouldNotUseBacktestInternals() {
    check(COMMANDS_SEE_NO_BACKTEST_INTERNALS);
  }

  @Test
  void shouldFailOnAForbiddenImport() {
    // A command that builds the replay itself, as BacktestCommand did before BacktestJob.
    JavaClasses offender = new ClassFileImporter().importClasses(ReplayingCommand.class);

    EvaluationResult result = COMMANDS_SEE_NO_BACKTEST_INTERNALS.evaluate(offender);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("BacktestEngine"));
  }

  /**
   * Commands reach the backtest through {@code app}'s jobs: they may read its results ({@code
   * replay.BacktestResult}, {@code ProgressListener}, {@code SymbolFailure}), metrics and report,
   * never the replay, broker, fill, fee, slippage, funding or journal machinery.
   */
  private static final ArchRule COMMANDS_SEE_NO_BACKTEST_INTERNALS =
      noClasses()
          .that()
          .resideInAPackage(CLI)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.smc4j.backtest.broker..",
              "org.smc4j.backtest.fill..",
              "org.smc4j.backtest.fee..",
              "org.smc4j.backtest.slippage..",
              "org.smc4j.backtest.funding..",
              "org.smc4j.backtest.journal..",
              "org.smc4j.backtest..internal..")
          .orShould()
          .dependOnClassesThat()
          .haveNameMatching(
              "org\\.smc4j\\.backtest\\.replay\\.(?!BacktestResult|ProgressListener|SymbolFailure)"
                  + ".*")
          .because("a command parses options and prints; the work is in an app job (STYLE 1)");

  /** Test fixture: what a command must not do. */
  static final class ReplayingCommand {
    BacktestEngine build(BacktestSettings settings) {
      return new BacktestEngine(settings);
    }
  }
}
