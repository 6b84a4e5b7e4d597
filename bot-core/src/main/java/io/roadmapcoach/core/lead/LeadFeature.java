package io.roadmapcoach.core.lead;

import io.roadmapcoach.core.cohort.CohortCommand;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.feature.Arguments;
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
import io.roadmapcoach.core.lead.LeadCommand.ChannelReminders;
import io.roadmapcoach.core.lead.LeadCommand.ChannelTimeZone;
import io.roadmapcoach.core.lead.LeadCommand.Digest;
import io.roadmapcoach.core.lead.LeadCommand.Lead;
import io.roadmapcoach.core.lead.LeadCommand.Nudge;
import io.roadmapcoach.core.lead.LeadCommand.QuizDay;
import io.roadmapcoach.core.lead.LeadCommand.SetStage;
import io.roadmapcoach.core.lead.LeadCommand.Team;
import io.roadmapcoach.core.lead.LeadCommand.Unlead;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.reply.Text;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What leads ask of their channel: {@code team [csv]}, lead roles ({@code lead}, {@code unlead},
 * {@code set-stage}), the channel's time zone, quiz slot and default for nudges, a member's nudge
 * and the lead's weekly digest. Without an argument, a channel setting shows the settings.
 */
public final class LeadFeature implements Feature {
  public static final Words TEAM = Words.of("team");
  public static final Words LEAD = Words.of("lead");
  public static final Words UNLEAD = Words.of("unlead");
  public static final Words SET_STAGE = Words.of("set-stage");
  public static final Words CHANNEL_TZ = Words.of("channel-tz");
  public static final Words QUIZ_DAY = Words.of("quiz-day");
  public static final Words REMINDERS = Words.of("reminders");
  public static final Words NUDGE = Words.of("nudge");
  public static final Words DIGEST = Words.of("digest");

  /** The leads' commands about members, on Discord; other features' lead tools join it. */
  public static final SlashGroup TEAM_GROUP =
      SlashGroup.of(TEAM, "Lead: your members, their progress and their roles");

  static final SlashGroup CHANNEL_GROUP =
      new SlashGroup("channel", "Lead: this channel's time zone, weekly quiz and nudges");

  private static final CohortCommand SHOW_SETTINGS = new CohortCommand.Settings();

  private final LeadService leads;
  private final LeadComposers composers;

