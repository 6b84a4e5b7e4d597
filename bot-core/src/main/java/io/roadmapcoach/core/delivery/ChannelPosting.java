package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.ChannelAccess.State;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.LeadRepository;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the bot can post in each channel, and who hears of it when it cannot (issue 24). The
 * platform says so in two ways: a refused post (Slack {@code not_in_channel}, Discord 50001/50013)
 * and a check asked before a lead turns on something that posts there. Either is kept with the
 * channel ({@link PostingRepository}); a refusal stops its posts (the coaching policy then sends
 * the members whose reminders came in the post theirs by DM) and is told once: to the lead in the
 * reply of the command that checked, or by DM to the channel's leads, and to those members by DM.
 * The platform saying it may post again (the bot invited, permissions given) turns posts back on
 * ({@code member.Workspaces.channelOpened}).
 */
public final class ChannelPosting {
  private static final Logger log = LoggerFactory.getLogger(ChannelPosting.class);

  private final PostingRepository postings;
  private final MemberRepository members;
  private final LeadRepository leads;
  private final OutboxRepository outbox;
  private final Function<Platform, Optional<Messenger>> messengers;

  public ChannelPosting(
      PostingRepository postings,
      MemberRepository members,
      LeadRepository leads,
      OutboxRepository outbox,
      Function<Platform, Optional<Messenger>> messengers) {
    this.postings = postings;
    this.members = members;
    this.leads = leads;
    this.outbox = outbox;
    this.messengers = messengers;
  }

  /**
   * Before a lead turns on something that posts in {@code channel}: asks the platform, keeps what
   * it says, and returns what to tell the lead in the reply (then counted as told), if anything.
   */
  public Optional<Text> checkBeforePosting(Channel channel, Instant now) {
    PostingRepository.Where where = postings.where(channel.id());
    Platform platform = Platform.ofKey(where.platform());
    Optional<ChannelAccess> said = ask(platform, where.workspaceExternalId(), channel.externalId());
    if (said.isEmpty()) {
      return Optional.empty();
    }
    ChannelAccess access = said.get();
    boolean changed = postings.keep(channel.id(), access, now);
    if (access.state() == State.CAN_POST) {
      return Optional.empty();
    }
    if (changed && access.refused()) {
      tellPostMembers(channel, where, now);
    }
    postings.told(channel.id(), now);
    return Optional.of(Text.of(words(platform, channel.name(), access)));
  }

  /** {@code reply}, with the lead told what to fix when the bot cannot post in the channel. */
  public Reply checked(Reply reply, Channel channel, Instant now) {
    Optional<Text> told = checkBeforePosting(channel, now);
    if (told.isEmpty()) {
      return reply;
    }
    return reply.with(new Block.Section(Text.of("⚠️ ").append(told.get())));
  }

  /** A post the platform refused: kept, and told once to the channel's leads and post members. */
  public void refused(long channelId, ChannelAccess access, Instant now) {
    PostingRepository.Stored before = postings.stored(channelId);
    postings.keep(channelId, access, now);
    if (before.told() && before.access().equals(access)) {
      return;
    }
    Channel channel = members.channel(channelId);
    PostingRepository.Where where = postings.where(channelId);
    String words = words(Platform.ofKey(where.platform()), channel.name(), access);
    List<Long> toTell = leads.leadIds(channelId);
    for (long lead : toTell) {
      outbox.notice(where.workspaceId(), lead, today(now), "⚠️ " + words, now);
    }
    if (toTell.isEmpty()) {
      log.info("Channel {} refused a post and has no named lead to tell: {}", channelId, words);
    }
    tellPostMembers(channel, where, now);
    postings.told(channelId, now);
  }

  /** How the channel's posting state reads in {@code settings} and on the dashboard. */
  public String stateOf(Channel channel) {
    ChannelAccess access = postings.stored(channel.id()).access();
    return switch (access.state()) {
      case CAN_POST -> "can post";
      case NOT_INVITED -> "not invited";
      case MISSING_PERMISSIONS -> "missing " + String.join(", ", access.missing());
      case UNCHECKED -> "cannot check: reinstall so I can check";
    };
  }

  /** The words for the lead: what is wrong, where, and how to fix it on their platform. */
  static String words(Platform platform, String channel, ChannelAccess access) {
    String name = "#" + channel;
    return switch (access.state()) {
      case CAN_POST -> "I can post in " + name + ".";
      case NOT_INVITED ->
          platform == Platform.DISCORD
              ? "I can't see "
                  + name
                  + ", so nothing I post there appears: give Roadmap Coach View Channel, Send"
                  + " Messages and Embed Links there (channel settings, Permissions)."
              : "I'm not in "
                  + name
                  + " yet, so nothing I post there appears: type /invite @Roadmap Coach there.";
      case MISSING_PERMISSIONS ->
          "I can't post in "
              + name
              + ": I'm missing "
              + (access.missing().isEmpty() ? "a permission" : String.join(", ", access.missing()))
              + " there. Give Roadmap Coach "
              + (access.missing().size() == 1 ? "it" : "them")
              + " in "
              + name
              + "'s settings (Permissions).";
      case UNCHECKED ->
          "I can't check whether I'm in "
              + name
              + ": reinstall so I can check (the app now asks to see channels). If a post there is"
              + " refused, I'll tell you.";
    };
  }

  private Optional<ChannelAccess> ask(
      Platform platform, String workspaceExternalId, String channelExternalId) {
    try {
      return messengers
          .apply(platform)
          .flatMap(m -> m.access(workspaceExternalId, channelExternalId));
    } catch (RuntimeException e) {
      log.warn("Could not ask {} about channel {}", platform, channelExternalId, e);
      return Optional.empty();
    }
  }

  private void tellPostMembers(Channel channel, PostingRepository.Where where, Instant now) {
    String text =
        "📬 #"
            + channel.name()
            + "'s daily post can't reach the channel for now, so your reminders come here by DM"
            + " until it can.";
    for (long member : postings.postMembers(channel.id())) {
      outbox.notice(where.workspaceId(), member, today(now), text, now);
    }
  }

  private static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }
}
