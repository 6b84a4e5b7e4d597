package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import gnu.trove.map.hash.TLongObjectHashMap;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.command.CommandParser;
import io.roadmapcoach.core.command.Commands;
import io.roadmapcoach.core.command.Input;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSizes;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.db.testing.TestDatabase;
import io.roadmapcoach.discord.CommandSurface.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/** {@code /roadmap} as registered, and filled-in commands turned back into the core's text. */
class CommandSurfaceTest {
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());
  private static final Commands COMMANDS = declared(ROADMAP);
  private final CommandSurface surface = new CommandSurface(COMMANDS);
  private final CommandParser parser = COMMANDS.parser();

  /** The commands the core's features declare, as the core assembles them. */
  static Commands declared(Roadmap roadmap) {
    QuizBank bank = new QuizBankLoader().load(RoadmapSource.builtIn(), roadmap);
    return Core.builder(TestDatabase.dsl(), roadmap, bank).build().coach().commands();
  }

  @Test
  void everyCoreCommandHasASubcommand() {
    Set<String> reached =
        surface.entries().stream().map(e -> e.words().split(" ")[0]).collect(Collectors.toSet());
    assertThat(reached).containsAll(COMMANDS.names());
  }

  @Test
  void everySubcommandFilledInIsACommandTheCoreKnows() {
    for (Entry entry : surface.entries()) {
      String text = surface.text(groupOf(entry), entry.name(), requiredFilledIn(entry));
      assertThat(parser.parse(text))
          .as("/roadmap %s, sent as \"%s\"", entry.path(), text)
          .isNotInstanceOf(Input.Unknown.class)
          .isNotInstanceOf(Input.Invalid.class);
    }
  }

  @Test
  void theRegisteredCommandFitsDiscordsLimits() {
    DataObject command = surface.command().toData();
    assertThat(command.getString("name")).isEqualTo("roadmap");
    assertFitsDiscordsLimits(command);
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
    assertThat(options.get("team set-stage stage").getInt("max_value"))
        .isEqualTo(ROADMAP.stageCount());
    assertThat(options.get("snooze for days").getInt("max_value"))
        .isEqualTo(Action.MAX_SNOOZE_DAYS);
    assertThat(options.get("done objective").getBoolean("required")).isTrue();
  }

  @Test
  void theLargestRoadmapsAcceptedGiveRangesWithinDiscordsLimits() {
    DataObject command = surface.command(RoadmapSizes.LARGEST_ACCEPTED).toData();
    assertFitsDiscordsLimits(command);
    Map<String, DataObject> options = optionsByPath(command);
    assertThat(options.get("stage number").getInt("max_value")).isEqualTo(50);
    assertThat(options.get("stage number").getString("description")).endsWith("1 to 50");
    assertThat(options.get("done objective").getInt("max_value")).isEqualTo(20);
    assertThat(options.get("team set-stage stage").getInt("max_value")).isEqualTo(50);
    assertThat(options.get("snooze for days").getInt("max_value"))
        .isEqualTo(Action.MAX_SNOOZE_DAYS);
  }

  @Test
  void theDeploymentsSizesGiveTheCommandRegisteredByDefault() {
    assertThat(surface.command(RoadmapSizes.of(ROADMAP)).toData().toJson())
        .isEqualTo(surface.command().toData().toJson());
  }

  @Test
  void fixedWordsAreChoicesAndZonesAreAutocompleted() {
    Map<String, DataObject> options = optionsByPath();
    assertThat(choiceValues(options.get("leaderboard period"))).containsExactly("week", "all");
    assertThat(choiceValues(options.get("leaderboard me"))).containsExactly("hide", "show");
    assertThat(choiceValues(options.get("remind days which"))).containsExactly("weekdays", "daily");
    assertThat(choiceValues(options.get("channel quiz-day day")))
        .containsExactly("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    assertThat(choiceValues(options.get("channel reminders mode")))
        .containsExactly("dm", "channel");
    assertThat(options.get("tz zone").getBoolean("autocomplete")).isTrue();
    assertThat(options.get("channel tz zone").getBoolean("autocomplete")).isTrue();
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
    assertThat(text("channel", "reminders", string("mode", "channel")))
        .isEqualTo("reminders channel");
    assertThat(text("snooze", "for", integer("days", 3))).isEqualTo("snooze 3");
    assertThat(text(null, "tz", string("zone", "Europe/Berlin"))).isEqualTo("tz Europe/Berlin");
    assertThat(text("channel", "tz", string("zone", "Europe/Berlin")))
        .isEqualTo("channel-tz Europe/Berlin");
    assertThat(text("team", "progress", bool("csv", true))).isEqualTo("team csv");
    assertThat(text("team", "progress", bool("csv", false))).isEqualTo("team");
    assertThat(text("team", "progress")).isEqualTo("team");
    assertThat(text(null, "leaderboard", string("period", "all"))).isEqualTo("leaderboard all");
    assertThat(text("channel", "quiz-day", string("time", "15:00"), string("day", "fri")))
        .isEqualTo("quiz-day fri 15:00"); // declared order, whatever order Discord sends
    assertThat(text("team", "set-stage", integer("stage", 4), user("member", "42")))
        .isEqualTo("set-stage <@42> 4");
    assertThat(text("team", "lead", user("member", "42"))).isEqualTo("lead <@42>");
    assertThat(text("team", "unlead", user("member", "42"))).isEqualTo("unlead <@42>");
  }

  @Test
  void buddiesEveningsAndHolidaysBecomeTheCoresText() {
    assertThat(text(null, "buddy")).isEqualTo("buddy");
    assertThat(text(null, "buddy", string("switch", "on"))).isEqualTo("buddy on");
    assertThat(text("remind", "evening", string("switch", "off"))).isEqualTo("remind evening off");
    assertThat(text("remind", "evening", string("time", "19:30")))
        .isEqualTo("remind evening at 19:30");
    assertThat(text("holiday", "add", string("to", "2026-12-26"), string("from", "2026-12-24")))
        .isEqualTo("holiday 2026-12-24 2026-12-26");
    assertThat(text("holiday", "add", string("from", "2026-12-24")))
        .isEqualTo("holiday 2026-12-24");
    assertThat(text("holiday", "clear", string("date", "2026-12-24")))
        .isEqualTo("holiday clear 2026-12-24");
    assertThat(text("holiday", "list")).isEqualTo("holidays");
    // a time Discord let through is still the core's to refuse, in its own words
    assertThat(parser.parse(text("remind", "evening", string("time", "7pm"))))
        .isInstanceOf(Input.Invalid.class);
  }

  @Test
  void bothLeaderboardOptionsGoToTheCoreWhichNamesTheRightForm() {
    assertThat(text(null, "leaderboard", string("me", "hide"), string("period", "week")))
        .isEqualTo("leaderboard week hide");
    var parsed =
        parser.parse(text(null, "leaderboard", string("period", "week"), string("me", "hide")));
    assertThat(parsed).isInstanceOf(Input.Invalid.class);
  }

  @Test
  void aSubcommandThisVersionDoesNotKnowPassesItsWordsThrough() {
    assertThat(text(null, "buddy", string("switch", "on"))).isEqualTo("buddy on");
    // a registration from before the regrouping still reaches the core as it did
    assertThat(text(null, "lead", user("member", "42"))).isEqualTo("lead <@42>");
    assertThat(text(null, "team", bool("csv", true))).isEqualTo("team csv");
    assertThat(text("reminders", "dm")).isEqualTo("reminders dm");
  }

  @Test
  void anAttachedRoadmapFileStaysOutOfTheCoresText() {
    Entry upload = surface.find("roadmap", "upload").orElseThrow();

    assertThat(upload.options())
        .singleElement()
        .satisfies(o -> assertThat(o.getType()).isEqualTo(OptionType.ATTACHMENT));
    assertThat(text("roadmap", "upload", option("file", OptionType.ATTACHMENT.getKey(), "7")))
        .isEqualTo("roadmap upload");
    assertThat(text("roadmap", "show")).isEqualTo("roadmap");
    assertThat(text("roadmap", "use", string("id", "web-dev"))).isEqualTo("roadmap use web-dev");
    assertThat(surface.slow("roadmap upload")).isTrue();
  }

  @Test
  void onlyFilesAreDeferredAtOnceAndOnlyBoardsAreLikelyPublic() {
    assertThat(surface.slow(text("team", "progress", bool("csv", true)))).isTrue();
    assertThat(surface.slow(text("team", "progress"))).isFalse();
    assertThat(surface.slow(text(null, "status"))).isFalse();
    assertThat(surface.slow(text(null, "export"))).isTrue();
    assertThat(surface.slow(text(null, "forget-me"))).isFalse();
    assertThat(surface.likelyPublic(text(null, "leaderboard"))).isTrue();
    assertThat(surface.likelyPublic(text(null, "leaderboard", string("period", "all")))).isTrue();
    assertThat(surface.likelyPublic(text(null, "leaderboard", string("me", "hide")))).isFalse();
    assertThat(surface.likelyPublic(text(null, "status"))).isFalse();
  }

  // ---- Discord's limits on a command ----

  private static final String NAME = "[-_\\p{L}\\p{N}]{1,32}";
  private static final int OPTIONS_MAX = 25;
  private static final int CHOICES_MAX = 25;
  private static final int COMMAND_CHARACTERS_MAX = 4000;

  /**
   * Discord's rules for a chat command: at most 25 subcommands or groups, 25 subcommands in a
   * group, 25 options on a subcommand, 25 choices on an option; names of 1 to 32 lower-case
   * letters, digits, {@code -} and {@code _}, unique among their siblings; descriptions and choice
   * names of 1 to 100 characters; required options before optional ones; and at most 4000
   * characters of names, descriptions and choices in all.
   */
  static void assertFitsDiscordsLimits(DataObject command) {
    int characters = checkNode(command, "/roadmap", Set.of(SUBCOMMAND, GROUP));
    assertThat(characters)
        .as("characters of names, descriptions and choices of /roadmap")
        .isLessThanOrEqualTo(COMMAND_CHARACTERS_MAX);
  }

  private static final int SUBCOMMAND = 1;
  private static final int GROUP = 2;

  /**
   * Checks a command, group, subcommand or option and what it holds, and returns its characters
   * with theirs. {@code children}: whether it may hold subcommands or groups; neither means it
   * holds plain options (or nothing, for an option).
   */
  private static int checkNode(DataObject node, String path, Set<Integer> children) {
    String name = node.getString("name");
    String description = node.getString("description");
    assertThat(name).as("name of %s", path).matches(NAME).isEqualTo(name.toLowerCase(Locale.ROOT));
    assertThat(description).as("description of %s", path).hasSizeBetween(1, 100);
    int characters = name.length() + description.length();
    DataArray options = node.optArray("options").orElse(DataArray.empty());
    assertThat(options.length()).as("options of %s", path).isLessThanOrEqualTo(OPTIONS_MAX);
    Set<String> names = new HashSet<>();
    boolean optionalSeen = false;
    for (int i = 0; i < options.length(); i++) {
      DataObject option = options.getObject(i);
      String optionPath = path + " " + option.getString("name");
      int type = option.getInt("type");
      assertThat(names.add(option.getString("name"))).as("%s is unique", optionPath).isTrue();
      if (type == GROUP) {
        assertThat(children).as("%s: groups sit on the command only", optionPath).contains(GROUP);
        characters += checkNode(option, optionPath, Set.of(SUBCOMMAND));
      } else if (type == SUBCOMMAND) {
        assertThat(children).as("%s: no subcommand in a subcommand", optionPath).contains(type);
        characters += checkNode(option, optionPath, Set.of());
      } else {
        assertThat(children).as("%s: options belong to subcommands", optionPath).isEmpty();
        boolean required = option.getBoolean("required", false);
        assertThat(required && optionalSeen)
            .as("%s: required options come first", optionPath)
            .isFalse();
        optionalSeen |= !required;
        characters += choiceCharacters(option, optionPath);
        characters += checkNode(option, optionPath, Set.of());
      }
    }
    return characters;
  }

  private static int choiceCharacters(DataObject option, String path) {
    DataArray choices = option.optArray("choices").orElse(DataArray.empty());
    assertThat(choices.length()).as("choices of %s", path).isLessThanOrEqualTo(CHOICES_MAX);
    int characters = 0;
    for (int i = 0; i < choices.length(); i++) {
      DataObject choice = choices.getObject(i);
      assertThat(choice.getString("name")).as("a choice of %s", path).hasSizeBetween(1, 100);
      characters +=
          choice.getString("name").length() + String.valueOf(choice.get("value")).length();
    }
    return characters;
  }

  // ---- helpers ----

  private String text(String group, String name, OptionMapping... options) {
    return surface.text(group, name, List.of(options));
  }

  private static String groupOf(Entry entry) {
    return entry.group().map(CommandSurface.Group::name).orElse(null);
  }

  /** The entry's required options, filled in with values the core takes. */
  private static List<OptionMapping> requiredFilledIn(Entry entry) {
    List<OptionMapping> filled = new ArrayList<>();
    for (OptionData option : entry.options()) {
      if (!option.isRequired() || option.getType() == OptionType.ATTACHMENT) {
        continue; // a file goes with the command, never into its text
      }
      filled.add(
          switch (option.getType()) {
            case USER -> user(option.getName(), "42");
            case INTEGER -> integer(option.getName(), option.getMinValue().longValue());
            case STRING ->
                string(
                    option.getName(),
                    !option.getChoices().isEmpty()
                        ? option.getChoices().getFirst().getAsString()
                        : sample(option));
            default -> throw new AssertionError("No sample for " + option.getType());
          });
    }
    return filled;
  }

  /** A value the core takes for a free-text option: a zone, a date or a time. */
  private static String sample(OptionData option) {
    if (option.getName().equals(CommandSurface.ZONE)) {
      return "Europe/Berlin";
    }
    if (option.getName().equals("id")) {
      return "web-dev"; // a roadmap's id
    }
    return option.getDescription().contains(CommandSurface.DATE_FORM) ? "2026-12-24" : "09:30";
  }

  static OptionMapping option(String name, int type, Object value) {
    DataObject data = DataObject.empty().put("name", name).put("type", type).put("value", value);
    return new OptionMapping(data, new TLongObjectHashMap<>(), null, null);
  }

  static OptionMapping string(String name, String value) {
    return option(name, OptionType.STRING.getKey(), value);
  }

  static OptionMapping integer(String name, long value) {
    return option(name, OptionType.INTEGER.getKey(), value);
  }

  static OptionMapping bool(String name, boolean value) {
    return option(name, OptionType.BOOLEAN.getKey(), value);
  }

  static OptionMapping user(String name, String id) {
    return option(name, OptionType.USER.getKey(), id);
  }

  /** Every option of every subcommand, by "path option": {@code remind days which}. */
  private Map<String, DataObject> optionsByPath() {
    return optionsByPath(surface.command().toData());
  }

  /** Every option of a registered command by its path: {@code "team set-stage stage"}. */
  static Map<String, DataObject> optionsByPath(DataObject command) {
    Map<String, DataObject> all = new HashMap<>();
    DataArray top = command.getArray("options");
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