  public LeadFeature(LeadService leads, LeadComposers composers) {
    this.composers = composers;
    this.leads = leads;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(Team.class, TEAM)
            .grammar(Choice.<Team>of().orNone(new Team(false)).word("csv", new Team(true)))
            .usage("[csv]", "everyone's progress, stuck members first")
            .lead()
            .slash(
                Slash.in(
                        TEAM_GROUP,
                        TEAM,
                        "Lead: everyone's progress, stuck members first",
                        SlashOption.flag("csv", "Everyone, as a CSV file"))
                    .named("progress"))
            .slowWhen(Team::csv)
            .readsOnly()
            .handledBy((scope, c) -> c.csv() ? leads.teamCsv(scope) : leads.team(scope)),
        CommandDeclaration.of(Lead.class, LEAD)
            .grammar(Grammar.one(Kinds.MEMBER, Lead::new))
            .usage("@member", "make a member a lead of this channel")
            .lead()
            .slash(
                Slash.in(
                    TEAM_GROUP,
                    LEAD,
                    "Lead: make a member a lead of this channel",
                    SlashOption.member("The new lead")))
            .handledBy((scope, c) -> leads.lead(scope, c.member())),
        CommandDeclaration.of(Unlead.class, UNLEAD)
            .grammar(Grammar.one(Kinds.MEMBER, Unlead::new))
            .usage("@member", "take a member's lead role away")
            .lead()
            .slash(
                Slash.in(
                    TEAM_GROUP,
                    UNLEAD,
                    "Lead: take a member's lead role away",
                    SlashOption.member("The lead to step down")))
            .handledBy((scope, c) -> leads.unlead(scope, c.member())),
        CommandDeclaration.of(SetStage.class, SET_STAGE)
            .grammar(Grammar.two(Kinds.MEMBER, Kinds.STAGE, SetStage::new))
            .usage("@member <n>", "put a member on stage n (they are told)")
            .example("@ana 3")
            .lead()
            .slash(
                Slash.in(
                    TEAM_GROUP,
                    SET_STAGE,
                    "Lead: put a member on a stage (they are told)",
                    SlashOption.member("The member to move"),
                    SlashOption.number("stage", "Stage number", new Range.Stages(), true)))
            .handledBy((scope, c) -> leads.setStage(scope, c.member(), c.stage())),
        CommandDeclaration.of(ChannelTimeZone.class, CHANNEL_TZ)
            .grammar(Grammar.one(Kinds.ZONE, ChannelTimeZone::new))
            .bare(SHOW_SETTINGS)
            .usage("<Area/City>", "the channel's time zone")
            .lead()
            .slash(
                Slash.in(
                        CHANNEL_GROUP,
                        CHANNEL_TZ,
                        "Lead: the channel's time zone",
                        SlashOption.zone("The channel's time zone"))
                    .named("tz"))
            .handledBy((scope, c) -> leads.channelZone(scope, c.zone())),
        CommandDeclaration.of(QuizDay.class, QUIZ_DAY)
            .grammar(LeadFeature::quizDay)
            .bare(SHOW_SETTINGS)
            .usage("<mon..sun> HH:MM", "when the weekly quiz goes out")
            .example("fri 15:00")
            .lead()
            .slash(
                Slash.in(
                    CHANNEL_GROUP,
                    QUIZ_DAY,
                    "Lead: when the weekly quiz goes out",
                    SlashOption.weekday(),
                    SlashOption.time("24-hour clock, the channel's time zone, e.g. 15:00", true)))
            .handledBy((scope, c) -> leads.quizDay(scope, c.day(), c.time())),
        CommandDeclaration.of(ChannelReminders.class, REMINDERS)
            .grammar(
                Choice.<ChannelReminders>of()
                    .word("dm", new ChannelReminders(ReminderMode.DM))
                    .word("channel", new ChannelReminders(ReminderMode.CHANNEL)))
            .bare(SHOW_SETTINGS)
            .usage("dm|channel", "the channel's default for nudges")
            .lead()
            .slash(
                Slash.in(
                    CHANNEL_GROUP,
                    REMINDERS,
                    "Lead: how members get their nudges unless they choose",
                    SlashOption.choice(
                        "mode",
                        "A direct message each, or one daily post here",
                        true,
                        "A direct message to each member",
                        "dm",
                        "One daily post in this channel",
                        "channel")))
            .handledBy((scope, c) -> leads.channelReminders(scope, c.mode())),
        CommandDeclaration.of(Nudge.class, NUDGE)
            .grammar(Grammar.one(Kinds.MEMBER, Nudge::new))
            .usage("@member", "a friendly nudge to a member, now (once a day)")
            .lead()
            .slash(
                Slash.in(
                    TEAM_GROUP,
                    NUDGE,
                    "Lead: nudge a member now",
                    SlashOption.member("Who to nudge")))
            .handledBy((scope, c) -> leads.nudge(scope, c.member())),
        CommandDeclaration.of(Digest.class, DIGEST)
            .grammar(
                Choice.<Digest>of().word("on", new Digest(true)).word("off", new Digest(false)))
            .usage("on|off", "your weekly digest of this channel, by DM")
            .lead()
            .slash(
                Slash.in(
                    TEAM_GROUP,
                    DIGEST,
                    "Lead: your weekly digest of the team",
                    SlashOption.onOff(true)))
            .handledBy((scope, c) -> leads.digest(scope, c.on())));
  }

  /** A day of the week and a time: {@code fri 15:00}, in the channel's time zone. */
  private static Reading<QuizDay> quizDay(Arguments args) {
    Optional<DayOfWeek> day = args.isEmpty() ? Optional.empty() : Kinds.parseWeekday(args.first());
    Optional<LocalTime> time = args.size() == 2 ? Kinds.parseTime(args.get(1)) : Optional.empty();
    if (day.isPresent() && time.isPresent()) {
      return Reading.read(new QuizDay(day.get(), time.get()));
    }
    return Reading.refused(
        Text.of("Give a day and a time: ")
            .code(args.example())
            .plain(" (mon to sun, 24-hour clock, the channel's time zone)."));
  }

  @Override
  public Map<DeliveryKind, Composer> composers() {
    return composers.composers();
  }
}
