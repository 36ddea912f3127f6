package org.smc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.testing.SharedData;
import picocli.CommandLine;

class SizeCommandTest {

  /** Exit code and captured output of one run. */
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Smc4jMain.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String swaps() {
    return SharedData.requireShared("okx-fixtures/public-instruments-SWAP.json").toString();
  }

  @Test
  void shouldPrintTheBtcComputationStepByStep() {
    Run r =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "BTC-USDT-SWAP",
            "--entry",
            "65000",
            "--stop",
            "64800");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.err()).isEmpty();
    // The numbers worked by hand in the risk module's PositionSizerTest.
    assertThat(r.out())
        .contains(
            "BTC-USDT-SWAP long: entry 65000, stop 64800, risk 1 (tolerance 0.1),"
                + " market (taker) entry, leverage 10x")
        .contains("1. stop distance:  |65000 - 64800| = 200 = 2000 ticks of 0.1")
        .contains("2. stop fill:      64800 - slippage 0.1 = 64799.9")
        .contains("     price move    200 x 0.01 = 2")
        .contains("     slippage      0.1 x 0.01 = 0.001")
        .contains("     entry fee     taker 0.05 % x 65000 x 0.01 = 0.325")
        .contains("     exit fee      taker 0.05 % x 64799.9 x 0.01 = 0.3239995")
        .contains("     total         2.6499995")
        .contains(
            "4. contracts:      1 / 2.6499995 = 0.37735856 -> rounded down to lotSz 0.01: 0.37")
        .contains("   size:           0.37 contracts")
        .contains("5. notional:       0.37 x 0.01 x 65000 = 240.5 USDT")
        .contains("6. initial margin: 240.5 / 10 = 24.05 USDT (isolated)")
        .contains("7. risk all-in:    0.37 x 2.6499995 = 0.980499815 USDT = 0.9805 x the 1 target");
  }

  @Test
  void shouldSizeWithTheRiskSectionOfTheConfigUnlessAnOptionOverridesIt(@TempDir Path dir)
      throws Exception {
    // The same smc4j.yaml as scan and backtest: with risk-usd 2 the scan sizes for $2, so does
    // size.
    Path config = dir.resolve("smc4j.yaml");
    Files.writeString(
        config, "risk:\n  risk-usd: 2\n  leverage: 5\n  fees: {maker: 0.0001, taker: 0.0004}\n");
    String[] trade = {
      "size", "--specs", swaps(), "--symbol", "BTC-USDT-SWAP", "--entry", "65000", "--stop", "64800"
    };

    Run fromFile = run(concat(trade, "--config", config.toString()));
    Run option = run(concat(trade, "--config", config.toString(), "--risk", "3"));
    Run builtIn = run(trade);

    assertThat(fromFile.exit()).as(fromFile.err()).isEqualTo(ExitCodes.OK);
    assertThat(fromFile.out())
        .contains("risk 2 (tolerance 0.1), market (taker) entry, leverage 5x")
        .contains("     entry fee     taker 0.04 % x 65000 x 0.01 = 0.26");
    assertThat(option.out()).contains("risk 3 (tolerance 0.1), market (taker) entry, leverage 5x");
    assertThat(builtIn.out())
        .contains("risk 1 (tolerance 0.1), market (taker) entry, leverage 10x");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "risk:\n  risk-usd: -1\n");
    Run badFile = run(concat(trade, "--config", bad.toString()));
    assertThat(badFile.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badFile.err()).startsWith("error: ").contains("bad.yaml").contains("risk-usd");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void shouldInferShortFromAStopAboveAndHonourMakerRiskLeverageAndSlippage() {
    // ETH short 3500 -> 3535, $2, maker entry, 2 ticks, 5x: per contract 3.5 + 0.002
    // + 0.0002 x 3500 x 0.1 = 0.07 + 0.0005 x 3535.02 x 0.1 = 0.176751 -> 3.748751;
    // 2 / 3.748751 = 0.5335 -> 0.53; notional 0.53 x 0.1 x 3500 = 185.5; margin 37.1.
    Run r =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "ETH-USDT-SWAP",
            "--entry",
            "3500",
            "--stop",
            "3535",
            "--risk",
            "2",
            "--maker",
            "--slippage-ticks",
            "2",
            "--leverage",
            "5");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("ETH-USDT-SWAP short:")
        .contains("limit (maker) entry, leverage 5x")
        .contains("     entry fee     maker 0.02 % x 3500 x 0.1 = 0.07")
        .contains("     total         3.748751")
        .contains("   size:           0.53 contracts")
        .contains("6. initial margin: 185.5 / 5 = 37.1 USDT (isolated)");
  }

  @Test
  void shouldPrintTheRefusalAndExitOne() {
    Run r =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "BTC-USDT-SWAP",
            "--entry",
            "65000",
            "--stop",
            "54000");
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out())
        .contains(
            "REFUSED (MIN_SIZE_OVER_TARGET): BTC-USDT-SWAP: the minimum size 0.01 contracts would"
                + " lose 1.10596 all-in");
    Run wrongSide =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "BTC-USDT-SWAP",
            "--side",
            "SHORT",
            "--entry",
            "65000",
            "--stop",
            "64800");
    assertThat(wrongSide.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(wrongSide.out()).contains("REFUSED (STOP_ON_WRONG_SIDE)");
    Run inverse =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "BTC-USD-SWAP",
            "--entry",
            "65000",
            "--stop",
            "64000");
    assertThat(inverse.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(inverse.out()).contains("REFUSED (INVERSE_UNSUPPORTED)");
  }

  @Test
  void shouldRefuseASizeAboveTheMaximumMarketSizeUnlessCappingIsAsked() {
    Run r =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "ETH-USDT-SWAP",
            "--entry",
            "3500",
            "--stop",
            "3535",
            "--risk",
            "100000");
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out())
        .contains(
            "REFUSED (ABOVE_MAX_SIZE): ETH-USDT-SWAP: the risk 100000 buys more than the venue's"
                + " maximum market order of 20000 contracts");
  }

  @Test
  void shouldShowTheCapWhenTheIdealSizeExceedsTheMaximumMarketSize() {
    Run r =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "ETH-USDT-SWAP",
            "--entry",
            "3500",
            "--stop",
            "3535",
            "--risk",
            "100000",
            "--cap-at-max-size");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("   capped at the maximum market order size 20000 (risking less than the target)")
        .contains("   size:           20000 contracts");
  }

  /** Serves the real OKX instruments response (or an OKX error) on loopback, as OKX would. */
  private static HttpServer instrumentsServer(int status, byte[] body) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v5/public/instruments",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          try (var os = exchange.getResponseBody()) {
            os.write(body);
          }
        });
    server.start();
    return server;
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void shouldFetchTheLiveSpecsFromOkxWhenNoSpecFileIsGiven() throws Exception {
    HttpServer okx = instrumentsServer(200, Files.readAllBytes(Path.of(swaps())));
    try {
      Run r =
          run(
              "size",
              "--okx-url",
              url(okx),
              "--symbol",
              "BTC-USDT-SWAP",
              "--entry",
              "65000",
              "--stop",
              "64800");
      assertThat(r.exit()).isEqualTo(ExitCodes.OK);
      // Same spec and numbers as from the saved file (worked by hand in PositionSizerTest).
      assertThat(r.out())
          .contains("tickSz 0.1, lotSz 0.01, minSz 0.01")
          .contains("(from OKX " + url(okx) + " (live))")
          .contains("   size:           0.37 contracts");
    } finally {
      okx.stop(0);
    }
  }

  @Test
  void shouldNameTheLiveSourceForAnUnknownSymbol() throws Exception {
    HttpServer okx = instrumentsServer(200, Files.readAllBytes(Path.of(swaps())));
    try {
      Run r =
          run(
              "size",
              "--okx-url",
              url(okx),
              "--symbol",
              "NOPE-USDT-SWAP",
              "--entry",
              "1",
              "--stop",
              "2");
      assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .startsWith(
              "error: unknown symbol NOPE-USDT-SWAP: not among the 3 instruments in OKX "
                  + url(okx)
                  + " (live)");
    } finally {
      okx.stop(0);
    }
  }

  @Test
  void shouldFailClearlyWhenOkxRejectsTheRequest() throws Exception {
    byte[] rejected =
        "{\"code\":\"51000\",\"msg\":\"Parameter instType error\",\"data\":[]}"
            .getBytes(StandardCharsets.UTF_8);
    HttpServer okx = instrumentsServer(200, rejected);
    try {
      Run r =
          run(
              "size",
              "--okx-url",
              url(okx),
              "--symbol",
              "BTC-USDT-SWAP",
              "--entry",
              "65000",
              "--stop",
              "64800");
      assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .startsWith("error: cannot fetch the contract specs from OKX " + url(okx) + " (live): ")
          .contains("51000")
          .contains("(pass --specs FILE to size offline)");
    } finally {
      okx.stop(0);
    }
  }

  @Test
  void shouldListCountAndNearMatchesForAnUnknownSymbol() {
    String file = swaps();
    Run r = run("size", "--specs", file, "--symbol", "BTC-USDT-SWP", "--entry", "1", "--stop", "2");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(
            "error: unknown symbol BTC-USDT-SWP: not among the 3 instruments in "
                + file
                + "; near matches: BTC-USDT-SWAP");
    Run none = run("size", "--specs", file, "--symbol", "DOGE", "--entry", "1", "--stop", "2");
    assertThat(none.err()).contains("not among the 3 instruments").contains("no near matches");
  }

  @Test
  void shouldFindTheOkxIdByTheSymbolOfTheCandleFilesAsEverySpecsReaderDoes() {
    Run r =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "BTCUSDT",
            "--entry",
            "65000",
            "--stop",
            "64500");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("BTC-USDT-SWAP long: entry 65000, stop 64500");
  }

  @Test
  void shouldReadAUserSpecFile(@TempDir Path dir) throws Exception {
    Path specs = dir.resolve("binance.csv");
    Files.writeString(
        specs,
        "instId,ctType,settleCcy,ctVal,ctValCcy,tickSz,lotSz,minSz,maxLmtSz,maxMktSz\n"
            + "BTCUSDT,linear,USDT,1,BTC,0.1,0.001,0.001,1000,120\n");
    // 1 BTC per contract, 65000 -> 64800: 200 + 0.1 + 32.5 + 0.0005 x 64799.9 = 32.39995
    // -> 264.99995 per contract; 1 / that = 0.00377 -> 0.003 contracts.
    Run r =
        run(
            "size",
            "--specs",
            specs.toString(),
            "--symbol",
            "BTCUSDT",
            "--entry",
            "65000",
            "--stop",
            "64800");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("   size:           0.003 contracts");
  }

  @Test
  void shouldReportUnreadableAndInvalidSpecFiles(@TempDir Path dir) throws Exception {
    Run missing =
        run(
            "size",
            "--specs",
            dir.resolve("nope.json").toString(),
            "--symbol",
            "X",
            "--entry",
            "1",
            "--stop",
            "2");
    assertThat(missing.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.err()).contains("error: cannot read --specs ").contains("no such file");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "instId,ctType\n");
    Run invalid =
        run("size", "--specs", bad.toString(), "--symbol", "X", "--entry", "1", "--stop", "2");
    assertThat(invalid.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(invalid.err()).contains(bad + ":1:settleCcy: required column missing");
  }

  @Test
  void shouldNameTheOptionOfAnInvalidValue() {
    Run r =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "BTC-USDT-SWAP",
            "--entry",
            "65000",
            "--stop",
            "64800",
            "--risk",
            "0");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo("error: --risk: riskUsd must be > 0, was 0" + System.lineSeparator());
    Run both =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "BTC-USDT-SWAP",
            "--entry",
            "65000",
            "--stop",
            "64800",
            "--slippage-ticks",
            "1",
            "--slippage-price",
            "2");
    assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("give either --slippage-ticks or --slippage-price, not both");
    Run fee =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "BTC-USDT-SWAP",
            "--entry",
            "65000",
            "--stop",
            "64800",
            "--taker-fee",
            "0.05");
    assertThat(fee.err()).startsWith("error: --taker-fee: takerRate must be in [0, 0.01)");
  }

  @Test
  void shouldRefuseNonFinitePricesFromTheCommandLine() {
    Run r =
        run(
            "size",
            "--specs",
            swaps(),
            "--symbol",
            "BTC-USDT-SWAP",
            "--entry",
            "NaN",
            "--stop",
            "64800");
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).contains("REFUSED (NON_FINITE_INPUT)");
  }
}
