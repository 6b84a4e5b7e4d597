package io.roadmapcoach.core.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphemesTest {
  private static final String PARTY = "\uD83C\uDF89"; // 🎉, two code units
  private static final String THUMB_DARK = "\uD83D\uDC4D\uD83C\uDFFF"; // 👍🏿
  private static final String FAMILY =
      "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👩‍👩‍👧
  private static final String FLAG_DE = "\uD83C\uDDE9\uD83C\uDDEA"; // 🇩🇪
  private static final String E_ACUTE = "e\u0301"; // é as e + combining acute

  @Test
  void truncateNeverEndsInsideASurrogatePair() {
    String text = "ab" + PARTY.repeat(5);
    for (int max = 2; max < text.length(); max++) {
      String cut = Graphemes.truncate(text, max);
      assertThat(cut.length()).isLessThanOrEqualTo(max);
      assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
      assertThat(cut).endsWith(Graphemes.ELLIPSIS);
    }
  }

  @Test
  void truncateKeepsModifiersZwjSequencesFlagsAndCombiningMarksWhole() {
    for (String cluster : new String[] {THUMB_DARK, FAMILY, FLAG_DE, E_ACUTE}) {
      String text = "x" + cluster.repeat(4);
      for (int max = 1; max < text.length(); max++) {
        String head = Graphemes.head(text, max);
        assertThat(head.length()).isLessThanOrEqualTo(max);
        assertThat((head.length() - 1) % cluster.length())
            .as("cut %s at %d", cluster, max)
            .isZero();
      }
    }
  }

  @Test
  void textThatFitsIsLeftAlone() {
    assertThat(Graphemes.truncate(FAMILY, FAMILY.length())).isEqualTo(FAMILY);
    assertThat(Graphemes.boundaryAtOrBefore("abc", 10)).isEqualTo(3);
  }

  @Test
  void aFirstClusterLongerThanTheLimitLeavesNothingRatherThanHalf() {
    assertThat(Graphemes.head(FAMILY, 3)).isEmpty();
    assertThat(Graphemes.truncate(FAMILY + "abc", 3)).isEqualTo(Graphemes.ELLIPSIS);
  }
}
