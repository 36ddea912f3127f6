package org.smc4j.live.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignalAlertTest {

  /** The 8-byte PNG signature followed by two payload bytes. */
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2};

  @Test
  void shouldCopyThePngOnTheWayInAndOut() {
    byte[] bytes = PNG.clone();
    SignalAlert alert = new SignalAlert("BTC-USDT-SWAP", "long", bytes);
    bytes[8] = 99;
    byte[] out = alert.chartPng();
    out[9] = 98;

    assertThat(alert.chartPng()).containsExactly(PNG);
    assertThat(alert.hasChart()).isTrue();
    assertThat(alert.chartPngLength()).isEqualTo(10);
  }

  @Test
  void shouldAcceptAnEmptyImageAsNoImage() {
    SignalAlert alert = SignalAlert.textOnly("SOL-USDT-SWAP", "short");

    assertThat(alert.hasChart()).isFalse();
    assertThat(alert.chartPng()).isEmpty();
    assertThat(alert.toString())
        .isEqualTo("SignalAlert[symbol=SOL-USDT-SWAP, text=5 chars, chartPng=0 bytes]");
  }

  @Test
  void shouldCompareImagesByContent() {
    assertThat(new SignalAlert("A", "t", PNG.clone()))
        .isEqualTo(new SignalAlert("A", "t", PNG.clone()))
        .hasSameHashCodeAs(new SignalAlert("A", "t", PNG.clone()))
        .isNotEqualTo(SignalAlert.textOnly("A", "t"));
  }

  @Test
  void shouldRejectBlankSymbol() {
    assertThatThrownBy(() -> SignalAlert.textOnly(" ", "text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("symbol must not be blank, was ' '");
  }

  @Test
  void shouldRejectBlankText() {
    assertThatThrownBy(() -> SignalAlert.textOnly("BTC-USDT-SWAP", "\n "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text must not be blank (symbol BTC-USDT-SWAP)");
  }

  @Test
  void shouldRejectNulls() {
    assertThatThrownBy(() -> new SignalAlert(null, "t", new byte[0]))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("symbol");
    assertThatThrownBy(() -> new SignalAlert("A", null, new byte[0]))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
    assertThatThrownBy(() -> new SignalAlert("A", "t", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("chartPng");
  }

  @Test
  void shouldRejectBytesThatAreNotAPng() {
    byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};

    assertThatThrownBy(() -> new SignalAlert("BTC-USDT-SWAP", "long", jpeg))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "chartPng must be a PNG file (starting with 89504e470d0a1a0a) or empty, started with"
                + " ffd8ffe0 (symbol BTC-USDT-SWAP)");
  }
}
