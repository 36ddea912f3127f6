package org.smc4j.cli.trade;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.DataFolder;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.config.TradeMode;
import org.smc4j.app.scan.ScanReplayJob;
import org.smc4j.app.trade.PaperTradeJob;
import org.smc4j.cli.ExitCodes;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.trading.journal.JournalException;
import org.smc4j.trading.order.Trade;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j trade}: runs the bot (the scan's loop and signal pipeline, with orders) and holds
 * the journal commands {@code status} and {@code stop}. Paper mode fills through the backtest's
 * simulated broker, on OKX's live candles ({@link PaperLiveRun}) or over recorded ones ({@code
 * --replay}); demo and live run the {@link org.smc4j.app.trade.ExchangeTradeJob} on OKX ({@link
 * ExchangeTradeOptions}).
 */
@Command(
    name = "trade",
    mixinStandardHelpOptions = true,
    description = {
      "Run the trading bot: the same configuration, candle loop and signal pipeline as scan, with"
          + " every taken signal traded by the broker of --mode and recorded in the execution"
          + " journal (see trade status, trade stop).",
      "Paper mode fills through the backtest's fill, slippage, fee and funding models, on OKX's"
          + " live closed candles (as scan) or over recorded candles with --replay; a restart"
          + " resumes from the journal. Demo and live trade on OKX (the key from the environment"
          + " or .env) after the account pre-flight; live only when the configuration says"
          + " trade.mode: live."
    },
    subcommands = {TradeStatusCommand.class, TradeStopCommand.class})
public final class TradeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ExchangeTradeOptions exchange;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "paper",
      description = "paper (default), demo or live")
  String mode;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration (default: smc4j.yaml when present, else built-in defaults)")
  Path configFile;

  @Option(
      names = "--journal",
      paramLabel = "FILE",
      defaultValue = "smc4j-trade.sqlite",
      description = "The execution journal (default: ${DEFAULT-VALUE})")
  Path journal;

  @Option(
      names = "--replay",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Trade over 5m candle files or folders on a simulated clock (no network)")
  List<Path> replay;

  @Option(
      names = "--symbols",
      split = ",",
      paramLabel = "SYMBOL",
      description = "With --replay: only these symbols (default: every symbol found)")
  List<String> symbols;

  @Option(
      names = "--specs",
      paramLabel = "FILE",
      description =
          "Contract specs for --replay (default: the OKX specs shipped with smc4j, else inferred"
              + " from the prices)")
  Path specsFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String m = mode.strip().toLowerCase(Locale.ROOT);
    if (!List.of("paper", "demo", "live").contains(m)) {
      throw new ParameterException(
          spec.commandLine(), "--mode must be paper, demo or live, was '" + mode + "'");
    }
    if (!"paper".equals(m)) {
      try {
        return exchange.run(
            DataFolder.placed(ConfigLoader.load(ConfigLoader.locate(configFile))),
            "live".equals(m) ? TradeMode.LIVE : TradeMode.DEMO,
            journal,
            out,
            err);
      } catch (ConfigException e) {
        err.println("error: " + e.getMessage());
        return ExitCodes.USAGE;
      } catch (MarketDataException | JournalException | IllegalStateException e) {
        err.println("error: " + e.getMessage());
        return ExitCodes.FAILED;
      } finally {
        out.flush();
        err.flush();
      }
    }
    if (replay == null && symbols != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--symbols works with --replay only; the live bot trades the scan.symbols or top list"
              + " of the configuration");
    }
    try {
      Smc4jConfig config = DataFolder.placed(ConfigLoader.load(ConfigLoader.locate(configFile)));
      if (replay == null) {
        return PaperLiveRun.run(exchange.withOkxUrl(config), exchange, journal, out);
      }
      ScanReplayJob.Inputs inputs = ScanReplayJob.read(replay, Optional.ofNullable(specsFile));
      inputs.warnings().forEach(err::println);
      Map<String, BarArrays> bars = new LinkedHashMap<>(inputs.bars());
      Map<String, ContractSpec> specs = new LinkedHashMap<>(inputs.contracts());
      if (symbols != null) {
        List<String> wanted =
            symbols.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
        for (String s : wanted) {
          if (!bars.containsKey(s)) {
            throw new ParameterException(
                spec.commandLine(),
                "--symbols: no 5m data for " + s + " in --replay (found " + bars.keySet() + ")");
          }
        }
        bars.keySet().retainAll(wanted);
        specs.keySet().retainAll(wanted);
      }
      out.println("trade --mode paper over " + bars.keySet() + ": journal " + journal);
      PaperTradeJob.Result result = PaperTradeJob.replay(config, bars, specs, journal, out);
      double net = result.trades().stream().mapToDouble(Trade::netPnl).sum();
      out.println(
          String.format(
              Locale.ROOT,
              "paper replay: %d cycles, %d trades closed, net %.4f USDT%s; see trade status"
                  + " --journal %s",
              result.cycles(),
              result.trades().size(),
              net,
              result.killSwitchSkips() == 0
                  ? ""
                  : ", " + result.killSwitchSkips() + " signals skipped by the kill switch",
              journal));
      return ExitCodes.OK;
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("trade stopped");
      return ExitCodes.OK;
    } catch (MarketDataException | JournalException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
