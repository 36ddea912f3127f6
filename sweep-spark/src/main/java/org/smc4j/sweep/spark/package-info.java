/**
 * The sweep on Apache Spark: {@link org.smc4j.sweep.spark.SparkSweepRunner} runs the tasks of a
 * sweep spec through the same {@link org.smc4j.sweep.TaskExecutor} as the local runner, one
 * symbol's tasks per slice, and writes the rows as Parquet partitioned by symbol and window; {@link
 * org.smc4j.sweep.spark.SparkSweepMain} is the {@code spark-submit} entry point.
 */
package org.smc4j.sweep.spark;
