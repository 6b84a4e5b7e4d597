package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import gnu.trove.map.hash.TLongObjectHashMap;
import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.command.CommandParser;
import io.roadmapcoach.core.command.Usage;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/** {@code /roadmap} as registered, and filled-in commands turned back into the core's text. */
class CommandSurfaceTest {
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());
  private final CommandSurface surface = new CommandSurface(ROADMAP);

  @Test
  void everyCoreCommandHasASubcommandOrGroup() {
    Set<String> registered =
        surface.subs().stream().map(s -> s.group().orElse(s.name())).collect(Collectors.toSet());
    assertThat(registered).containsAll(Usage.names());
  }

  @Test
  void theRegisteredCommandFitsDiscordsLimits() {
    DataObject command = surface.command().toData();
    assertThat(command.getString("name")).isEqualTo("roadmap");
    DataArray options = command.getArray("options");
    assertThat(options.length()).isLessThanOrEqualTo(25);
    for (int i = 0; i < options.length(); i++) {
      DataObject option = options.getObject(i);
      assertThat(option.getString("name")).matches("[a-z0-9-]{1,32}");
      assertThat(option.getString("description")).hasSizeBetween(1, 100);
    }
    // servers only: the command is not offered in DMs
    assertThat(command.getArray("contexts").toList())
        .extracting(String::valueOf)
        .containsExactly("0");
  }

  @Test
  void integerOptionsCarryTheRoadmapsRanges() {
    Map<String, DataObject> options = optionsByPath();
    assertThat(options.get("stage number").getInt("min_value")).isEqualTo(1);
    assertThat(options.get("stage number").getInt("max_value")).isEqualTo(ROADMAP.stageCount());
    assertThat(options.get("done objective").getInt("max_value"))
        .isEqualTo(ROADMAP.mostObjectives());
    assertThat(options.get("undo objective").getInt("max_value"))
        .isEqualTo(ROADMAP.mostObjectives());
    assertThat(options.get("set-stage stage").getInt("max_value")).isEqualTo(ROADMAP.stageCount());
    assertThat(options.get("snooze days").getInt("max_value")).isEqualTo(Action.MAX_SNOOZE_DAYS);
    assertThat(options.get("done objective").getBoolean("required")).isTrue();
  }

  @Test
  void fixedWordsAreChoicesAndZonesAreAutocompleted() {
    Map<String, DataObject> options = optionsByPath();
    assertThat(choiceValues(options.get("leaderboard period"))).containsExactly("week", "all");
    assertThat(choiceValues(options.get("leaderboard me"))).containsExactly("hide", "show");
    assertThat(choiceValues(options.get("remind days which"))).containsExactly("weekdays", "daily");
    assertThat(choiceValues(options.get("quiz-day day")))
        .containsExactly("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    assertThat(options.get("tz zone").getBoolean("autocomplete")).isTrue();
    assertThat(options.get("channel-tz zone").getBoolean("autocomplete")).isTrue();
    assertThat(options.get("status member").getInt("type")).isEqualTo(6); // USER
  }

  @Test
  void aFilledInCommandBecomesTheCoresText() {
    assertThat(text(null, "status")).isEqualTo("status");
    assertThat(text(null, "status", user("member", "123456789012345678")))
        .isEqualTo("status <@123456789012345678>");
    assertThat(text(null, "done", integer("objective", 2))).isEqualTo("done 2");
    assertThat(text(null, "stage", integer("number", 7))).isEqualTo("stage 7");
    assertThat(text("remind", "at", string("time", " 09:30 "))).isEqualTo("remind at 09:30");
    assertThat(text("remind", "dm")).isEqualTo("remind dm");
    assertThat(text("reminders", "channel")).isEqualTo("reminders channel");
    assertThat(text(null, "snooze", integer("days", 3))).isEqualTo("snooze 3");
    assertThat(text(null, "snooze", bool("off", true))).isEqualTo("snooze off");
    assertThat(text(null, "tz", string("zone", "Europe/Berlin"))).isEqualTo("tz Europe/Berlin");
    assertThat(text(null, "team", bool("csv", true))).isEqualTo("team csv");
    assertThat(text(null, "team", bool("csv", false))).isEqualTo("team");
    assertThat(text(null, "leaderboard", string("period", "all"))).isEqualTo("leaderboard all");
    assertThat(text(null, "quiz-day", string("time", "15:00"), string("day", "fri")))
        .isEqualTo("quiz-day fri 15:00"); // declared order, whatever order Discord sends
    assertThat(text(null, "set-stage", integer("stage", 4), user("member", "42")))
        .isEqualTo("set-stage <@42> 4");
    assertThat(text(null, "lead", user("member", "42"))).isEqualTo("lead <@42>");
  }

  @Test
  void bothLeaderboardOptionsGoToTheCoreWhichNamesTheRightForm() {
    assertThat(text(null, "leaderboard", string("me", "hide"), string("period", "week")))
        .isEqualTo("leaderboard week hide");
    var parsed =
        new CommandParser(ROADMAP)
            .parse(text(null, "leaderboard", string("period", "week"), string("me", "hide")));
    assertThat(parsed).isInstanceOf(io.roadmapcoach.core.command.Command.Invalid.class);
  }

  @Test
  void aSubcommandThisVersionDoesNotKnowPassesItsWordsThrough() {
    assertThat(text(null, "export", string("format", "json"))).isEqualTo("export json");
  }

  @Test
  void onlyTheTeamFileIsDeferredAtOnceAndOnlyBoardsAreLikelyPublic() {
    assertThat(CommandSurface.slow(null, "team", lookup(List.of(bool("csv", true))))).isTrue();
    assertThat(CommandSurface.slow(null, "team", lookup(List.of()))).isFalse();
    assertThat(CommandSurface.slow(null, "status", lookup(List.of()))).isFalse();
    assertThat(CommandSurface.likelyPublic(null, "leaderboard", lookup(List.of()))).isTrue();
    assertThat(
            CommandSurface.likelyPublic(null, "leaderboard", lookup(List.of(string("me", "hide")))))
        .isFalse();
    assertThat(CommandSurface.likelyPublic(null, "status", lookup(List.of()))).isFalse();
  }

  // ---- helpers ----

  private String text(String group, String name, OptionMapping... options) {
    return surface.text(group, name, List.of(options));
  }

  private static java.util.function.Function<String, OptionMapping> lookup(
      List<OptionMapping> options) {
    return name -> options.stream().filter(o -> o.getName().equals(name)).findFirst().orElse(null);
  }

  static OptionMapping option(String name, int type, Object value) {
    DataObject data = DataObject.empty().put("name", name).put("type", type).put("value", value);
    return new OptionMapping(data, new TLongObjectHashMap<>(), null, null);
  }

  static OptionMapping string(String name, String value) {
    return option(name, 3, value);
  }

  static OptionMapping integer(String name, long value) {
    return option(name, 4, value);
  }

  static OptionMapping bool(String name, boolean value) {
    return option(name, 5, value);
  }

  static OptionMapping user(String name, String id) {
    return option(name, 6, id);
  }

  /** Every option of every subcommand, by "path option": {@code remind days which}. */
  private Map<String, DataObject> optionsByPath() {
    Map<String, DataObject> all = new java.util.HashMap<>();
    DataArray top = surface.command().toData().getArray("options");
    for (int i = 0; i < top.length(); i++) {
      DataObject sub = top.getObject(i);
      collect(sub, sub.getString("name"), all);
    }
    return all;
  }

  private static void collect(DataObject node, String path, Map<String, DataObject> all) {
    DataArray options = node.optArray("options").orElse(DataArray.empty());
    for (int i = 0; i < options.length(); i++) {
      DataObject option = options.getObject(i);
      int type = option.getInt("type");
      String name = path + " " + option.getString("name");
      if (type == 1 || type == 2) {
        collect(option, name, all);
      } else {
        all.put(name, option);
      }
    }
  }

  private static List<String> choiceValues(DataObject option) {
    List<String> values = new ArrayList<>();
    DataArray choices = option.getArray("choices");
    for (int i = 0; i < choices.length(); i++) {
      values.add(choices.getObject(i).getString("value"));
    }
    return values;
  }
}
