package io.roadmapcoach.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.coaching.CoachingCommand;
import io.roadmapcoach.core.cohort.CohortCommand;
import io.roadmapcoach.core.command.Input.Invalid;
import io.roadmapcoach.core.command.Input.Unknown;
import io.roadmapcoach.core.curriculum.CurriculumCommand;
import io.roadmapcoach.core.curriculum.CurriculumFeature;
import io.roadmapcoach.core.dashboard.DashboardCommand;
import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.lead.LeadCommand;
import io.roadmapcoach.core.leaderboard.LeaderboardCommand;
import io.roadmapcoach.core.leaderboard.Period;
import io.roadmapcoach.core.member.ReminderDays;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.post.PostCommand;
import io.roadmapcoach.core.privacy.PrivacyCommand;
import io.roadmapcoach.core.progress.ProgressCommand;
import io.roadmapcoach.core.settings.SettingsCommand;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.RoadmapFiles;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
  private static final Commands COMMANDS = CoachFixture.builtIn().coach().commands();
  private final CommandParser parser = COMMANDS.parser();

  /** One well-formed example per subcommand of help, and what it must parse to. */
  private static final Map<String, Command> EXAMPLES =
      Map.ofEntries(
          Map.entry("help", new HelpCommand.Help()),
          Map.entry("start", new ProgressCommand.Start()),
          Map.entry("status", new ProgressCommand.Status(Optional.empty())),
          Map.entry("stages", new ProgressCommand.Stages()),
          Map.entry("stage 7", new ProgressCommand.ShowStage(OptionalInt.of(7))),
          Map.entry("done 2", new ProgressCommand.Done("2")),
          Map.entry("undo 2", new ProgressCommand.Undo("2")),
          Map.entry("quiz", new ProgressCommand.Quiz()),
          Map.entry("next", new ProgressCommand.Next()),
          Map.entry("leaderboard all", new LeaderboardCommand.Leaderboard(Period.ALL_TIME)),
          Map.entry("remind at 09:30", new SettingsCommand.RemindAt(LocalTime.of(9, 30))),
          Map.entry(
              "tz Europe/Berlin", new SettingsCommand.SetTimeZone(ZoneId.of("Europe/Berlin"))),
          Map.entry("snooze 3d", new SettingsCommand.Snooze(3)),
          Map.entry("team", new LeadCommand.Team(false)),
          Map.entry(
              "quiz-day fri 15:00", new LeadCommand.QuizDay(DayOfWeek.FRIDAY, LocalTime.of(15, 0))),
          Map.entry(
              "channel-tz Asia/Tokyo", new LeadCommand.ChannelTimeZone(ZoneId.of("Asia/Tokyo"))),
          Map.entry("reminders channel", new LeadCommand.ChannelReminders(ReminderMode.CHANNEL)),
          Map.entry("lead @bob", new LeadCommand.Lead(named("bob"))),
          Map.entry("unlead @bob", new LeadCommand.Unlead(named("bob"))),
          Map.entry("set-stage @bob 3", new LeadCommand.SetStage(named("bob"), 3)),
          Map.entry("leave", new CohortCommand.Leave()),
          Map.entry("home #study-group", new CohortCommand.Home(Optional.of("study-group"))),
          Map.entry("settings", new CohortCommand.Settings()),
          Map.entry("post at 08:30", new PostCommand.PostAt(LocalTime.of(8, 30))),
          Map.entry("nudge @bob", new LeadCommand.Nudge(named("bob"))),
          Map.entry("digest off", new LeadCommand.Digest(false)),
          Map.entry("dashboard", new DashboardCommand.Dashboard()),
          Map.entry("buddy on", new CoachingCommand.Buddy(Optional.of(true))),
          Map.entry(
              "holiday 2026-12-24 2026-12-26",
              new CoachingCommand.Holiday(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26))),
          Map.entry("holidays", new CoachingCommand.Holidays()),
          Map.entry("export", new PrivacyCommand.Export()),
          Map.entry("roadmap", new CurriculumCommand.Show()),
          Map.entry("roadmap use web-dev", new CurriculumCommand.Use("web-dev")),
          Map.entry("roadmap upload", new CurriculumCommand.Upload()),
          Map.entry("roadmap download", new CurriculumCommand.Download()),
          Map.entry("forget-me", new PrivacyCommand.ForgetMe()));

  private static MemberRef named(String name) {
    return new MemberRef(Optional.empty(), Optional.of(name));
  }

  private Command parse(String text) {
    return parser.parse(text);
  }

  /** The message of an {@link Invalid}, as the member reads it. */
  private String refusal(String text) {
    Command command = parse(text);
    assertThat(command).as(text).isInstanceOf(Invalid.class);
    return ((Invalid) command).message().plainText();
  }

  @Test
  void cohortAndLeadCommandsReadTheirForms() {
    assertThat(parse("home <#C0123|study>"))
        .isEqualTo(new CohortCommand.Home(Optional.of("C0123")));
    assertThat(parse("home")).isEqualTo(new CohortCommand.Home(Optional.empty()));
    assertThat(parse("post days daily")).isEqualTo(new PostCommand.PostDays(ReminderDays.DAILY));
    assertThat(parse("post off")).isEqualTo(new PostCommand.PostSwitch(false));
    assertThat(parse("team chart")).isEqualTo(new DashboardCommand.TeamChart());
    assertThat(parse("quiz-day")).isEqualTo(new CohortCommand.Settings());
    assertThat(refusal("post at 25:00")).startsWith("25:00 is not a time; try /roadmap post at");
    assertThat(refusal("post days someday")).contains("/roadmap post days weekdays");
    assertThat(refusal("nudge everyone")).contains("/roadmap nudge @ana");
    assertThat(refusal("digest maybe")).contains("/roadmap digest on");
    assertThat(refusal("leave now")).contains("takes nothing after it");
  }

  @Test
  void everySubcommandInUsageHasAParsingExample() {
    Set<String> covered =
        EXAMPLES.keySet().stream().map(e -> e.split(" ")[0]).collect(Collectors.toSet());
    assertThat(covered).containsExactlyInAnyOrderElementsOf(COMMANDS.names());
  }

  @Test
  void everyExampleParsesToItsCommand() {
    EXAMPLES.forEach((text, expected) -> assertThat(parse(text)).as(text).isEqualTo(expected));
  }

  @Test
  void everyUsageFormIsListedInHelp() {
    String help = COMMANDS.help().plainText();
    COMMANDS.usages().forEach(e -> assertThat(help).contains("/roadmap " + e.form()));
  }

  @Test
  void emptyTextAndTheBareCommandNameAskForHelp() {
    assertThat(parse("")).isInstanceOf(HelpCommand.Help.class);
    assertThat(parse("   ")).isInstanceOf(HelpCommand.Help.class);
    assertThat(parse(null)).isInstanceOf(HelpCommand.Help.class);
    assertThat(parse("/roadmap")).isInstanceOf(HelpCommand.Help.class);
    assertThat(parse("?")).isInstanceOf(HelpCommand.Help.class);
  }

  @Test
  void aLeadingSlashCommandNameAndLetterCaseAreIgnored() {
    assertThat(parse("/roadmap DONE 2")).isEqualTo(new ProgressCommand.Done("2"));
    assertThat(parse("  Status  ")).isEqualTo(new ProgressCommand.Status(Optional.empty()));
  }

  @Test
  void statusOfAnotherMemberTakesAPlainNameOrAPlatformMention() {
    assertThat(parse("status @ana"))
        .isEqualTo(new ProgressCommand.Status(Optional.of(named("ana"))));
    assertThat(parse("status <@U024BE7LH|ana>"))
        .isEqualTo(
            new ProgressCommand.Status(
                Optional.of(new MemberRef(Optional.of("U024BE7LH"), Optional.of("ana")))));
    assertThat(parse("status <@!80351110224678912>"))
        .isEqualTo(
            new ProgressCommand.Status(
                Optional.of(new MemberRef(Optional.of("80351110224678912"), Optional.empty()))));
    assertThat(refusal("status ana bob")).contains("/roadmap status @ana");
  }

  @Test
  void stageWithoutANumberMeansTheMembersOwn() {
    assertThat(parse("stage")).isEqualTo(new ProgressCommand.ShowStage(OptionalInt.empty()));
  }

  @Test
  void stageOutsideTheRoadmapNamesTheRange() {
    assertThat(refusal("stage 16"))
        .isEqualTo("There is no stage 16: stages run from 1 to 15. Try /roadmap stage 7.");
    assertThat(refusal("stage 0")).contains("stages run from 1 to 15");
    assertThat(refusal("stage two")).contains("There is no stage two");
  }

  @Test
  void stageRangeComesFromTheLoadedRoadmapNotFromFifteen(@TempDir Path dir) {
    var tiny = CoachFixture.of(RoadmapFiles.generated(dir, 2, 3, 10)).coach().commands().parser();
    assertThat(((Invalid) tiny.parse("stage 3")).message().plainText())
        .contains("stages run from 1 to 2");
    assertThat(((Invalid) tiny.parse("set-stage @bob 3")).message().plainText())
        .contains("stages run from 1 to 2");
  }

  @Test
  void doneAndUndoNeedExactlyOneObjective() {
    assertThat(refusal("done")).contains("name one objective by its number: /roadmap done 2");
    assertThat(refusal("undo 1 2")).contains("/roadmap undo 2");
  }

  @Test
  void doneKeepsWhatWasTypedForTheHandlerToCheckAgainstTheStage() {
    // the range depends on the member's stage, which only the handler knows
    assertThat(parse("done x")).isEqualTo(new ProgressCommand.Done("x"));
    assertThat(parse("done 9")).isEqualTo(new ProgressCommand.Done("9"));
  }

  @Test
  void commandsWithoutArgumentsRefuseTrailingWords() {
    for (String name : new String[] {"start", "stages", "quiz", "next", "export", "forget-me"}) {
      assertThat(refusal(name + " now")).isEqualTo("/roadmap " + name + " takes nothing after it.");
    }
  }

  @Test
  void forgetMeIsReadInAnyLetterCaseAndWithoutItsHyphen() {
    assertThat(parse("Forget-Me")).isEqualTo(new PrivacyCommand.ForgetMe());
    assertThat(parse("forgetme")).isEqualTo(new PrivacyCommand.ForgetMe());
    assertThat(refusal("forgetme please")).isEqualTo("/roadmap forget-me takes nothing after it.");
  }

  @Test
  void leaderboardPeriodsAndVisibility() {
    assertThat(parse("leaderboard")).isEqualTo(new LeaderboardCommand.Leaderboard(Period.WEEK));
    assertThat(parse("leaderboard week"))
        .isEqualTo(new LeaderboardCommand.Leaderboard(Period.WEEK));
    assertThat(parse("board all")).isEqualTo(new LeaderboardCommand.Leaderboard(Period.ALL_TIME));
    assertThat(parse("leaderboard hide"))
        .isEqualTo(new LeaderboardCommand.LeaderboardVisibility(true));
    assertThat(parse("leaderboard show"))
        .isEqualTo(new LeaderboardCommand.LeaderboardVisibility(false));
    assertThat(refusal("leaderboard monthly")).contains("/roadmap leaderboard week");
  }

  @Test
  void remindForms() {
    assertThat(parse("remind at 7:05")).isEqualTo(new SettingsCommand.RemindAt(LocalTime.of(7, 5)));
    assertThat(parse("remind at 23:59"))
        .isEqualTo(new SettingsCommand.RemindAt(LocalTime.of(23, 59)));
    assertThat(parse("remind on")).isEqualTo(new SettingsCommand.RemindSwitch(true));
    assertThat(parse("remind off")).isEqualTo(new SettingsCommand.RemindSwitch(false));
    assertThat(parse("remind days weekdays"))
        .isEqualTo(new SettingsCommand.RemindDays(ReminderDays.WEEKDAYS));
    assertThat(parse("remind days daily"))
        .isEqualTo(new SettingsCommand.RemindDays(ReminderDays.DAILY));
    assertThat(parse("remind dm")).isEqualTo(new SettingsCommand.RemindVia(ReminderMode.DM));
    assertThat(parse("remind channel"))
        .isEqualTo(new SettingsCommand.RemindVia(ReminderMode.CHANNEL));
  }

  @Test
  void remindAtAnImpossibleTimeSaysSoAndShowsTheForm() {
    assertThat(refusal("remind at 25:00"))
        .startsWith("25:00 is not a time; try /roadmap remind at 09:30");
    assertThat(refusal("remind at 12:60")).startsWith("12:60 is not a time;");
    assertThat(refusal("remind at noon")).startsWith("noon is not a time;");
    assertThat(refusal("remind at")).isEqualTo("Give a time: /roadmap remind at 09:30.");
  }

  @Test
  void remindWithAnUnknownWordListsItsForms() {
    assertThat(refusal("remind")).contains("/roadmap remind at 09:30", "remind on", "remind off");
    assertThat(refusal("remind later")).contains("remind days weekdays|daily");
    assertThat(refusal("remind on please")).contains("remind dm|channel");
    assertThat(refusal("remind days sometimes")).contains("/roadmap remind days weekdays");
  }

  @Test
  void timeZonesAreAreaCityNamesInAnyLetterCase() {
    assertThat(parse("tz europe/berlin"))
        .isEqualTo(new SettingsCommand.SetTimeZone(ZoneId.of("Europe/Berlin")));
    assertThat(parse("tz America/Los_Angeles"))
        .isEqualTo(new SettingsCommand.SetTimeZone(ZoneId.of("America/Los_Angeles")));
    assertThat(parse("tz UTC")).isEqualTo(new SettingsCommand.SetTimeZone(ZoneId.of("UTC")));
  }

  @Test
  void anUnknownTimeZoneIsNamedAndRefused() {
    assertThat(refusal("tz Mars/Olympus"))
        .isEqualTo(
            "Mars/Olympus is not a time zone I know. Use an Area/City name, e.g. /roadmap tz"
                + " Europe/Berlin.");
    assertThat(refusal("channel-tz Mars/Olympus")).contains("/roadmap channel-tz Europe/Berlin");
  }

  @Test
  void aBareCityGetsTheFullZoneSuggested() {
    assertThat(refusal("tz Berlin")).contains("Did you mean /roadmap tz Europe/Berlin?");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"tz CET", "tz PST", "tz +02:00", "tz GMT+2", "tz", "tz Europe/Berlin now"})
  void abbreviationsOffsetsAndMissingZonesAreRefused(String text) {
    assertThat(parse(text)).isInstanceOf(Invalid.class);
  }

  @Test
  void snoozeTakesOneToThirtyDays() {
    assertThat(parse("snooze 3d")).isEqualTo(new SettingsCommand.Snooze(3));
    assertThat(parse("snooze 3")).isEqualTo(new SettingsCommand.Snooze(3));
    assertThat(parse("snooze 30 days")).isEqualTo(new SettingsCommand.Snooze(30));
    for (String bad :
        new String[] {"snooze 0d", "snooze 31d", "snooze x", "snooze", "snooze off now"}) {
      assertThat(refusal(bad))
          .as(bad)
          .isEqualTo(
              "Snooze for 1 to 30 days, e.g. /roadmap snooze 3d, or end a snooze with /roadmap"
                  + " snooze off.");
    }
  }

  @Test
  void snoozeOffEndsASnooze() {
    assertThat(parse("snooze off")).isEqualTo(new SettingsCommand.SnoozeOff());
    assertThat(parse("snooze OFF")).isEqualTo(new SettingsCommand.SnoozeOff());
  }

  @Test
  void anyWhitespaceSeparatesWords() {
    assertThat(parse("/roadmap\tdone\t3")).isEqualTo(new ProgressCommand.Done("3"));
    assertThat(parse("\t done \n 3 ")).isEqualTo(new ProgressCommand.Done("3"));
    assertThat(parse("remind\u00a0at\u2003 09:30"))
        .isEqualTo(new SettingsCommand.RemindAt(LocalTime.of(9, 30)));
    assertThat(parse("/ROADMAP\tstatus")).isEqualTo(new ProgressCommand.Status(Optional.empty()));
    assertThat(parse("/roadmap \t ")).isEqualTo(new HelpCommand.Help());
  }

  @Test
  void aGluedMisspeltOrMissingRoadmapNamesTheCommandItMostLikelyMeans() {
    assertThat(parse("/roadmapstatus"))
        .isEqualTo(new Input.Misspelt("/roadmapstatus", Optional.of("/roadmap status")));
    assertThat(parse("/roadmapdone 3"))
        .isEqualTo(new Input.Misspelt("/roadmapdone 3", Optional.of("/roadmap done 3")));
    assertThat(parse("/roadmp status"))
        .isEqualTo(new Input.Misspelt("/roadmp status", Optional.of("/roadmap status")));
    assertThat(parse("/raodmap stauts"))
        .isEqualTo(new Input.Misspelt("/raodmap stauts", Optional.of("/roadmap status")));
    assertThat(parse("/roadmpastatus"))
        .isEqualTo(new Input.Misspelt("/roadmpastatus", Optional.of("/roadmap status")));
    assertThat(parse("/Roadmap-Stage 7"))
        .isEqualTo(new Input.Misspelt("/Roadmap-Stage 7", Optional.of("/roadmap stage 7")));
    assertThat(parse("/roadmaps"))
        .isEqualTo(new Input.Misspelt("/roadmaps", Optional.of("/roadmap help")));
    assertThat(parse("/status"))
        .isEqualTo(new Input.Misspelt("/status", Optional.of("/roadmap status")));
    assertThat(parse("/giphy cats")).isEqualTo(new Input.Misspelt("/giphy cats", Optional.empty()));
  }

  @Test
  void aLongBadArgumentIsEchoedCutWithAnEllipsis() {
    String pasted = "9".repeat(5_000);

    assertThat(refusal("stage " + pasted))
        .isEqualTo(
            "There is no stage "
                + "9".repeat(40)
                + "…: stages run from 1 to 15. Try /roadmap stage 7.");
    assertThat(refusal("remind at " + pasted)).startsWith("9".repeat(40) + "… is not a time; try");
    assertThat(parse("x".repeat(5_000)))
        .isEqualTo(new Unknown("x".repeat(5_000), Optional.empty()));
  }

  @Test
  void leadCommandForms() {
    assertThat(parse("team csv")).isEqualTo(new LeadCommand.Team(true));
    assertThat(refusal("team pdf")).contains("/roadmap team csv");
    assertThat(parse("quiz-day Monday 08:00"))
        .isEqualTo(new LeadCommand.QuizDay(DayOfWeek.MONDAY, LocalTime.of(8, 0)));
    assertThat(refusal("quiz-day fry 15:00")).contains("/roadmap quiz-day fri 15:00");
    assertThat(refusal("quiz-day fri 25:00")).contains("mon to sun, 24-hour clock");
    assertThat(parse("reminders dm")).isEqualTo(new LeadCommand.ChannelReminders(ReminderMode.DM));
    assertThat(refusal("reminders often")).contains("/roadmap reminders dm");
    assertThat(refusal("lead bob")).contains("/roadmap lead @ana");
    assertThat(refusal("unlead")).contains("/roadmap unlead @ana");
    assertThat(refusal("set-stage @bob")).contains("/roadmap set-stage @ana 3");
    assertThat(refusal("set-stage @bob 16")).contains("There is no stage 16");
  }

  @Test
  void anUnknownSubcommandCloseToOneSuggestsIt() {
    assertThat(parse("stauts")).isEqualTo(new Unknown("stauts", Optional.of("status")));
    assertThat(parse("dnoe 2")).isEqualTo(new Unknown("dnoe 2", Optional.of("done")));
    assertThat(parse("leaderbord all"))
        .isEqualTo(new Unknown("leaderbord all", Optional.of("leaderboard")));
  }

  @Test
  void anUnknownSubcommandFarFromAnyGetsNoSuggestion() {
    assertThat(parse("xyzzy")).isEqualTo(new Unknown("xyzzy", Optional.empty()));
    assertThat(parse("dance 3")).isEqualTo(new Unknown("dance 3", Optional.empty()));
  }

  // ---- issue 23: every argument read one way

  @Test
  void fullWidthAndOtherScriptsDigitsAreReadAsDigitsInEveryArgument() {
    assertThat(parse("done ２")).isEqualTo(new ProgressCommand.Done("2"));
    assertThat(parse("remind at ０９:００"))
        .isEqualTo(new SettingsCommand.RemindAt(LocalTime.of(9, 0)));
    assertThat(parse("remind at ٠٧:٣٠"))
        .isEqualTo(new SettingsCommand.RemindAt(LocalTime.of(7, 30)));
    assertThat(parse("stage ７")).isEqualTo(new ProgressCommand.ShowStage(OptionalInt.of(7)));
    assertThat(parse("snooze ３ｄ")).isEqualTo(new SettingsCommand.Snooze(3));
    assertThat(parse("holiday ２０２６-１２-２４"))
        .isEqualTo(
            new CoachingCommand.Holiday(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 24)));
    assertThat(parse("quiz-day ｆｒｉ １５:００"))
        .isEqualTo(new LeadCommand.QuizDay(DayOfWeek.FRIDAY, LocalTime.of(15, 0)));
  }

  @Test
  void everyFixedWordIsReadInAnyLetterCase() {
    assertThat(parse("REMIND AT 09:30"))
        .isEqualTo(new SettingsCommand.RemindAt(LocalTime.of(9, 30)));
    assertThat(parse("Remind Days WEEKDAYS"))
        .isEqualTo(new SettingsCommand.RemindDays(ReminderDays.WEEKDAYS));
    assertThat(parse("Leaderboard ALL"))
        .isEqualTo(new LeaderboardCommand.Leaderboard(Period.ALL_TIME));
    assertThat(parse("TZ EUROPE/BERLIN"))
        .isEqualTo(new SettingsCommand.SetTimeZone(ZoneId.of("Europe/Berlin")));
    assertThat(parse("SNOOZE 3D")).isEqualTo(new SettingsCommand.Snooze(3));
    assertThat(parse("Post OFF")).isEqualTo(new PostCommand.PostSwitch(false));
    assertThat(parse("Digest On")).isEqualTo(new LeadCommand.Digest(true));
    assertThat(parse("HOLIDAY CLEAR 2026-12-24"))
        .isEqualTo(new CoachingCommand.HolidayClear(LocalDate.of(2026, 12, 24)));
    assertThat(parse("Buddy OFF")).isEqualTo(new CoachingCommand.Buddy(Optional.of(false)));
  }

  @Test
  void universalTimeIsReadByEachOfItsUsualNames() {
    for (String name : new String[] {"utc", "UTC", "GMT", "gmt", "Z", "Etc/UTC", "Etc/GMT"}) {
      assertThat(parse("tz " + name))
          .as(name)
          .isEqualTo(new SettingsCommand.SetTimeZone(ZoneId.of("UTC")));
    }
    assertThat(parse("channel-tz GMT"))
        .isEqualTo(new LeadCommand.ChannelTimeZone(ZoneId.of("UTC")));
  }

  @Test
  void aHyphenatedCommandTypedAsTwoWordsIsAnsweredWithTheCommandMeant() {
    assertThat(parse("forget me"))
        .isEqualTo(new Input.Misspelt("/roadmap forget me", Optional.of("/roadmap forget-me")));
    assertThat(parse("Forget Me"))
        .isEqualTo(new Input.Misspelt("/roadmap Forget Me", Optional.of("/roadmap forget-me")));
    assertThat(parse("set stage @ben 3"))
        .isEqualTo(
            new Input.Misspelt(
                "/roadmap set stage @ben 3", Optional.of("/roadmap set-stage @ben 3")));
    assertThat(parse("quiz day fri 10:00"))
        .isEqualTo(
            new Input.Misspelt(
                "/roadmap quiz day fri 10:00", Optional.of("/roadmap quiz-day fri 10:00")));
    assertThat(parse("channel tz Europe/Berlin"))
        .isEqualTo(
            new Input.Misspelt(
                "/roadmap channel tz Europe/Berlin",
                Optional.of("/roadmap channel-tz Europe/Berlin")));
    // two words that are a command's own path stay that command
    assertThat(parse("team chart")).isEqualTo(new DashboardCommand.TeamChart());
    assertThat(parse("remind at 09:30"))
        .isEqualTo(new SettingsCommand.RemindAt(LocalTime.of(9, 30)));
  }

  @Test
  void formatAndControlCharactersInWhatIsTypedAreNotPartOfAnyWord() {
    assertThat(parse("do\u200bne 2")).isEqualTo(new ProgressCommand.Done("2"));
    assertThat(parse("remind at \u202e09:30\u202c"))
        .isEqualTo(new SettingsCommand.RemindAt(LocalTime.of(9, 30)));
    assertThat(parse("status\u0007")).isEqualTo(new ProgressCommand.Status(Optional.empty()));
    assertThat(refusal("stage \u202eevil"))
        .doesNotContain("\u202e")
        .contains("There is no stage evil");
  }

  @Test
  void onlyTheCommandsThatTakeAFileSaySo() {
    assertThat(COMMANDS.takesFile(CurriculumFeature.UPLOAD.text())).isTrue();
    assertThat(COMMANDS.takesFile("  Roadmap   UPLOAD ")).isTrue();
    assertThat(COMMANDS.takesFile(CurriculumFeature.DOWNLOAD.text())).isFalse();
    assertThat(COMMANDS.takesFile("status")).isFalse();
    assertThat(COMMANDS.takesFile("roadmap uplod")).isFalse();
  }
}
