package org.smc4j.marketdata.okx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.okx.internal.CandleSequence;
import org.smc4j.marketdata.okx.internal.OkxCandleRows;
import org.smc4j.marketdata.okx.internal.OkxRestClient;
import org.smc4j.marketdata.okx.internal.RetryableFailure;
import org.smc4j.marketdata.okx.internal.RetryingCaller;
import org.smc4j.marketdata.okx.internal.XChangeTickerSource;

/**
 * OKX v5 public market data for USDT-margined perpetual swaps, in smc4j types only.
 *
 * <p>Tickers come through XChange (which maps them correctly); candles and instruments are plain
 * REST calls because XChange 5.2.2 drops the candles' {@code confirm} flag, has no {@code
 * /market/candles} and no instrument size limits. Every request books a permit of its endpoint's
 * {@link RateBudget} in the settings' {@link OkxRateLimiter} and is retried as {@link OkxSettings}
 * describes; every response's {@code code} is checked.
 *
 * <p>Candles: only closed candles are ever returned. A candle becomes known at its close: rows with
 * {@code confirm = "0"} and rows whose close time is after the injected clock's "now" are dropped.
 * Results are ascending by open time; duplicate, out-of-order or off-grid open times fail with a
 * {@link MarketDataException}; missing bars are reported as {@link CandleGap}s, never invented.
 *
 * <p>Instances are thread-safe. {@link #close()} releases the HTTP client.
 */
