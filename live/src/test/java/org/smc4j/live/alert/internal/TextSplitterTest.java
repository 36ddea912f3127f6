package org.smc4j.live.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

  @Test
  void shouldKeepATextThatFitsWhole() {
    assertThat(TextSplitter.split("one\ntwo", 7)).containsExactly("one\ntwo");
  }

  @Test
  void shouldBreakAtTheLastLineBreakThatFits() {
    // "aaa\nbbb\nccc": limit 8 reaches up to index 8; the last '\n' at or before it is index 7.
    assertThat(TextSplitter.split("aaa\nbbb\nccc", 8)).containsExactly("aaa\nbbb", "ccc");
  }

  @Test
  void shouldBreakAtASpaceWhenNoLineBreakFits() {
    assertThat(TextSplitter.split("alpha beta gamma", 11)).containsExactly("alpha beta", "gamma");
  }

  @Test
  void shouldCutAWordLongerThanTheLimit() {
    assertThat(TextSplitter.split("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
  }

  @Test
  void shouldNeverCutASurrogatePair() {
    // U+1F4C8 (chart emoji) is two UTF-16 units; a cut after 3 units would split it.
    String chart = "\uD83D\uDCC8";
    String text = "ab" + chart + chart;

    assertThat(TextSplitter.split(text, 3)).containsExactly("ab", chart, chart);
  }

  @Test
  void shouldDropChunksThatAreOnlyWhitespace() {
    assertThat(TextSplitter.split("aaaa\n\n\n\n\n\nbbbb", 4)).containsExactly("aaaa", "bbbb");
  }

  @Test
  void shouldRejectALimitBelowTwo() {
    assertThatThrownBy(() -> TextSplitter.split("x", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be >= 2, was 1");
  }

  @Property(tries = 300)
  void chunksFitAreNotBlankKeepEveryNonSpaceCharacterAndNeverSplitAPair(
      @ForAll @StringLength(max = 400) @Chars({'a', 'b', ' ', '\n', '\t', '\uD83D', '\uDCC8'})
          String raw,
      @ForAll @IntRange(min = 2, max = 50) int limit) {
    // Only well-formed text: a high surrogate always followed by its low surrogate.
    String text = raw.replace("\uD83D", "").replace("\uDCC8", "\uD83D\uDCC8");

    var chunks = TextSplitter.split(text, limit);

    StringBuilder joined = new StringBuilder();
    for (String c : chunks) {
      assertThat(c.length()).isLessThanOrEqualTo(limit);
      assertThat(c).isNotBlank();
      assertThat(Character.isHighSurrogate(c.charAt(c.length() - 1))).isFalse();
      assertThat(Character.isLowSurrogate(c.charAt(0))).isFalse();
      joined.append(c);
    }
    assertThat(joined.toString().replaceAll("\\s", "")).isEqualTo(text.replaceAll("\\s", ""));
  }
}
