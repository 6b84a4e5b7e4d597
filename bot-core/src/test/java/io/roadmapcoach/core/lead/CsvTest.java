package io.roadmapcoach.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void plainValuesStayAsTheyAre() {
    assertThat(Csv.field("Ana Lima")).isEqualTo("Ana Lima");
    assertThat(Csv.field("")).isEmpty();
  }

  @Test
  void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
    assertThat(Csv.field("Lima, Ana")).isEqualTo("\"Lima, Ana\"");
    assertThat(Csv.field("Ana \"the fox\"")).isEqualTo("\"Ana \"\"the fox\"\"\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
  }

  @Test
  void aLeadingFormulaCharacterIsDefused() {
    assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(Csv.field("+1")).isEqualTo("'+1");
    assertThat(Csv.field("-2")).isEqualTo("'-2");
    assertThat(Csv.field("@ana")).isEqualTo("'@ana");
    assertThat(Csv.field("a=b")).isEqualTo("a=b");
  }
}
