package org.smc4j.app.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.spec.ContractSpecs;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.SizingResult;

class SizeJobTest {

  private static final URI UNUSED = URI.create("https://www.okx.com");

  @TempDir Path dir;

  private static Path swaps() {
    return SharedData.requireShared("okx-fixtures/public-instruments-SWAP.json");
  }

  @Test
  void shouldSizeAShortWhenTheStopIsAboveTheEntryOnTheSpecOfTheFile() {
    ContractSpecs specs = SizeJob.specs(Optional.of(swaps()), UNUSED);

    SizeOutcome o =
        SizeJob.run(
            new SizeRequest("ETHUSDT", 3500, 3535, Optional.empty(), SizingParameters.DEFAULT),
            specs);

    assertThat(o.contract().instrumentId()).isEqualTo("ETH-USDT-SWAP");
    assertThat(o.side()).isEqualTo(Side.SHORT);
    assertThat(o.source()).isEqualTo(swaps().toString());
    assertThat(o.result()).isInstanceOf(SizingResult.Sized.class);
  }

  @Test
  void shouldNameTheOptionAndTheFileWhenTheSpecFileIsMissingOrInvalid() throws IOException {
    Path missing = dir.resolve("nope.json");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "instId,ctType\n");

    assertThatThrownBy(() -> SizeJob.specs(Optional.of(missing), UNUSED))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("cannot read --specs " + missing + ": no such file");
    assertThatThrownBy(() -> SizeJob.specs(Optional.of(bad), UNUSED))
        .isInstanceOf(MarketDataException.class)
        .hasMessageStartingWith("--specs " + bad + ": ")
        .hasMessageContaining(bad + ":1:settleCcy: required column missing");
  }

  @Test
  void shouldFetchTheLiveSpecsAndExplainAFailureWithTheWayToSizeOffline() throws IOException {
    byte[] swaps = Files.readAllBytes(swaps());
    byte[] rejected =
        "{\"code\":\"51000\",\"msg\":\"Parameter instType error\",\"data\":[]}"
            .getBytes(StandardCharsets.UTF_8);
    HttpServer good = server(swaps);
    HttpServer rejecting = server(rejected);
    try {
      URI goodUrl = url(good);
      ContractSpecs live = SizeJob.specs(Optional.empty(), goodUrl);

      assertThat(live.source()).isEqualTo("OKX " + goodUrl + " (live)");
      assertThat(live.find("BTC-USDT-SWAP")).isPresent();
      assertThatThrownBy(() -> SizeJob.specs(Optional.empty(), url(rejecting)))
          .isInstanceOf(MarketDataException.class)
          .hasMessageStartingWith(
              "cannot fetch the contract specs from OKX " + url(rejecting) + " (live): ")
          .hasMessageContaining("51000")
          .hasMessageEndingWith(" (pass --specs FILE to size offline)");
    } finally {
      good.stop(0);
      rejecting.stop(0);
    }
  }

  @Test
  void shouldNameTheUrlOptionForAnUnusableUrl() {
    assertThatThrownBy(() -> SizeJob.specs(Optional.empty(), URI.create("ftp://example.org")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--okx-url: baseUrl must be an http(s) URL");
  }

  @Test
  void shouldListNearMatchesForAnUnknownSymbol() {
    ContractSpecs specs = SizeJob.specs(Optional.of(swaps()), UNUSED);

    assertThatThrownBy(() -> SizeJob.find(specs, "BTC-USDT-SWP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown symbol BTC-USDT-SWP: not among the 3 instruments in "
                + swaps()
                + "; near matches: BTC-USDT-SWAP, BTC-USD-SWAP, ETH-USDT-SWAP");
  }

  private static HttpServer server(byte[] body) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v5/public/instruments",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
          }
        });
    server.start();
    return server;
  }

  private static URI url(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
