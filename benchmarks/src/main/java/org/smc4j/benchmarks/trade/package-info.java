/**
 * Harnesses for the bot's order path (issue 11): {@link
 * org.smc4j.benchmarks.trade.SignalLatencyBenchmark} times a signal from the {@code TradePipeline}
 * through {@code OkxBroker} and {@code OkxExecutor} to the place-order request leaving the process;
 * {@link org.smc4j.benchmarks.trade.CloseCycleBenchmark} runs one 5m close of 50 symbols through
 * the scan loop, the pipeline and the OKX broker against okx-fake's {@code FakeOkxServer} answering
 * every request after a set delay. Both run against the fake on 127.0.0.1; see
 * benchmarks/README.md.
 */
package org.smc4j.benchmarks.trade;
