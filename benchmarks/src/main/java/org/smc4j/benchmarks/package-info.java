/**
 * JMH benchmarks guarding smc4j's hot paths. Every {@code @Benchmark} class in this package is run
 * once, very briefly, by {@code BenchmarksSmokeTest} in every build so none of them rots; real
 * measurements: {@code java -jar benchmarks/target/benchmarks.jar} (see benchmarks/README.md).
 */
package org.smc4j.benchmarks;
