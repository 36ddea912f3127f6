package org.smc4j.app.trade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smc4j.exchange.okx.execution.ExecutionAlerts;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.alert.SignalAlert;

/**
 * The bot's own events (an orphan position, a position protected or flattened after reconciliation,
 * a kill switch tripped, a dead-man's switch failure, a refused start) sent to the configured alert
 * sinks through the same {@link AlertDispatcher} as the signal alerts, so they get the same retries
 * and the same redaction of the sinks' secrets.
 *
 * <p>As the executor's {@link ExecutionAlerts} port, it only collects the messages while the
 * executor works; {@link #flush} sends them once the action is done (after the start, after each
 * reconciliation, after each cycle). One action often reports one event in several messages (an
 * orphan: found, kill switch tripped, the mismatch), so a flush sends one alert per instrument the
 * messages name, or a single alert for the whole batch when a message names no instrument: an
 * account-wide event (a kill switch raised by {@code trade stop}, a refused start, the dead-man's
 * switch) explains what follows it. Each alert is one line, {@code [smc4j demo] BTC-USDT-SWAP:
 * <what happened and what the bot did>}, its messages joined by {@code "; "}.
 *
 * <p>The messages come from the executor and name instruments, trade keys and OKX error codes,
 * never the API key or a sink's secret. Thread-safe: the loop thread and the fetch threads may
 * report while another flushes.
 */
public final class BotAlerts implements ExecutionAlerts {

  /** The symbol of an alert that names no instrument, or several. */
  public static final String ACCOUNT = "account";

  private final String label;
  private final List<String> instruments;
  private final AlertDispatcher dispatcher;
  private final List<String> pending = new ArrayList<>();

  /**
   * The bot's alerts.
   *
   * @param label the mode, such as {@code demo}, {@code live} or {@code paper}; not blank
   * @param instruments the instrument ids a message may name (e.g. every SWAP listed)
   * @param dispatcher the dispatcher over the configured sinks (not closed here)
   */
  public BotAlerts(String label, List<String> instruments, AlertDispatcher dispatcher) {
    Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
    this.label = label;
    // longest first, so BTC-USDT-SWAP is found before a shorter id it contains
    this.instruments =
        instruments.stream()
            .map(s -> Objects.requireNonNull(s, "instrument"))
            .filter(s -> !s.isBlank())
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
  }

  /**
   * Collects one event until the next {@link #flush}. Never throws.
   *
   * @param message what happened, naming the instrument; line breaks become spaces
   */
  @Override
  public void alert(String message) {
    if (message == null || message.isBlank()) {
      return;
    }
    String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
    synchronized (pending) {
      pending.add(line);
    }
  }

  /**
   * Sends what was collected since the last flush, as described in the class comment; nothing when
   * nothing was collected. Never throws because of a sink.
   *
   * @return the alerts dispatched, in order
   */
  public List<SignalAlert> flush() {
    List<String> batch;
    synchronized (pending) {
      if (pending.isEmpty()) {
        return List.of();
      }
      batch = List.copyOf(new LinkedHashSet<>(pending));
      pending.clear();
    }
    List<SignalAlert> alerts = compose(batch);
    alerts.forEach(dispatcher::dispatch);
    return alerts;
  }

  private List<SignalAlert> compose(List<String> batch) {
    Map<String, List<String>> bySymbol = new LinkedHashMap<>();
    boolean accountWide = false;
    for (String message : batch) {
      Optional<String> symbol = instrumentOf(message);
      accountWide |= symbol.isEmpty();
      bySymbol.computeIfAbsent(symbol.orElse(ACCOUNT), k -> new ArrayList<>()).add(message);
    }
    if (accountWide) {
      Set<String> named = bySymbol.keySet();
      String symbol =
          named.size() == 2 && named.contains(ACCOUNT)
              ? named.stream().filter(s -> !s.equals(ACCOUNT)).findFirst().orElseThrow()
              : ACCOUNT;
      return List.of(alertOf(symbol, batch));
    }
    List<SignalAlert> alerts = new ArrayList<>();
    bySymbol.forEach((symbol, messages) -> alerts.add(alertOf(symbol, messages)));
    return alerts;
  }

  private SignalAlert alertOf(String symbol, List<String> messages) {
    String head = "[smc4j " + label.toLowerCase(Locale.ROOT) + "] ";
    String body = String.join("; ", messages);
    // the symbol leads the line unless the first message already starts with it
    String text =
        symbol.equals(ACCOUNT) || body.startsWith(symbol)
            ? head + body
            : head + symbol + ": " + body;
    return SignalAlert.textOnly(symbol, text);
  }

  private Optional<String> instrumentOf(String message) {
    for (String instrument : instruments) {
      if (message.contains(instrument)) {
        return Optional.of(instrument);
      }
    }
    return Optional.empty();
  }
}