public final class OkxMarketData implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OkxMarketData.class);

  /** OKX's largest {@code limit} for {@code /market/candles}. */
  static final int CANDLES_PAGE = 300;

  /**
   * The {@code limit} used for {@code /market/history-candles}: the current docs allow 300, older
   * ones said 100, so 100 is safe for both.
   */
  static final int HISTORY_PAGE = 100;

  private static final String USDT_SWAP_SUFFIX = "-USDT-SWAP";

  private final OkxSettings settings;
  private final OkxRestClient rest;
  private final XChangeTickerSource tickers;
  private final Object instrumentLock = new Object();
  private OkxInstrumentMapper.Mapped cachedInstruments;
  private Instant instrumentsFetchedAt;

  private OkxMarketData(OkxSettings settings) {
    this.settings = settings;
    RetryingCaller caller = new RetryingCaller(settings);
    this.rest = new OkxRestClient(settings, caller);
    this.tickers = new XChangeTickerSource(settings, caller);
  }

  /**
   * Creates the adapter; no request is made yet.
   *
   * @param settings where and how to reach OKX
   * @return the adapter
   */
  public static OkxMarketData create(OkxSettings settings) {
    return new OkxMarketData(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * Returns OKX's {@code bar} parameter for a timeframe, e.g. {@code 5m}, {@code 1H}, {@code 1Dutc}
   * (periods of 6 h and longer use the UTC-aligned variants).
   *
   * @param timeframe the candle period
   * @return the bar parameter
   * @throws IllegalArgumentException when OKX serves no candles of that period
   */
  public static String okxBar(Timeframe timeframe) {
    return OkxCandleRows.barOf(Objects.requireNonNull(timeframe, "timeframe"));
  }

  /** Returns the settings this adapter was created with. */
  public OkxSettings settings() {
    return settings;
  }

  /**
   * Returns the {@code n} linear USDT-margined swaps ({@code *-USDT-SWAP}) with the largest 24 h
   * volume in USDT, largest first (ties by instrument id). OKX reports a swap's {@code volCcy24h}
   * in the base currency, so the USDT volume is {@code volCcy24h * last}. Swaps without a last
   * price or volume (e.g. just listed) are skipped.
   *
   * @param n how many to return, {@code >= 1}; fewer when OKX lists fewer
   * @return the ranking, known as of the ticker snapshot's time
   * @throws IllegalArgumentException when {@code n < 1}
   * @throws MarketDataException when the tickers cannot be fetched
   */
  public List<SwapVolume> topUsdtSwapsByQuoteVolume(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, was " + n);
    }
    List<SwapVolume> volumes = new ArrayList<>();
    for (XChangeTickerSource.Ticker t :
        tickers.swapTickers(
            OkxMarketData::isRankableUsdtSwap,
            "a USDT swap (*" + USDT_SWAP_SUFFIX + ") with a positive last and a volCcy24h")) {
      if (t.instId() == null || !t.instId().endsWith(USDT_SWAP_SUFFIX)) {
        continue;
      }
      if (t.last() == null || t.last().signum() <= 0 || t.volCcy24h() == null) {
        log.warn("{}: ticker without last price or 24h volume skipped", t.instId());
        continue;
      }
      BigDecimal quote = t.volCcy24h().multiply(t.last());
      volumes.add(
          new SwapVolume(
              t.instId(),
              t.last().doubleValue(),
              t.volCcy24h().doubleValue(),
              quote.doubleValue()));
    }
    volumes.sort(
        Comparator.comparingDouble(SwapVolume::quoteVolume24h)
            .reversed()
            .thenComparing(SwapVolume::instId));
    return List.copyOf(volumes.subList(0, Math.min(n, volumes.size())));
  }

  private static boolean isRankableUsdtSwap(XChangeTickerSource.Ticker t) {
    return t.instId() != null
        && t.instId().endsWith(USDT_SWAP_SUFFIX)
        && t.last() != null
        && t.last().signum() > 0
        && t.volCcy24h() != null;
  }

  /**
   * Returns the contract specifications of every OKX perpetual swap ({@code GET
   * /api/v5/public/instruments?instType=SWAP}, every size field kept), mapped by {@link
   * OkxInstrumentMapper}. The answer is cached for {@link OkxSettings#instrumentTtl()} on the
   * injected clock and shared by every thread. An answer without a single mappable instrument
   * (empty or garbled) is retried like a 5xx. When a refresh fails for good after an earlier
   * success, the last good answer is kept and returned, with a WARN naming the endpoint, and the
   * refresh is tried again on the next call.
   *
   * @return the mapped specs and, beside them, one message per instrument that could not be mapped
   * @throws MarketDataException when the request fails for good and no earlier answer exists
   */
  public OkxInstrumentMapper.Mapped swapInstruments() {
    synchronized (instrumentLock) {
      Instant now = settings.clock().instant();
      if (cachedInstruments != null
          && now.isBefore(instrumentsFetchedAt.plus(settings.instrumentTtl()))) {
        return cachedInstruments;
      }
      Map<String, String> query = Map.of("instType", "SWAP");
      String request = "GET " + OkxEndpoint.INSTRUMENTS.path() + "?instType=SWAP";
      OkxInstrumentMapper.Mapped mapped;
      try {
        mapped = rest.get(OkxEndpoint.INSTRUMENTS, query, e -> usableInstruments(e, request));
      } catch (MarketDataException e) {
        if (cachedInstruments == null) {
          throw e;
        }
        log.warn(
            "{}: refresh failed, keeping the {} instruments fetched at {}: {}",
            request,
            cachedInstruments.specs().size(),
            instrumentsFetchedAt,
            e.getMessage());
        return cachedInstruments;
      }
      for (String failure : mapped.failures()) {
        log.warn("instrument skipped: {}", failure);
      }
      cachedInstruments = mapped;
      instrumentsFetchedAt = now;
      return mapped;
    }
  }

  private static OkxInstrumentMapper.Mapped usableInstruments(
      OkxRestClient.Envelope envelope, String request) throws RetryableFailure {
    if (envelope.data().isEmpty()) {
      throw new RetryableFailure("the answer lists no instruments (\"data\":[])", null);
    }
    OkxInstrumentMapper.Mapped mapped = OkxInstrumentMapper.mapResponse(envelope.body(), request);
    if (mapped.specs().isEmpty()) {
      throw new RetryableFailure(
          "none of the "
              + envelope.data().size()
              + " instruments could be mapped; first: "
              + mapped.failures().get(0),
          null);
    }
    return mapped;
  }

  /**
   * Returns the contract specification of one swap from {@link #swapInstruments()} (cached).
   *
   * @param instId the instrument, e.g. {@code BTC-USDT-SWAP}
   * @return its spec, or empty when OKX does not list it (or it could not be mapped)
   * @throws MarketDataException when the instruments cannot be fetched
   */
  public Optional<ContractSpec> contractSpec(String instId) {
    Objects.requireNonNull(instId, "instId");
    return swapInstruments().specs().stream()
        .filter(spec -> spec.instrumentId().equals(instId))
        .findFirst();
  }

  /**
   * Returns the latest {@code count} closed candles, from {@code /market/candles} (up to 300 per
   * request, the latest 1,440 bars) and, further back, {@code /market/history-candles}.
   *
   * <p>Bursts (a scan of many symbols right after a close) use both budgets: when {@code
   * /market/candles} has no free permit at this moment but {@code /market/history-candles} has, a
   * request for at most 100 candles goes to the latter, which serves the same newest bars with the
   * same {@code confirm} flag. A bar that endpoint does not have yet is simply not returned (the
   * caller sees the older newest bar and may ask again), never invented.
   *
   * @param instId the instrument, e.g. {@code BTC-USDT-SWAP}
   * @param timeframe the candle period (an OKX bar: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, ...)
   * @param count how many candles, {@code >= 1}; fewer when OKX has fewer
   * @return the candles known at the clock's "now", ascending, with their gaps
   * @throws IllegalArgumentException when {@code count < 1} or the timeframe is no OKX bar
   * @throws MarketDataException when a request fails for good or the data is invalid
   */
  public CandleHistory latestClosedCandles(String instId, Timeframe timeframe, int count) {
    Objects.requireNonNull(instId, "instId");
    String bar = OkxCandleRows.barOf(Objects.requireNonNull(timeframe, "timeframe"));
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
    long now = settings.clock().millis();
    List<OkxCandleRows.Row> newestFirst = new ArrayList<>();
    OkxRateLimiter limiter = settings.rateLimiter();
    OkxEndpoint endpoint =
        count < HISTORY_PAGE
                && !limiter.hasPermitNow(OkxEndpoint.CANDLES)
                && limiter.hasPermitNow(OkxEndpoint.HISTORY_CANDLES)
            ? OkxEndpoint.HISTORY_CANDLES
            : OkxEndpoint.CANDLES;
    OptionalLong after = OptionalLong.empty();
    String source = "GET " + endpoint.path();
    while (newestFirst.size() < count) {
      int pageLimit = endpoint == OkxEndpoint.CANDLES ? CANDLES_PAGE : HISTORY_PAGE;
      Map<String, String> query = new LinkedHashMap<>();
      query.put("instId", instId);
      query.put("bar", bar);
      after.ifPresent(a -> query.put("after", Long.toString(a)));
      // One more than needed, in case the newest row is still forming and gets dropped.
      query.put("limit", Integer.toString(Math.min(pageLimit, count - newestFirst.size() + 1)));
      OkxRestClient.Envelope page = rest.get(endpoint, query);
      source = "GET " + endpoint.path();
      List<OkxCandleRows.Row> rows = OkxCandleRows.parse(source, page.data());
      if (rows.isEmpty()) {
        if (endpoint == OkxEndpoint.CANDLES) {
          endpoint = OkxEndpoint.HISTORY_CANDLES;
          continue;
        }
        break;
      }
      for (OkxCandleRows.Row row : rows) {
        if (newestFirst.size() < count && isClosed(row, timeframe, now)) {
          newestFirst.add(row);
        }
      }
      after = OptionalLong.of(rows.get(rows.size() - 1).openTimeMillis());
    }
    CandleSequence sequence = new CandleSequence(instId, timeframe);
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      sequence.append(source, newestFirst.get(i));
    }
    return new CandleHistory(instId, sequence.bars(), sequence.gaps());
  }

  /**
   * Returns the first {@code limit} closed candles opening at or after {@code since}, from {@code
   * /market/history-candles}.
   *
   * @param instId the instrument
   * @param timeframe the candle period
   * @param since the earliest open time wanted
   * @param limit the most candles to return, {@code >= 1}
   * @return the candles known at the clock's "now", ascending, with their gaps
   * @throws IllegalArgumentException when {@code limit < 1} or the timeframe is no OKX bar
   * @throws MarketDataException when a request fails for good or the data is invalid
   */
  public CandleHistory closedCandles(String instId, Timeframe timeframe, Instant since, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    Collected collected = new Collected(instId, timeframe);
    forwardPages(
        instId,
        timeframe,
        since,
        Instant.ofEpochMilli(Long.MAX_VALUE),
        OptionalLong.empty(),
        page -> collected.add(page, limit));
    return collected.history();
  }

  /**
   * Returns every closed candle opening in {@code [from, to)}, from {@code
   * /market/history-candles}, paging forward 100 bars at a time.
   *
   * @param instId the instrument
   * @param timeframe the candle period
   * @param from the earliest open time wanted
   * @param to the end (exclusive) of the open times wanted; candles not closed yet are left out
   * @return the candles, ascending, with their gaps
   * @throws IllegalArgumentException when {@code from} is not before {@code to} or the timeframe is
   *     no OKX bar
   * @throws MarketDataException when a request fails for good or the data is invalid
   */
  public CandleHistory closedCandles(String instId, Timeframe timeframe, Instant from, Instant to) {
    Collected collected = new Collected(instId, timeframe);
    forwardPages(
        instId, timeframe, from, to, OptionalLong.empty(), page -> collected.add(page, -1));
    return collected.history();
  }

  /**
   * Fetches the closed candles opening in {@code [from, to)} page by page (forward in time, 100
   * bars per request from {@code /market/history-candles}) and hands each checked page to {@code
   * listener} before fetching the next, so a caller can write them out as they come.
   *
   * @param instId the instrument
   * @param timeframe the candle period
   * @param from the earliest open time wanted (rounded up to the timeframe's grid)
   * @param to the end (exclusive) of the open times wanted; candles not closed yet are left out
   * @param previousOpenTime the open time of a candle the caller already holds just before {@code
   *     from} (e.g. when resuming a file), so that the first page is checked and gap-detected
   *     against it; empty when there is none
   * @param listener receives each page; returns false to stop
   * @throws IllegalArgumentException when {@code from} is not before {@code to} or the timeframe is
   *     no OKX bar
   * @throws MarketDataException when a request fails for good or the data is invalid
   */
  public void forEachClosedPage(
      String instId,
      Timeframe timeframe,
      Instant from,
      Instant to,
      OptionalLong previousOpenTime,
      Predicate<CandlePage> listener) {
    forwardPages(instId, timeframe, from, to, previousOpenTime, listener);
  }

  private void forwardPages(
      String instId,
      Timeframe timeframe,
      Instant from,
      Instant to,
      OptionalLong previousOpenTime,
      Predicate<CandlePage> listener) {
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(previousOpenTime, "previousOpenTime");
    Objects.requireNonNull(listener, "listener");
    String bar = OkxCandleRows.barOf(Objects.requireNonNull(timeframe, "timeframe"));
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " must be before to " + to);
    }
    long tf = timeframe.millis();
    long now = settings.clock().millis();
    // The candle opening at bucketStart(now) is still forming; every earlier one has closed.
    long end = Math.min(to.toEpochMilli(), timeframe.bucketStart(now));
    long cursor = timeframe.bucketStart(from.toEpochMilli());
    if (cursor < from.toEpochMilli()) {
      cursor += tf;
    }
    OptionalLong previous = previousOpenTime;
    while (cursor < end) {
      long windowEnd = end - cursor > (long) HISTORY_PAGE * tf ? cursor + HISTORY_PAGE * tf : end;
      Map<String, String> query = new LinkedHashMap<>();
      query.put("instId", instId);
      query.put("bar", bar);
      // after = older than (exclusive), before = newer than (exclusive): rows in [cursor,
      // windowEnd).
      query.put("after", Long.toString(windowEnd));
      query.put("before", Long.toString(cursor - 1));
      query.put("limit", Integer.toString(HISTORY_PAGE));
      OkxRestClient.Envelope envelope = rest.get(OkxEndpoint.HISTORY_CANDLES, query);
      String source = "GET " + OkxEndpoint.HISTORY_CANDLES.path() + " " + instId;
      List<OkxCandleRows.Row> rows = OkxCandleRows.parse(source, envelope.data());
      CandleSequence sequence =
          previous.isPresent()
              ? CandleSequence.continuing(instId, timeframe, previous.getAsLong())
              : new CandleSequence(instId, timeframe);
      for (int i = rows.size() - 1; i >= 0; i--) {
        OkxCandleRows.Row row = rows.get(i);
        if (row.openTimeMillis() < cursor || row.openTimeMillis() >= windowEnd) {
          throw new MarketDataException(
              source
                  + ": candle "
                  + Instant.ofEpochMilli(row.openTimeMillis())
                  + " lies outside the requested range ["
                  + Instant.ofEpochMilli(cursor)
                  + ", "
                  + Instant.ofEpochMilli(windowEnd)
                  + ")");
        }
        if (isClosed(row, timeframe, now)) {
          sequence.append(source, row);
        }
      }
      BarArrays bars = sequence.bars();
      if (!bars.isEmpty()) {
        previous = OptionalLong.of(bars.openTimeMillis(bars.size() - 1));
      }
      cursor = windowEnd;
      if (!listener.test(
          new CandlePage(instId, bars, sequence.gaps(), Instant.ofEpochMilli(windowEnd)))) {
        return;
      }
    }
  }

  private static boolean isClosed(OkxCandleRows.Row row, Timeframe timeframe, long now) {
    boolean closed = row.confirmed() && row.openTimeMillis() + timeframe.millis() <= now;
    if (!closed) {
      log.debug(
          "unfinished candle {} dropped (confirm={})",
          Instant.ofEpochMilli(row.openTimeMillis()),
          row.confirmed() ? "1" : "0");
    }
    return closed;
  }

  /** Collects pages into one history, optionally stopping at a bar count. */
  private static final class Collected {
    private final String instId;
    private final Timeframe timeframe;
    private final List<BarArrays> pages = new ArrayList<>();
    private final List<CandleGap> gaps = new ArrayList<>();
    private int size;

    Collected(String instId, Timeframe timeframe) {
      this.instId = instId;
      this.timeframe = timeframe;
    }

    boolean add(CandlePage page, int limit) {
      BarArrays bars = page.bars();
      if (limit >= 0 && size + bars.size() > limit) {
        bars = bars.slice(0, limit - size);
      }
      if (!bars.isEmpty()) {
        long lastKept = bars.openTimeMillis(bars.size() - 1);
        for (CandleGap gap : page.gaps()) {
          if (gap.nextOpenTime().toEpochMilli() <= lastKept) {
            gaps.add(gap);
          }
        }
      }
      pages.add(bars);
      size += bars.size();
      return limit < 0 || size < limit;
    }

    CandleHistory history() {
      long[] time = new long[size];
      double[] open = new double[size];
      double[] high = new double[size];
      double[] low = new double[size];
      double[] close = new double[size];
      double[] volume = new double[size];
      int at = 0;
      for (BarArrays page : pages) {
        int n = page.size();
        System.arraycopy(page.openTimeMillisUnsafe(), 0, time, at, n);
        System.arraycopy(page.openUnsafe(), 0, open, at, n);
        System.arraycopy(page.highUnsafe(), 0, high, at, n);
        System.arraycopy(page.lowUnsafe(), 0, low, at, n);
        System.arraycopy(page.closeUnsafe(), 0, close, at, n);
        System.arraycopy(page.volumeUnsafe(), 0, volume, at, n);
        at += n;
      }
      return new CandleHistory(
          instId, BarArrays.wrapUnsafe(timeframe, time, open, high, low, close, volume), gaps);
    }
  }

  @Override
  public void close() {
    rest.close();
  }
}
