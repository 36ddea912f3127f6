/**
 * Charts and the HTML report of a backtest. {@link org.smc4j.backtest.report.HtmlReportWriter}
 * writes one self-contained HTML page whose charts the browser draws from embedded data with Apache
 * ECharts: a zoomable candle chart per symbol with every trade's POI, FVG, Fibonacci levels, entry,
 * stop, target and exit, the equity and drawdown curves, the metrics and a trade table that zooms
 * to each trade. {@link org.smc4j.backtest.report.SetupChart} is the picture of one setup,
 * buildable from a backtest {@link org.smc4j.trading.order.Trade} or a live {@link
 * org.smc4j.core.engine.EntrySignal}; {@link org.smc4j.backtest.report.SetupChartRenderer} draws it
 * as a PNG with JFreeChart (the image the live alerts attach).
 */
package org.smc4j.backtest.report;
