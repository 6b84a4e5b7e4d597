package io.roadmapcoach.core.privacy;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.Buttons;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.member.Memberships;
import io.roadmapcoach.core.member.PersonalData;
import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's own data: {@code export} gives them everything kept about them as a JSON file, {@code
 * forget-me} erases it after they confirm with a button that only they may press. Neither stores
 * anything about someone the coach does not know yet: the member is looked up, never created. What
 * is kept comes from the {@link PersonalData} parts each package contributes; this assembles them.
 */
public final class PrivacyService {
  static final String EXPORT_FILE = "roadmap-coach-my-data.json";
  private static final Logger log = LoggerFactory.getLogger(PrivacyService.class);

  private final PrivacyRepository repository;
  private final List<PersonalData> parts;
  private final MemberExport export;
  private final MemberRepository members;
  private final Memberships memberships;
  private final LeadRepository leads;
  private final OutboxRepository outbox;
  private final Transactions transactions;
  private final Clock clock;

  /**
   * @param parts what is kept about members, in the export's order (the member's own row first)
   */
  public PrivacyService(
      DSLContext dsl,
      List<PersonalData> parts,
      MemberRepository members,
      Memberships memberships,
      LeadRepository leads,
      OutboxRepository outbox,
      Transactions transactions,
      Clock clock) {
    this.repository = new PrivacyRepository(dsl);
    this.parts = List.copyOf(parts);
    this.export = new MemberExport(parts);
    this.members = members;
    this.memberships = memberships;
    this.leads = leads;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  // ---- export

  /** Everything kept about the caller in their workspace, as one JSON file for them only. */
  public Reply export(Caller caller) {
    return transactions.inTransaction(
        () ->
            repository.identify(caller).map(this::exportOf).orElseGet(PrivacyService::nothingKept));
  }

  private Reply exportOf(PersonalData.Subject who) {
    byte[] json = export.write(who, clock.instant());
    return Reply.text(
            Text.of("📦 Here is everything I keep about you in this workspace, as a JSON file: ")
                .plain("your profile and settings, channels, journey, progress events, quiz")
                .plain(" answers and the messages I sent you, and what you did for others")
                .plain(" (stages you set, leads you named, days off, your nudges). ")
                .code(PrivacyFeature.FORGET_ME.hint())
                .plain(" erases it."))
        .withAttachment(new Attachment(EXPORT_FILE, "application/json", json));
  }

  private static Reply nothingKept() {
    return Reply.text(
        Text.of("I keep nothing about you in this workspace: you have not used ")
            .code(Words.SLASH_COMMAND)
            .plain(" here yet (or you erased it).")
            .plain(" Nothing was stored by asking."));
  }

  // ---- forget-me

  /** What erasing would take, with the one button that does it. */
  public Reply askToForget(Caller caller) {
    return transactions.inTransaction(
        () ->
            repository.identify(caller).map(this::question).orElseGet(PrivacyService::nothingKept));
  }

  private Reply question(PersonalData.Subject who) {
    Erased.Counts counts = counts(who);
    List<String> ledAlone =
        repository.channelsLedAlone(who.memberId()).stream()
            .map(id -> "#" + members.channel(id).name())
            .toList();
    Text what =
        Text.of("This erases, in this workspace and for good: your profile and settings")
            .plain(counts.journey() ? ", your journey and points" : "")
            .plain(", " + plural(counts.progressEvents(), "progress event"))
            .plain(", " + plural(counts.quizAnswers(), "quiz answer"))
            .plain(", your place in " + channels(counts.channels()))
            .plain(counts.leadRoles() > 0 ? ", " + plural(counts.leadRoles(), "lead role") : "")
            .plain(
                " and " + plural(counts.deliveries(), "message") + " I sent or was to send you.");
    Reply.Builder reply =
        Reply.builder().header("🗑️ Erase everything I keep about you?").section(what);
    if (!ledAlone.isEmpty()) {
      reply.section(
          Text.of(
              "You are the only lead of "
                  + String.join(", ", ledAlone)
                  + ": the member who joined earliest takes over."));
    }
    return reply
        .section(
            Text.of("It cannot be undone. Want a copy first? ")
                .code(PrivacyFeature.EXPORT.hint())
                .plain("."))
        .buttons(List.of(Buttons.forgetMe(who.memberId())))
        .build();
  }

  /**
   * The button pressed: erases the caller if the button is theirs. Someone else's button changes
   * nothing; a second press finds nothing left. The answer depends only on the caller, never on the
   * member the button names: whether that member exists (in this workspace or another) is not the
   * presser's business.
   */
  public Reply forget(Caller caller, Action.ForgetMe confirmed) {
    return transactions.inTransaction(
        () -> {
          Optional<PersonalData.Subject> who = repository.identify(caller);
          if (who.isEmpty()) {
            return Reply.text(
                    Text.of("There is nothing left to erase: I keep nothing about you here."))
                .replacingOriginal();
          }
          if (who.get().memberId() == confirmed.memberId()) {
            return erased(erase(who.get()));
          }
          return Reply.text(
              Text.of("That button belongs to the member who asked; only they can confirm it. ")
                  .code(PrivacyFeature.FORGET_ME.hint())
                  .plain(" erases your own data."));
        });
  }

  /** How many rows of each kind the member has, for the answer that says what is erased. */
  private Erased.Counts counts(PersonalData.Subject who) {
    Map<PersonalData.Counted, Integer> counted = new EnumMap<>(PersonalData.Counted.class);
    for (PersonalData part : parts) {
      part.counts(who).forEach((what, n) -> counted.merge(what, n, Integer::sum));
    }
    return new Erased.Counts(
        counted.getOrDefault(PersonalData.Counted.PROGRESS_EVENTS, 0),
        counted.getOrDefault(PersonalData.Counted.QUIZ_ANSWERS, 0),
        counted.getOrDefault(PersonalData.Counted.CHANNELS, 0),
        counted.getOrDefault(PersonalData.Counted.LEAD_ROLES, 0),
        counted.getOrDefault(PersonalData.Counted.DELIVERIES, 0),
        counted.getOrDefault(PersonalData.Counted.JOURNEY, 0) > 0);
  }

  private Erased erase(PersonalData.Subject who) {
    long id = who.memberId();
    repository.lock(id);
    Erased.Counts counts = counts(who);
    List<Long> ledAlone = repository.channelsLedAlone(id);
    // the member's own row (the first part's) goes last, taking with it what has a key to it
    for (PersonalData part : parts.reversed()) {
      part.erase(who);
    }
    List<Erased.Handover> handovers = new ArrayList<>();
    Instant now = clock.instant();
    for (long channelId : ledAlone) {
      handovers.add(handOver(members.channel(channelId), now));
    }
    log.info("Member {} of workspace {} erased their data", id, who.workspaceId());
    return new Erased(counts, handovers);
  }

  /**
   * The channel's earliest member leads it now and is told, as when a last lead leaves; the notice
   * does not name who left, since nothing about them is kept.
   */
  private Erased.Handover handOver(Channel channel, Instant now) {
    Optional<Member> next = memberships.earliestMember(channel.id());
    next.ifPresent(
        m -> {
          leads.add(channel.id(), m.id(), Optional.empty(), now);
          outbox.notice(
              m.workspaceId(),
              m.id(),
              now.atZone(m.zone(channel)).toLocalDate(),
              "👑 The lead of #"
                  + channel.name()
                  + " has left and you have been in it longest, so you are its lead now."
                  + " "
                  + Words.HELP.hint()
                  + " lists what leads can do; /roadmap lead @member names another.",
              now);
        });
    return new Erased.Handover(channel.name(), next.map(Member::displayName));
  }

  private static Reply erased(Erased erased) {
    Erased.Counts c = erased.counts();
    Text said =
        Text.of("🗑️ Done. I erased your profile and settings")
            .plain(c.journey() ? ", your journey and points" : "")
            .plain(", " + plural(c.progressEvents(), "progress event"))
            .plain(", " + plural(c.quizAnswers(), "quiz answer"))
            .plain(", your place in " + channels(c.channels()))
            .plain(c.leadRoles() > 0 ? ", " + plural(c.leadRoles(), "lead role") : "")
            .plain(" and " + plural(c.deliveries(), "message") + " to you.");
    for (Erased.Handover h : erased.handovers()) {
      said =
          said.plain(
              h.newLead()
                  .map(name -> " " + name + " leads #" + h.channel() + " now.")
                  .orElse(" #" + h.channel() + " has no members left to lead it."));
    }
    return Reply.text(
            said.plain(" Nothing about you is kept any more; ")
                .code("/roadmap start")
                .plain(" would begin from nothing."))
        .replacingOriginal();
  }

  private static String channels(int n) {
    return plural(n, "channel") + (n == 1 ? " and on its boards" : " and on their boards");
  }

  private static String plural(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
