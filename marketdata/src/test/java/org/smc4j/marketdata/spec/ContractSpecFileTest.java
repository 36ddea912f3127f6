package org.smc4j.marketdata.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;

class ContractSpecFileTest {

  private static final String HEADER =
      "instId,ctType,settleCcy,ctVal,ctMult,ctValCcy,tickSz,lotSz,minSz,maxLmtSz,maxMktSz,state\n";

  @Test
  void shouldReadSpecsSkippingCommentsAndBlankLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("specs.csv");
    Files.writeString(
        file,
        "# Binance USD-M, hand-copied\n\n"
            + HEADER
            + "BTCUSDT,linear,USDT,1,1,BTC,0.1,0.001,0.001,1000,120,live\n"
            + "  \n"
            + "ETHUSDT,linear,USDT,1,1,ETH,0.01,0.001,0.001,10000,2000,suspend\r\n");
    List<ContractSpec> specs = ContractSpecFile.read(file);
    assertThat(specs).hasSize(2);
    ContractSpec btc = specs.get(0);
    assertThat(btc.instrumentId()).isEqualTo("BTCUSDT");
    assertThat(btc.type()).isEqualTo(ContractType.LINEAR);
    assertThat(btc.contractValue()).isEqualByComparingTo("1");
    assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
    assertThat(btc.lotSize()).isEqualByComparingTo("0.001");
    assertThat(btc.maxMarketSize()).isEqualByComparingTo("120");
    assertThat(specs.get(1).state()).isEqualTo(InstrumentState.SUSPEND);
  }

  @Test
  void shouldDefaultOptionalColumnsAndAcceptAnyColumnOrder() {
    List<ContractSpec> specs =
        ContractSpecFile.parse(
            "tickSz,instId,ctType,settleCcy,ctVal,ctValCcy,lotSz,minSz,maxLmtSz,maxMktSz\n"
                + "0.01,SOLUSDT,linear,USDT,1,SOL,0.1,1,5000,500\n",
            "s.csv");
    assertThat(specs.get(0).contractMultiplier()).isEqualByComparingTo("1");
    assertThat(specs.get(0).state()).isEqualTo(InstrumentState.LIVE);
    assertThat(specs.get(0).tickSize()).isEqualByComparingTo("0.01");
    assertThat(specs.get(0).minSize()).isEqualByComparingTo("1");
  }

  @Test
  void shouldNameFileLineAndFieldForABadNumber() {
    assertThatThrownBy(
            () ->
                ContractSpecFile.parse(
                    "# c\n"
                        + HEADER
                        + "BTCUSDT,linear,USDT,1,1,BTC,abc,0.001,0.001,1000,120,live\n",
                    "specs.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("specs.csv:3:tickSz: not a decimal number: \"abc\"");
  }

  @Test
  void shouldNameFileLineAndFieldForANonPositiveNumber() {
    assertThatThrownBy(
            () ->
                ContractSpecFile.parse(
                    HEADER + "BTCUSDT,linear,USDT,1,1,BTC,-0.1,0.001,0.001,1000,120,live\n",
                    "specs.csv"))
        .hasMessage("specs.csv:2:tickSz: must be > 0, was -0.1");
  }

  @Test
  void shouldNameFileLineAndFieldForEmptyAndEnumValues() {
    assertThatThrownBy(
            () ->
                ContractSpecFile.parse(
                    HEADER + ",linear,USDT,1,1,BTC,0.1,0.001,0.001,1000,120,live\n", "f"))
        .hasMessage("f:2:instId: value is empty");
    assertThatThrownBy(
            () ->
                ContractSpecFile.parse(
                    HEADER + "X,quanto,USDT,1,1,BTC,0.1,0.001,0.001,1000,120,live\n", "f"))
        .hasMessage("f:2:ctType: ctType must be linear or inverse, was \"quanto\"");
    assertThatThrownBy(
            () ->
                ContractSpecFile.parse(
                    HEADER + "X,linear,USDT,1,1,BTC,0.1,0.001,0.001,1000,120,closed\n", "f"))
        .hasMessage("f:2:state: state must be one of live, suspend, preopen, test, was \"closed\"");
  }

  @Test
  void shouldNameFileLineAndFieldForCrossFieldRules() {
    assertThatThrownBy(
            () ->
                ContractSpecFile.parse(
                    HEADER + "X,linear,USDT,1,1,BTC,0.1,0.01,0.015,1000,120,live\n", "f"))
        .hasMessage(
            "f:2:minSz: contract spec X: minSize (minSz) must be a multiple of lotSize (lotSz)"
                + " 0.01, was 0.015");
    assertThatThrownBy(
            () ->
                ContractSpecFile.parse(
                    HEADER + "X,linear,USDT,1,1,BTC,0.1,0.01,5,4,120,live\n", "f"))
        .hasMessage(
            "f:2:maxLmtSz: contract spec X: maxLimitSize (maxLmtSz) must be >= minSize (minSz) 5,"
                + " was 4");
    assertThatThrownBy(
            () ->
                ContractSpecFile.parse(
                    HEADER + "X,linear,USDT,1,1,BTC,0.1,0.01,5,40,1,live\n", "f"))
        .hasMessage(
            "f:2:maxMktSz: contract spec X: maxMarketSize (maxMktSz) must be >= minSize (minSz) 5,"
                + " was 1");
  }

  @Test
  void shouldRejectWrongValueCount() {
    assertThatThrownBy(
            () -> ContractSpecFile.parse(HEADER + "X,linear,USDT,1,1,BTC,0.1\n", "specs.csv"))
        .hasMessage("specs.csv:2: expected 12 comma-separated values as in the header, found 7");
  }

  @Test
  void shouldRejectBadHeaders() {
    assertThatThrownBy(() -> ContractSpecFile.parse("instId,ctType,foo\n", "f"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "f:1:foo: unknown column; known columns are"
                + " instId,ctType,settleCcy,ctVal,ctValCcy,tickSz,lotSz,minSz,maxLmtSz,maxMktSz,"
                + " ctMult,state");
    assertThatThrownBy(() -> ContractSpecFile.parse("instId,instId\n", "f"))
        .hasMessage("f:1:instId: column appears twice");
    assertThatThrownBy(() -> ContractSpecFile.parse("instId,ctType\n", "f"))
        .hasMessage("f:1:settleCcy: required column missing");
  }

  @Test
  void shouldRejectEmptyFilesAndDuplicateInstruments() {
    assertThatThrownBy(() -> ContractSpecFile.parse("# only a comment\n", "f"))
        .hasMessage(
            "f:1: no header row; expected columns"
                + " instId,ctType,settleCcy,ctVal,ctValCcy,tickSz,lotSz,minSz,maxLmtSz,maxMktSz");
    assertThatThrownBy(() -> ContractSpecFile.parse(HEADER, "f"))
        .hasMessage("f: header found but no contract spec rows");
    String row = "X,linear,USDT,1,1,BTC,0.1,0.01,0.01,1000,120,live\n";
    assertThatThrownBy(() -> ContractSpecFile.parse(HEADER + row + row, "f"))
        .hasMessage("f:3:instId: duplicate instrument X, first defined on line 2");
  }

  @Test
  void shouldReportUnreadableFiles(@TempDir Path dir) {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> ContractSpecFile.read(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read contract spec file " + missing);
  }
}
