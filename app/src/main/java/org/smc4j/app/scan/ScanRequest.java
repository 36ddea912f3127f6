package org.smc4j.app.scan;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.live.alert.AlertSink;
import org.smc4j.live.scan.SignalChartRenderer;

/**
 * What {@link ScanJob} runs.
 *
 * @param config the effective configuration, its output and log paths already placed in the data
 *     folder ({@link org.smc4j.app.config.DataFolder#apply})
 * @param once run one cycle for the latest 5m close, then return
 * @param clock the wall clock (shifted for {@code --now})
 * @param sinks the alert sinks ({@link ScanAlerts#sinks})
 * @param chart draws the chart attached to each alert; empty for text alerts
 */
public record ScanRequest(
    Smc4jConfig config,
    boolean once,
    InstantSource clock,
    List<AlertSink> sinks,
    Optional<SignalChartRenderer> chart) {

  /** Validates and copies. */
  public ScanRequest {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    sinks = List.copyOf(sinks);
    Objects.requireNonNull(chart, "chart");
  }
}
