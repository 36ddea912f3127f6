package org.smc4j.live.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointsTest {

  @Test
  void shouldAcceptHttpsAndLoopbackHttp() {
    assertThat(Endpoints.insecureReason(URI.create("https://api.telegram.org"))).isNull();
    assertThat(Endpoints.insecureReason(URI.create("http://127.0.0.1:8081"))).isNull();
    assertThat(Endpoints.insecureReason(URI.create("http://127.3.4.5/x"))).isNull();
    assertThat(Endpoints.insecureReason(URI.create("http://localhost:9000"))).isNull();
    assertThat(Endpoints.insecureReason(URI.create("http://[::1]:9000/hook"))).isNull();
  }

  @Test
  void shouldRefusePlainHttpElsewhereAndOtherSchemes() {
    assertThat(Endpoints.insecureReason(URI.create("http://10.0.0.5/hook")))
        .isEqualTo(
            "must use https (plain http only for a loopback host), was scheme 'http' host"
                + " '10.0.0.5'");
    assertThat(Endpoints.insecureReason(URI.create("http://localhost.example.com/")))
        .contains("host 'localhost.example.com'");
    assertThat(Endpoints.insecureReason(URI.create("ftp://127.0.0.1/"))).contains("scheme 'ftp'");
    assertThat(Endpoints.insecureReason(URI.create("mailto:alerts@example.com")))
        .isEqualTo("has no host");
  }
}
