package org.smc4j.live.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor =
      new Redactor(Arrays.asList("https://h/api/webhooks/1/tok-secret", "tok-secret", "", null));

  @Test
  void shouldMaskTheLongestSecretWhole() {
    assertThat(redactor.redact("POST https://h/api/webhooks/1/tok-secret?wait=true failed"))
        .isEqualTo("POST <redacted>?wait=true failed");
    assertThat(redactor.redact("token tok-secret twice tok-secret"))
        .isEqualTo("token <redacted> twice <redacted>");
    assertThat(redactor.redact(null)).isNull();
  }

  @Test
  void shouldKeepAnExceptionChainWithoutSecretsAsIs() {
    IOException e = new IOException("connection reset");

    assertThat(redactor.scrub(e)).isSameAs(e);
  }

  @Test
  void shouldReplaceAChainThatLeaksWithMaskedCopiesKeepingClassNamesAndStackTraces() {
    IllegalStateException root = new IllegalStateException("bad path /tok-secret/x");
    IOException top = new IOException("request failed", root);

    Throwable scrubbed = redactor.scrub(top);

    assertThat(scrubbed).isInstanceOf(Redactor.RedactedException.class);
    assertThat(scrubbed.getMessage()).isEqualTo("java.io.IOException: request failed");
    assertThat(scrubbed.getStackTrace()).isEqualTo(top.getStackTrace());
    assertThat(scrubbed.getCause().getMessage())
        .isEqualTo("java.lang.IllegalStateException: bad path /<redacted>/x");
    assertThat(scrubbed.getCause().getCause()).isNull();
  }

  @Test
  void shouldIgnoreBlankSecrets() {
    assertThat(new Redactor(List.of(" ")).redact("a b")).isEqualTo("a b");
  }
}
