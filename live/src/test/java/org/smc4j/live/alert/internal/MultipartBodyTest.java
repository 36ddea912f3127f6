package org.smc4j.live.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

  @Test
  void shouldEncodeFieldsAndFilesInOrderPerRfc7578() {
    MultipartBody.Encoded e =
        new MultipartBody()
            .field("chat_id", "-100", "text/plain; charset=UTF-8")
            .file("photo", "A.png", "image/png", new byte[] {1, 2, 3})
            .encode();

    String boundary = e.contentType().substring("multipart/form-data; boundary=".length());
    assertThat(boundary).matches("smc4j-[0-9a-f]{32}");
    String expected =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n-100\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"A.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n\u0001\u0002\u0003\r\n--"
            + boundary
            + "--\r\n";
    assertThat(new String(e.body(), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
  }

  @Test
  void shouldMakeSymbolsSafeFileNames() {
    assertThat(MultipartBody.safeFilename("BTC/USDT:USDT", "png")).isEqualTo("BTC_USDT_USDT.png");
    assertThat(MultipartBody.safeFilename("1000PEPE-USDT-SWAP", "png"))
        .isEqualTo("1000PEPE-USDT-SWAP.png");
  }

  @Test
  void shouldRejectANameThatWouldBreakTheHeader() {
    assertThatThrownBy(() -> new MultipartBody().field("a\"b", "v", "text/plain"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must match [A-Za-z0-9._\\[\\]-]+, was 'a\"b'");
  }
}
