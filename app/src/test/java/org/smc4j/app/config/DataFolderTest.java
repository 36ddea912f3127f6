package org.smc4j.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

  private static final Path HOME = Path.of("/home/trader");

  @Test
  void shouldUseTheXdgDataHomeElseTheHomesLocalShareAndIgnoreARelativeXdgValue() {
    assertThat(DataFolder.of(OutputConfig.DEFAULT, Map.of(), HOME))
        .isEqualTo(new DataFolder(Path.of("/home/trader/.local/share/smc4j"), true));
    assertThat(DataFolder.of(OutputConfig.DEFAULT, Map.of("XDG_DATA_HOME", "/data/x"), HOME).path())
        .isEqualTo(Path.of("/data/x/smc4j"));
    assertThat(DataFolder.of(OutputConfig.DEFAULT, Map.of("XDG_DATA_HOME", "rel"), HOME).path())
        .isEqualTo(Path.of("/home/trader/.local/share/smc4j"));
  }

  @Test
  void shouldPreferTheConfiguredFolderAndPlaceOnlyRelativeFilesInIt() {
    OutputConfig output = OutputConfig.DEFAULT.withDataDir(Path.of("/srv/smc4j"));
    DataFolder folder = DataFolder.of(output, Map.of("XDG_DATA_HOME", "/data/x"), HOME);

    Smc4jConfig applied =
        folder.apply(
            Smc4jConfig.DEFAULT.withOutput(output.withSignals(Path.of("/tmp/elsewhere.jsonl"))));

    assertThat(folder.platformDefault()).isFalse();
    assertThat(applied.output().journal()).isEqualTo(Path.of("/srv/smc4j/smc4j-scan.db"));
    assertThat(applied.output().signals()).isEqualTo(Path.of("/tmp/elsewhere.jsonl"));
    assertThat(applied.logging().file()).isEqualTo(Path.of("/srv/smc4j/logs/smc4j-scan.log"));
  }

  @Test
  void shouldReadAndPrintTheDataDirKeyWithDefaultForThePlatformFolder() {
    Smc4jConfig given = ConfigLoader.parse("output: {data-dir: /srv/smc4j}\n", "c.yaml");
    Smc4jConfig platform = ConfigLoader.parse("output: {data-dir: default}\n", "c.yaml");

    assertThat(given.output().dataDir()).contains(Path.of("/srv/smc4j"));
    assertThat(platform.output().dataDir()).isEmpty();
    assertThat(ConfigPrinter.toYaml(Smc4jConfig.DEFAULT, null)).contains("data-dir: default");
    assertThat(ConfigLoader.parse(ConfigPrinter.toYaml(given, null), "printed").output().dataDir())
        .contains(Path.of("/srv/smc4j"));
  }
}
