package org.smc4j.sweep.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md section 1 for this module: the Spark runner reaches the sweep kernel, the candle files
 * and the sweep spec loader, never the exchange adapter, the live side or a logging binding, whose
 * classes (XChange and its Jackson, log4j-to-slf4j, logback) are left out of the Spark jar.
 */
class SweepSparkArchitectureTest {

  // this module's classes folder only: scanning Spark's class path for the package costs seconds
  private final JavaClasses main =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importUrl(SparkSweepRunner.class.getProtectionDomain().getCodeSource().getLocation());

  @Test
  void shouldNeverSeeTheExchangeAdapterTheLiveSideOrALoggingBinding() {
    assertThat(main.stream().anyMatch(c -> c.getSimpleName().equals("SparkSweepRunner"))).isTrue();
    noClasses()
        .that()
        .resideInAPackage("org.smc4j.sweep.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.knowm.xchange..",
            "org.smc4j.marketdata.okx..",
            "org.smc4j.exchange..",
            "org.smc4j.live..",
            "org.smc4j.app.trade..",
            "org.smc4j.app.scan..",
            "ch.qos.logback..",
            "org.apache.logging.slf4j..")
        .check(main);
  }
}
