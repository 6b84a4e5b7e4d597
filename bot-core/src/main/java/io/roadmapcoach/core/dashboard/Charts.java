package io.roadmapcoach.core.dashboard;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The dashboard's two charts, drawn by JFreeChart: the funnel (members per stage, and graduates)
 * and the last weeks (objectives done, members active). The same charts come as one PNG for chat
 * and as inline SVG for the web page. Every label uses the bundled Liberation Sans, so a server
 * without fonts draws the same picture.
 */
public final class Charts {
  public static final int WIDTH = 900;
  public static final int FUNNEL_HEIGHT = 560;
  public static final int WEEKS_HEIGHT = 420;

  private static final String FONT_RESOURCE = "LiberationSans-Regular.ttf";

  /** Unquoted: JFreeSVG writes it inside a single-quoted style attribute. */
  private static final String SVG_FONTS = "Liberation Sans, Arial, Helvetica, sans-serif";

  private static final int TITLE_MAX = 30;
  private static final DateTimeFormatter WEEK =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final Color BLUE = new Color(0x3B82F6);
  private static final Color GREEN = new Color(0x16A34A);
  private static final Color ORANGE = new Color(0xEA580C);
  private static final Color GRID = new Color(0xD1D5DB);

  private final StandardChartTheme theme;

  private Charts(Font font) {
    this.theme = new StandardChartTheme("roadmap");
    theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 20f));
    theme.setLargeFont(font.deriveFont(15f));
    theme.setRegularFont(font.deriveFont(13f));
    theme.setSmallFont(font.deriveFont(11f));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setRangeGridlinePaint(GRID);
    theme.setDomainGridlinePaint(GRID);
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);
  }

  /** Charts in the font shipped inside this jar. */
  public static Charts withBundledFont() {
    try (InputStream in = Charts.class.getResourceAsStream(FONT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(FONT_RESOURCE + " is missing from the jar");
      }
      return new Charts(Font.createFont(Font.TRUETYPE_FONT, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException(FONT_RESOURCE + " is not a TrueType font", e);
    }
  }

  // ---- what to draw

  JFreeChart funnel(ChannelReport.Funnel funnel) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < funnel.onStage().size(); i++) {
      data.addValue(funnel.onStage().get(i), "Members", stageLabel(i + 1, funnel.stageTitles()));
    }
    data.addValue(funnel.graduated(), "Members", "Graduated");
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Where the members are",
            null,
            "Members",
            data,
            PlotOrientation.HORIZONTAL,
            false,
            false,
            false);
    theme.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setSeriesPaint(0, BLUE);
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
    bars.setDefaultItemLabelsVisible(true);
    bars.setMaximumBarWidth(0.08);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    integers(plot);
    return chart;
  }

  JFreeChart weeks(List<ChannelReport.Week> weeks) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ChannelReport.Week week : weeks) {
      String label = WEEK.format(week.monday());
      data.addValue(week.objectivesDone(), "Objectives done", label);
      data.addValue(week.activeMembers(), "Members active", label);
    }
    JFreeChart chart =
        ChartFactory.createLineChart(
            "The last " + weeks.size() + " weeks",
            "Week starting",
            null,
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    theme.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    LineAndShapeRenderer lines = (LineAndShapeRenderer) plot.getRenderer();
    lines.setSeriesPaint(0, GREEN);
    lines.setSeriesPaint(1, ORANGE);
    lines.setDefaultShapesVisible(true);
    lines.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
    lines.setDefaultItemLabelsVisible(true);
    CategoryAxis axis = plot.getDomainAxis();
    axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    integers(plot);
    return chart;
  }

  private static void integers(CategoryPlot plot) {
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    range.setUpperMargin(0.15); // room for the value labels
  }

  private static String stageLabel(int stage, List<String> titles) {
    String title = titles.get(stage - 1);
    if (title.length() > TITLE_MAX) {
      title = title.substring(0, TITLE_MAX - 1).stripTrailing() + "…";
    }
    return stage + ". " + title;
  }

  // ---- how to draw it

  /** The funnel above the weeks, as one PNG image for chat. */
  public byte[] png(ChannelReport.Funnel funnel, List<ChannelReport.Week> weeks) {
    BufferedImage image =
        new BufferedImage(WIDTH, FUNNEL_HEIGHT + WEEKS_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      funnel(funnel).draw(g, new Rectangle(0, 0, WIDTH, FUNNEL_HEIGHT));
      weeks(weeks).draw(g, new Rectangle(0, FUNNEL_HEIGHT, WIDTH, WEEKS_HEIGHT));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The funnel as an inline {@code <svg>} element titled for screen readers. */
  public String funnelSvg(ChannelReport.Funnel funnel, String title) {
    return svg(funnel(funnel), "funnel-chart", FUNNEL_HEIGHT, title);
  }

  /** The weeks as an inline {@code <svg>} element titled for screen readers. */
  public String weeksSvg(List<ChannelReport.Week> weeks, String title) {
    return svg(weeks(weeks), "weeks-chart", WEEKS_HEIGHT, title);
  }

  private static String svg(JFreeChart chart, String id, int height, String title) {
    chart.setTitle((String) null); // on the page, the section's heading names the chart
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
    g.setFontFunction(family -> SVG_FONTS);
    chart.draw(g, new Rectangle(0, 0, WIDTH, height));
    // no fixed size: the page's CSS scales it to the screen, the view box keeps its shape
    String element = g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, height), null, null);
    int open = element.indexOf('>') + 1;
    return element.substring(0, open - 1)
        + " role=\"img\" aria-labelledby=\""
        + id
        + "-title\"><title id=\""
        + id
        + "-title\">"
        + escape(title)
        + "</title>"
        + element.substring(open);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
