/**
 * Charts and the HTML report of a backtest: {@link org.smc4j.backtest.report.SetupChart} is the
 * picture of one setup (candles, 15m POI box, FVG, Fibonacci lines, entry, stop, target and exit),
 * buildable from a backtest {@link org.smc4j.trading.order.Trade} or a live {@link
 * org.smc4j.core.engine.EntrySignal}; {@link org.smc4j.backtest.report.SetupChartRenderer} draws it
 * as a PNG with JFreeChart; {@link org.smc4j.backtest.report.HtmlReportWriter} writes one
 * self-contained HTML page with the metrics, the equity and drawdown curves and a chart per trade.
 */
package org.smc4j.backtest.report;
