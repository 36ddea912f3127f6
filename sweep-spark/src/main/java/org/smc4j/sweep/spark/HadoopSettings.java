package org.smc4j.sweep.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration as it travels to the executors (a {@link Configuration} is not
 * serializable): file system connectors and credentials given as {@code spark.hadoop.*} settings
 * reach the executors' reads of candles and funding files this way.
 *
 * @param entries every setting, by name
 */
record HadoopSettings(Map<String, String> entries) implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** Copies the settings. */
  HadoopSettings {
    entries = Map.copyOf(Objects.requireNonNull(entries, "entries"));
  }

  /**
   * Takes every setting of a configuration.
   *
   * @param conf the configuration (the session's)
   * @return the settings
   */
  static HadoopSettings of(Configuration conf) {
    Map<String, String> entries = new TreeMap<>();
    for (Map.Entry<String, String> e : conf) {
      entries.put(e.getKey(), e.getValue());
    }
    return new HadoopSettings(entries);
  }

  /**
   * Builds a configuration holding exactly these settings.
   *
   * @return the configuration
   */
  Configuration toConfiguration() {
    Configuration conf = new Configuration(false);
    entries.forEach(conf::set);
    return conf;
  }
}
