/**
 * The sweep on Apache Spark against the local runner ({@link
 * org.smc4j.benchmarks.spark.SparkSweepComparison}). Compiled and run only with the {@code
 * spark-bench} Maven profile, which adds Spark (about 280 MB) to this module; the default build and
 * the benchmarks jar carry no Spark.
 */
package org.smc4j.benchmarks.spark;
