package org.smc4j.exchange.okx.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ClientOrderIdTest {

  @Test
  void shouldDeriveTheIdFromSha256Base32() {
    // Expected prefix computed once with:
    //   printf '%s' 'signal-BTC-USDT-SWAP-2024-06-09T23:10:00Z' | openssl dgst -sha256 -binary \
    //     | base32 | cut -c1-22
    ClientOrderId id =
        ClientOrderId.of("signal-BTC-USDT-SWAP-2024-06-09T23:10:00Z", OrderRole.ENTRY, 1);

    assertThat(id.value()).isEqualTo("sOWC6QZO4ZDIQRXQKMEE7JKE1");
    assertThat(id.role()).isEqualTo(OrderRole.ENTRY);
    assertThat(id.attempt()).isEqualTo(1);
  }

  @Test
  void shouldAcceptTheFixtureIds() {
    assertThat(ClientOrderId.parse("sTRSCSIGOKEF3WXIRCUTQVZE1")).isPresent();
    assertThat(new ClientOrderId("sE27A3RCWZ2JS5YTPZK5TRFP1").role())
        .isEqualTo(OrderRole.PROTECTIVE_ALGO);
  }

  @Test
  void shouldDeriveSiblingsAndNextAttempts() {
    ClientOrderId entry = new ClientOrderId("sTRSCSIGOKEF3WXIRCUTQVZE1");

    assertThat(entry.withRole(OrderRole.ATTACHED_ALGO).value())
        .isEqualTo("sTRSCSIGOKEF3WXIRCUTQVZA1");
    assertThat(entry.nextAttempt().value()).isEqualTo("sTRSCSIGOKEF3WXIRCUTQVZE2");
    assertThat(entry.signalKey()).isEqualTo("sTRSCSIGOKEF3WXIRCUTQVZ");
  }

  @Test
  void shouldRejectMalformedIdsNamingTheRule() {
    assertThatThrownBy(() -> new ClientOrderId("sTRSCSIGOKEF3WXIRCUTQVZE"))
        .hasMessage("client order id 'sTRSCSIGOKEF3WXIRCUTQVZE': length must be 25, was 24");
    assertThatThrownBy(() -> new ClientOrderId("sTRSCSIGOKEF3WXIRCUTQVZQ1"))
        .hasMessage(
            "client order id 'sTRSCSIGOKEF3WXIRCUTQVZQ1': role letter must be one of E, A, P, X,"
                + " was 'Q'");
    assertThatThrownBy(() -> new ClientOrderId("sTRSCSIGOKEF3WXIRCUTQ-ZE1"))
        .hasMessage(
            "client order id 'sTRSCSIGOKEF3WXIRCUTQ-ZE1': character 21 must be base32 (A-Z, 2-7),"
                + " was '-'");
    assertThatThrownBy(() -> new ClientOrderId("sTRSCSIGOKEF3WXIRCUTQVZE0"))
        .hasMessage(
            "client order id 'sTRSCSIGOKEF3WXIRCUTQVZE0': attempt must be a digit 1-9, was '0'");
    assertThatThrownBy(() -> ClientOrderId.of("x", OrderRole.EXIT, 10))
        .hasMessage("attempt must be in 1..9, was 10");
    assertThat(ClientOrderId.parse("6b9ad766b55dBCDE63969a1144bfb943")).isEmpty();
  }

  @Property
  void everyIdIs25LettersOrDigitsAndRoundTrips(
      @ForAll String signalId,
      @ForAll OrderRole role,
      @ForAll @IntRange(min = 1, max = 9) int attempt) {
    if (signalId.isBlank()) {
      return;
    }
    ClientOrderId id = ClientOrderId.of(signalId, role, attempt);

    assertThat(id.value()).hasSize(25).matches("[A-Za-z0-9]+");
    assertThat(ClientOrderId.parse(id.value())).contains(id);
    assertThat(id.role()).isEqualTo(role);
    assertThat(id.attempt()).isEqualTo(attempt);
    assertThat(id.signalKey()).isEqualTo(ClientOrderId.signalKey(signalId));
  }
}
