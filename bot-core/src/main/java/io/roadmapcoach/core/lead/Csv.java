package io.roadmapcoach.core.lead;

/** CSV fields as RFC 4180 quotes them, and safe to open in a spreadsheet. */
final class Csv {
  private Csv() {}

  static String field(String value) {
    String text = value;
    // a leading =, +, - or @ would run as a formula in a spreadsheet
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
