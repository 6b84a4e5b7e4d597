package io.roadmapcoach.app.dashboard;

import io.roadmapcoach.core.dashboard.ChannelReport.MemberLine;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the members table is ordered: a column and a direction, read from {@code ?sort=&dir=} so
 * sorting works with plain links and no script. Ties fall back to the name.
 */
record MemberSort(Column column, boolean ascending) {
  /** Stalest first, as {@code /roadmap team} lists them. */
  static final MemberSort DEFAULT = new MemberSort(Column.LAST, true);

  enum Column {
    NAME("name", "Member", Comparator.comparing(m -> m.name().toLowerCase(Locale.ROOT))),
    STAGE(
        "stage",
        "Stage",
        Comparator.comparing((MemberLine m) -> m.graduated()).thenComparingInt(MemberLine::stage)),
    OBJECTIVES(
        "objectives", "Objectives of stage", Comparator.comparingInt(MemberLine::objectivesDone)),
    LAST("last", "Last progress", Comparator.comparing(MemberLine::lastProgress)),
    STREAK("streak", "Streak", Comparator.comparingInt(MemberLine::streakDays)),
    POINTS("points", "Points", Comparator.comparingInt(MemberLine::points)),
    STUCK("stuck", "Stuck", Comparator.comparing(MemberLine::stuck)),
    REMINDERS("reminders", "Reminders", Comparator.comparing(MemberLine::reminders));

    final String key;
    final String heading;
    final Comparator<MemberLine> order;

    Column(String key, String heading, Comparator<MemberLine> order) {
      this.key = key;
      this.heading = heading;
      this.order = order;
    }

    static Optional<Column> byKey(String key) {
      for (Column c : values()) {
        if (c.key.equals(key)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  /** The order asked for; anything unrecognised gets the default rather than an error page. */
  static MemberSort of(String sort, String dir) {
    return Column.byKey(sort == null ? "" : sort)
        .map(c -> new MemberSort(c, !"desc".equals(dir)))
        .orElse(DEFAULT);
  }

  List<MemberLine> apply(List<MemberLine> members) {
    Comparator<MemberLine> order = ascending ? column.order : column.order.reversed();
    Comparator<MemberLine> byName = Column.NAME.order;
    return members.stream().sorted(order.thenComparing(byName)).toList();
  }

  /** The query that sorts by {@code other}: the same column clicked again turns the order round. */
  String linkFor(Column other) {
    boolean nextAscending = other != column || !ascending;
    return "?sort=" + other.key + "&amp;dir=" + (nextAscending ? "asc" : "desc");
  }
}
