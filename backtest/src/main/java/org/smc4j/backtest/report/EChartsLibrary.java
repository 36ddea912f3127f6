package org.smc4j.backtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The Apache ECharts library (Apache License 2.0) that the report inlines: the minified browser
 * build from the {@code org.webjars.npm:echarts} jar on the class path, read once.
 */
final class EChartsLibrary {

  private static final String POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
  private static final String SCRIPT = "META-INF/resources/webjars/echarts/%s/dist/echarts.min.js";

  private static volatile String script;
  private static volatile String version;

  private EChartsLibrary() {}

  /**
   * Returns the library's version, e.g. {@code 5.3.1}.
   *
   * @return the version of the webjar on the class path
   * @throws IllegalStateException when the webjar is not on the class path
   */
  static String version() {
    String v = version;
    if (v == null) {
      Properties p = new Properties();
      try (InputStream in = resource(POM)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + POM, e);
      }
      v = p.getProperty("version");
      if (v == null || v.isBlank()) {
        throw new IllegalStateException(POM + " names no version");
      }
      version = v;
    }
    return v;
  }

  /**
   * Returns the minified script, safe to place inside a {@code <script>} element.
   *
   * @return the script text
   * @throws IllegalStateException when the webjar is not on the class path
   */
  static String script() {
    String s = script;
    if (s == null) {
      String path = String.format(SCRIPT, version());
      try (InputStream in = resource(path)) {
        s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
      // a "</script" inside the code would end the element early; "<\/" means the same in JS
      s = s.replace("</script", "<\\/script");
      script = s;
    }
    return s;
  }

  private static InputStream resource(String path) {
    InputStream in = EChartsLibrary.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(
          path + " is not on the class path: the report needs the org.webjars.npm:echarts jar");
    }
    return in;
  }
}
