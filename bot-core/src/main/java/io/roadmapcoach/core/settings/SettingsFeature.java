package io.roadmapcoach.core.settings;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.feature.Arguments;
import io.roadmapcoach.core.feature.ButtonDeclaration;
import io.roadmapcoach.core.feature.Choice;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Grammar;
import io.roadmapcoach.core.feature.Kinds;
import io.roadmapcoach.core.feature.Reading;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.SlashGroup;
import io.roadmapcoach.core.feature.SlashOption;
import io.roadmapcoach.core.feature.SlashOption.Range;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.member.ReminderDays;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.settings.SettingsCommand.RemindAt;
import io.roadmapcoach.core.settings.SettingsCommand.RemindDays;
import io.roadmapcoach.core.settings.SettingsCommand.RemindSwitch;
import io.roadmapcoach.core.settings.SettingsCommand.RemindVia;
import io.roadmapcoach.core.settings.SettingsCommand.SetTimeZone;
import io.roadmapcoach.core.settings.SettingsCommand.Snooze;
import io.roadmapcoach.core.settings.SettingsCommand.SnoozeOff;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's own settings: when and how the daily nudge comes ({@code remind ...}), their time zone
 * ({@code tz}), and a snooze, typed or pressed on a nudge.
 */
public final class SettingsFeature implements Feature {
  public static final Words REMIND = Words.of("remind");
  public static final Words REMIND_AT = REMIND.then("at");
  public static final Words REMIND_DAYS = REMIND.then("days");
  public static final Words TZ = Words.of("tz");
  public static final Words SNOOZE = Words.of("snooze");

  /** Where the other features' commands about the daily nudge sit on Discord too. */
  public static final SlashGroup REMIND_GROUP =
      SlashGroup.of(REMIND, "Your daily nudge: when, which days, on or off, DM or channel");

  static final SlashGroup SNOOZE_GROUP = SlashGroup.of(SNOOZE, "Pause your nudges");

  static final Choice<RemindSwitch> SWITCH =
      Choice.<RemindSwitch>of()
          .word("on", new RemindSwitch(true))
          .word("off", new RemindSwitch(false));

  static final Choice<RemindVia> VIA =
      Choice.<RemindVia>of()
          .word("dm", new RemindVia(ReminderMode.DM))
          .word("channel", new RemindVia(ReminderMode.CHANNEL));

  static final Choice<SnoozeOff> SNOOZE_OFF = Choice.<SnoozeOff>of().word("off", new SnoozeOff());

  private static final Pattern SNOOZE_DAYS = Pattern.compile("(\\d{1,4})\\s*(d|day|days)?");

  /** What a change of settings owes the rest of the coach, wired where the core is assembled. */
  public interface Hooks {
    /** Judges the streak's days so far, before a change of the days it counts. */
    void beforeDaysChange(Scope scope);

    /** After a snooze, in its transaction: a snoozed member steps out of their pairing. */
    void afterSnooze(Scope scope);
  }

  private final SettingsService settings;
  private final Hooks hooks;

