package org.smc4j.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Decodes and inspects rendered PNG charts in tests. */
final class ChartImages {

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private ChartImages() {}

  /** Asserts the PNG signature and decodes the image. */
  static BufferedImage decodePng(byte[] png) {
    assertThat(png).hasSizeGreaterThan(PNG_MAGIC.length).startsWith(PNG_MAGIC);
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image).as("decodable PNG").isNotNull();
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the number of distinct RGB colours. */
  static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return colours.size();
  }

  /** Returns how many pixels are within {@code tolerance} per channel of {@code rgb}. */
  static int pixelsNear(BufferedImage image, int rgb, int tolerance) {
    int r0 = (rgb >> 16) & 0xff;
    int g0 = (rgb >> 8) & 0xff;
    int b0 = rgb & 0xff;
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xff) - r0) <= tolerance
            && Math.abs(((p >> 8) & 0xff) - g0) <= tolerance
            && Math.abs((p & 0xff) - b0) <= tolerance) {
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Returns how many pixels are clearly blue (the POI box's colour, alone or over the FVG box);
   * candles, levels and grid lines are not.
   */
  static int bluishPixels(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        if (b >= r + 40 && b >= g + 25) {
          count++;
        }
      }
    }
    return count;
  }

  /** The colour of a rising candle's body. */
  static final int UP_CANDLE = 0x26a69a;

  /** The colour of a falling candle's body. */
  static final int DOWN_CANDLE = 0xef5350;
}
