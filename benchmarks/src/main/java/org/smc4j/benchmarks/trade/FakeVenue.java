package org.smc4j.benchmarks.trade;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxClientConfig;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.execution.CrashPoints;
import org.smc4j.exchange.okx.execution.ExecutionSettings;
import org.smc4j.exchange.okx.execution.OkxBroker;
import org.smc4j.exchange.okx.execution.OkxExecutor;
import org.smc4j.exchange.okx.model.MarginMode;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.preflight.PreflightSettings;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.exchange.okx.rate.Sleeper;
import org.smc4j.okx.fake.FakeOkxServer;
import org.smc4j.okx.fake.Fault;
import org.smc4j.trading.execution.ExecutionJournal;

/**
 * The bot's OKX side on a fake exchange, as the demo mode builds it: okx-fake's {@link
 * FakeOkxServer} on 127.0.0.1 (demo key), the signed {@link OkxClient} on the system clock with
 * OKX's rate limits, sending through a {@link CapturingHttpClient}; an {@link ExecutionJournal}
 * (SQLite) in a work folder; a started {@link OkxExecutor} with the default execution settings and
 * real sleeps; and the pipeline's {@link OkxBroker} over it.
 */
final class FakeVenue implements AutoCloseable {

  private static final String KEY = "bench-key";
  private static final String SECRET = "bench-secret";
  private static final String PASSPHRASE = "bench-pass";

  final FakeOkxServer server;
  final List<OkxInstrument> instruments;
  final CapturingHttpClient http;
  final ExecutionJournal journal;
  final OkxExecutor executor;
  final OkxBroker broker;
  final List<String> alerts = new CopyOnWriteArrayList<>();

  /**
   * Starts the fake, the client and the executor.
   *
   * @param fixtures the okx-fixtures folder the fake serves; its USDT swaps, read from the fake's
   *     instruments endpoint as the bot reads OKX's, are the ones the executor trades
   * @param journalFile the execution journal's file (created)
   * @param answerDelay how long the fake waits before answering each request, zero for none
   * @param delayedRequests how many requests get that delay (from the first, start-up included)
   * @param maxOpenTrades the executor's limit of open trades
   * @param clock the executor's clock (deadlines, journal times, entry validity); the client signs
   *     on the system clock, as the fake checks
   */
  FakeVenue(
      Path fixtures,
      Path journalFile,
      Duration answerDelay,
      int delayedRequests,
      int maxOpenTrades,
      InstantSource clock) {
    server =
        FakeOkxServer.start(fixtures, new FakeOkxServer.Account(KEY, SECRET, PASSPHRASE, true));
    if (!answerDelay.isZero()) {
      for (int i = 0; i < delayedRequests; i++) {
        server.faults().add("*", "*", new Fault.SlowAnswer(answerDelay));
      }
    }
    http =
        new CapturingHttpClient(
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    OkxClient client =
        OkxClient.create(
            new OkxClientConfig(
                server.baseUri(),
                OkxEnvironment.DEMO,
                Optional.of(OkxCredentials.of(KEY, SECRET, PASSPHRASE)),
                Duration.ofSeconds(5),
                OkxClientConfig.DEFAULT_EXP_TIME_WINDOW),
            http,
            InstantSource.system(),
            OkxRateLimiter.of(InstantSource.system(), Sleeper.SYSTEM, 1.0));
    instruments =
        client.instruments("SWAP", "").orElseThrow().stream()
            .filter(i -> i.instId().endsWith("-USDT-SWAP"))
            .toList();
    journal = ExecutionJournal.open(journalFile);
    executor =
        new OkxExecutor(
            client,
            journal,
            ExecutionSettings.defaults(new BigDecimal("1000000"), maxOpenTrades),
            instruments,
            clock,
            Sleeper.SYSTEM,
            alerts::add,
            CrashPoints.NONE);
    executor.start(
        PreflightSettings.of(
            OkxEnvironment.DEMO,
            server.baseUri(),
            PositionMode.NET,
            MarginMode.CROSS,
            Optional.empty()));
    broker = new OkxBroker(executor, Duration.ofMinutes(10));
  }

  @Override
  public void close() {
    journal.close();
    server.close();
    http.close();
  }
}