  public SettingsFeature(SettingsService settings, Hooks hooks) {
    this.settings = settings;
    this.hooks = hooks;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(RemindAt.class, REMIND_AT)
            .grammar(Grammar.one(Kinds.time("your local time"), RemindAt::new))
            .usage("HH:MM", "when your daily nudge comes (your local time)")
            .slash(
                Slash.in(
                    REMIND_GROUP,
                    REMIND_AT,
                    "When your daily nudge comes (your local time)",
                    SlashOption.time("24-hour clock, e.g. 09:30", true)))
            .needsMember()
            .handledBy((scope, c) -> settings.remindAt(scope, c.time())),
        CommandDeclaration.of(RemindSwitch.class, REMIND)
            .grammar(SWITCH)
            .usage("on", "turn your daily nudge on")
            .usage("off", "turn your daily nudge off")
            .slashPerChoice(
                REMIND_GROUP, SWITCH, "Turn your daily nudge on", "Turn your daily nudge off")
            .needsMember()
            .handledBy((scope, c) -> settings.remindSwitch(scope, c.on())),
        CommandDeclaration.of(RemindDays.class, REMIND_DAYS)
            .grammar(
                Choice.<RemindDays>of()
                    .word("weekdays", new RemindDays(ReminderDays.WEEKDAYS))
                    .word("daily", new RemindDays(ReminderDays.DAILY), "everyday", "all"))
            .usage("weekdays|daily", "which days you are nudged")
            .slash(
                Slash.in(
                    REMIND_GROUP,
                    REMIND_DAYS,
                    "Which days you are nudged",
                    SlashOption.whichDays("Weekdays or every day")))
            .needsMember()
            .handledBy(
                (scope, c) -> {
                  hooks.beforeDaysChange(scope);
                  return settings.remindDays(scope, c.days());
                }),
        CommandDeclaration.of(RemindVia.class, REMIND)
            .grammar(VIA)
            .usage("dm|channel", "nudges by direct message or in the channel post")
            .slashPerChoice(
                REMIND_GROUP,
                VIA,
                "Get your nudges by direct message",
                "Get your nudges in this channel's daily post")
            .needsMember()
            .handledBy((scope, c) -> settings.remindVia(scope, c.mode())),
        CommandDeclaration.of(SetTimeZone.class, TZ)
            .grammar(Grammar.one(Kinds.ZONE, SetTimeZone::new))
            .usage("<Area/City>", "set your time zone, e.g. Europe/Berlin")
            .slash(
                Slash.of(
                    TZ,
                    "Set your time zone, e.g. Europe/Berlin",
                    SlashOption.zone("Your time zone")))
            .needsMember()
            .handledBy((scope, c) -> settings.timeZone(scope, c.zone())),
        CommandDeclaration.of(Snooze.class, SNOOZE)
            .grammar(SettingsFeature::snooze)
            .usage("<n>d", "pause nudges for n days (1 to " + Action.MAX_SNOOZE_DAYS + ")")
            .example("3d")
            .slash(
                Slash.in(
                        SNOOZE_GROUP,
                        SNOOZE,
                        "Pause your nudges for some days",
                        SlashOption.number(
                            "days",
                            "How many days",
                            new Range.Fixed(1, Action.MAX_SNOOZE_DAYS),
                            true))
                    .named("for"))
            .needsMember()
            .handledBy((scope, c) -> snooze(scope, c.days())),
        CommandDeclaration.of(SnoozeOff.class, SNOOZE)
            .grammar(SNOOZE_OFF)
            .usage("off", "end a snooze: nudges come again")
            .slashPerChoice(SNOOZE_GROUP, SNOOZE_OFF, "Nudge me again from today")
            .needsMember()
            .handledBy((scope, c) -> endSnooze(scope)));
  }

  @Override
  public List<ButtonDeclaration<?>> buttons() {
    return List.of(
        ButtonDeclaration.of(
            Action.Snooze.class, (scope, pressed) -> snooze(scope, pressed.days())));
  }

  /** {@code 3d}, {@code 3}, {@code 3 days}: from 1 to the longest snooze. */
  private static Reading<Snooze> snooze(Arguments args) {
    Matcher m = SNOOZE_DAYS.matcher(String.join(" ", args.words()).toLowerCase(Locale.ROOT));
    if (m.matches()) {
      int days = Integer.parseInt(m.group(1));
      if (days >= 1 && days <= Action.MAX_SNOOZE_DAYS) {
        return Reading.read(new Snooze(days));
      }
    }
    return Reading.refused(
        Text.of("Snooze for 1 to " + Action.MAX_SNOOZE_DAYS + " days, e.g. ")
            .code(args.example())
            .plain(", or end a snooze with ")
            .code(SNOOZE.hint("off"))
            .plain("."));
  }

  private Reply snooze(Scope scope, int days) {
    hooks.beforeDaysChange(scope);
    Reply reply = settings.snooze(scope, days);
    hooks.afterSnooze(scope);
    return reply;
  }

  private Reply endSnooze(Scope scope) {
    if (scope.member().hasSnoozeLeft(scope.today())) {
      hooks.beforeDaysChange(scope);
    }
    return settings.endSnooze(scope);
  }
}
