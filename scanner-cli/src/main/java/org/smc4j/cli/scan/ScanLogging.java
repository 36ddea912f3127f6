package org.smc4j.cli.scan;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.smc4j.app.config.LoggingConfig;

/**
 * Points logback at the scan's rotating log file (beside the console appender of {@code
 * logback.xml}) and sets the level, from the {@code logging} section. Rotation: daily and at the
 * size limit, files named {@code <file>-yyyy-MM-dd.N.log}, kept for the configured days.
 */
public final class ScanLogging {

  private static final String APPENDER = "SCAN_FILE";

  private ScanLogging() {}

  /**
   * Configures logging once per process (a second call replaces the file appender).
   *
   * @param config the logging section
   */
  public static void configure(LoggingConfig config) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(config.level().name(), Level.INFO));
    Appender<ILoggingEvent> previous = root.getAppender(APPENDER);
    if (previous != null) {
      root.detachAppender(previous);
      previous.stop();
    }
    Path file = config.file().toAbsolutePath();
    String base = file.toString();
    String stem = base.endsWith(".log") ? base.substring(0, base.length() - 4) : base;

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(
        "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{30} - %msg%n");
    encoder.start();

    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setFile(base);
    appender.setEncoder(encoder);

    SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(appender);
    policy.setFileNamePattern(stem + "-%d{yyyy-MM-dd,UTC}.%i.log");
    policy.setMaxFileSize(FileSize.valueOf(config.maxFileSizeMb() + "MB"));
    policy.setMaxHistory(config.maxHistoryDays());
    policy.start();

    appender.setRollingPolicy(policy);
    appender.start();
    root.addAppender(appender);
  }
}
