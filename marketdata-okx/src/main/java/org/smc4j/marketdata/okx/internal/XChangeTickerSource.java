package org.smc4j.marketdata.okx.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.okex.OkexExchange;
import org.knowm.xchange.okex.dto.OkexInstType;
import org.knowm.xchange.okex.dto.OkexResponse;
import org.knowm.xchange.okex.dto.marketdata.OkexTicker;
import org.knowm.xchange.okex.service.OkexMarketDataServiceRaw;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.okx.OkxEndpoint;
import org.smc4j.marketdata.okx.OkxSettings;
import si.mazi.rescu.HttpStatusException;

/**
 * SWAP tickers through XChange's raw OKX service ({@code GET
 * /api/v5/market/tickers?instType=SWAP}), which maps them correctly (volCcy24h, last). Only XChange
 * types live here; callers get plain {@link Ticker} values.
 *
 * <p>The exchange is created with remote metadata off: {@code OkexExchange.remoteInit()} would
 * otherwise fetch SPOT and SWAP instruments on creation, two requests outside our rate budget that
 * the ticker call does not need. XChange's own (default-off) rate limiter stays off; our {@link
 * RetryingCaller} books the {@link OkxEndpoint#TICKERS} budget and retries instead, and the {@code
 * code} of every 200 response is checked here because XChange returns error envelopes silently.
 */
public final class XChangeTickerSource {

  private static final String REQUEST = "GET " + OkxEndpoint.TICKERS.path() + "?instType=SWAP";

  private final OkxSettings settings;
  private final RetryingCaller caller;
  private OkexMarketDataServiceRaw service;

  /** A ticker as plain numbers; {@code last} or the volume may be absent for a fresh listing. */
  public record Ticker(String instId, BigDecimal last, BigDecimal volCcy24h) {}

  /**
   * Creates the source; no request is made until {@link #swapTickers(Predicate, String)}.
   *
   * @param settings base URL and timeouts
   * @param caller the retrying caller
   */
  public XChangeTickerSource(OkxSettings settings, RetryingCaller caller) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.caller = Objects.requireNonNull(caller, "caller");
  }

  /**
   * Fetches every SWAP ticker. An answer without a single ticker that {@code usable} accepts
   * (empty, or every ticker garbled) is retried like a 5xx.
   *
   * @param usable what a ticker the caller can use looks like
   * @param usableWhat the same in words, for the error, e.g. {@code "a USDT swap with last and
   *     volCcy24h"}
   * @return the tickers in OKX's order, at least one of them usable
   * @throws MarketDataException naming the request when it fails for good ({@link
   *     org.smc4j.marketdata.okx.OkxUnreachableException} when no attempt reached OKX)
   */
  public List<Ticker> swapTickers(Predicate<Ticker> usable, String usableWhat) {
    Objects.requireNonNull(usable, "usable");
    Objects.requireNonNull(usableWhat, "usableWhat");
    return caller.call(
        OkxEndpoint.TICKERS,
        REQUEST,
        () -> {
          List<Ticker> tickers = attempt();
          if (tickers.isEmpty()) {
            throw new RetryableFailure("the answer lists no tickers (\"data\":[])", null);
          }
          if (tickers.stream().noneMatch(usable)) {
            throw new RetryableFailure(
                "none of the " + tickers.size() + " tickers is " + usableWhat, null);
          }
          return tickers;
        });
  }

  private synchronized OkexMarketDataServiceRaw service() {
    if (service == null) {
      ExchangeSpecification spec = new ExchangeSpecification(OkexExchange.class);
      String base = settings.baseUrl().toString();
      spec.setSslUri(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
      spec.setShouldLoadRemoteMetaData(false);
      int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis());
      spec.setHttpConnTimeout(timeoutMillis);
      spec.setHttpReadTimeout(timeoutMillis);
      Exchange exchange = ExchangeFactory.INSTANCE.createExchange(spec);
      service = (OkexMarketDataServiceRaw) exchange.getMarketDataService();
    }
    return service;
  }

  private List<Ticker> attempt() throws RetryableFailure {
    OkexResponse<List<OkexTicker>> response;
    try {
      response = service().getOkexTickers(OkexInstType.SWAP);
    } catch (JsonProcessingException e) {
      throw new RetryableFailure(
          "malformed JSON in the response (truncated?): " + e.getOriginalMessage(), e);
    } catch (SocketTimeoutException e) {
      throw new RetryableFailure(
          "timed out after " + settings.requestTimeout().toMillis() + " ms", e);
    } catch (IOException | RuntimeException e) {
      throw classify(e);
    }
    String code = response.getCode();
    if (OkxRestClient.RATE_LIMITED.equals(code)) {
      throw new RetryableFailure("OKX code " + code + " in HTTP 200: " + response.getMsg(), null);
    }
    if (!"0".equals(code)) {
      throw new MarketDataException(
          REQUEST + ": OKX error code " + code + ": " + response.getMsg());
    }
    List<OkexTicker> data = response.getData();
    if (data == null) {
      throw new RetryableFailure("malformed response, no \"data\" array", null);
    }
    List<Ticker> tickers = new ArrayList<>(data.size());
    for (OkexTicker t : data) {
      tickers.add(new Ticker(t.getInstrumentId(), t.getLast(), t.getVolumeCurrency24h()));
    }
    return tickers;
  }

  private static RetryableFailure classify(Exception e) {
    if (OkxRestClient.isUnreachable(e)) {
      return RetryableFailure.unreachable(OkxRestClient.describe(e), e);
    }
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof JsonProcessingException json) {
        return new RetryableFailure(
            "malformed JSON in the response (truncated?): " + json.getOriginalMessage(), e);
      }
      if (cause instanceof HttpStatusException status) {
        int code = status.getHttpStatusCode();
        if (code == 200) {
          // rescu reports a body it could not map as an HTTP-status exception with status 200.
          return new RetryableFailure(
              "malformed JSON in the response (truncated?): " + e.getMessage(), e);
        }
        if (code == 429 || code >= 500) {
          return new RetryableFailure("HTTP " + code + ": " + e.getMessage(), e);
        }
        throw new MarketDataException(REQUEST + ": HTTP " + code + ": " + e.getMessage(), e);
      }
      if (cause instanceof SocketTimeoutException) {
        return new RetryableFailure("timed out: " + cause.getMessage(), e);
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    if (OkxRestClient.isUnreachable(e)) {
      return RetryableFailure.unreachable(OkxRestClient.describe(e), e);
    }
    if (e instanceof IOException) {
      return new RetryableFailure("I/O error: " + OkxRestClient.describe(e), e);
    }
    throw new MarketDataException(REQUEST + ": failed: " + e, e);
  }
}
