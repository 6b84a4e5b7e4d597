package io.roadmapcoach.core.testing;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.reply.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every kind of reply and delivery the coach makes, with inputs at the edge of what a platform
 * takes: 60 members in one channel with 80-character names full of markup and emoji (skin tones,
 * ZWJ families, flags, combining marks), a roadmap whose stage titles are 300 characters long and
 * whose objectives are 200. The adapters' contract tests render each through their renderer and
 * check it against the platform's published limits.
 */
public final class ExtremeReplies {
  public static final int MEMBERS = 60;

  /** A reply or delivery, and what it answered: for the contract tests' messages. */
  public record Named(String what, Reply reply) {}

  /** The commands each kind of caller runs (the lead's first: they set the channel up). */
  static final List<String> LEAD_COMMANDS =
      List.of(
          "reminders channel",
          "post on",
          "post at 08:00",
          "post days daily",
          "quiz-day mon 10:00",
          "channel-tz Europe/Berlin",
          "settings",
          "team",
          "team csv",
          "team chart",
          "holiday add 2026-12-24",
          "holidays",
          "set-stage @m2 3",
          "lead @m3",
          "nudge @m4",
          "digest on");

  static final List<String> MEMBER_COMMANDS =
      List.of(
          "help",
          "status",
          "stages",
          "stage 1",
          "stage 2",
          "done 1",
          "done 2",
          "undo 2",
          "quiz",
          "next",
          "leaderboard",
          "leaderboard all",
          "leaderboard me",
          "remind at 09:30",
          "remind days daily",
          "remind evening on 20:00",
          "tz America/New_York",
          "snooze 2",
          "buddy on",
          "home",
          "export",
          "forget-me",
          "status @m1",
          "donee 1",
          "stage 99");

  private ExtremeReplies() {}

  /** An 80-character display name: markup, mentions, entities and every kind of cluster. */
  public static String name(int n) {
    String base =
        "*_~`<@U" + n + ">&amp;<!channel> 👍🏿👩‍👩‍👧🇩🇪é" + "\u0301" + " Ana-María " + n + " ";
    StringBuilder name = new StringBuilder(base);
    while (name.length() < 80) {
      name.append("🎉x");
    }
    return name.substring(0, name.offsetByCodePoints(0, name.codePointCount(0, 78)));
  }

  /** The built-in roadmap with 300-character stage titles and 200-character objectives. */
  public static RoadmapFiles.Loaded roadmap(Path dir) {
    String yaml = builtIn("roadmap.yaml");
    Matcher stage = Pattern.compile("(?m)^    title: .*$").matcher(yaml);
    StringBuilder out = new StringBuilder();
    int n = 0;
    while (stage.find()) {
      n++;
      stage.appendReplacement(out, Matcher.quoteReplacement("    title: \"" + title(n) + "\""));
    }
    stage.appendTail(out);
    String longTexts =
        out.toString()
            .replaceAll(
                "(?m)^        text: \".*\"$",
                Matcher.quoteReplacement("        text: \"" + objective() + "\""));
    RoadmapFiles.write(dir, "quiz-bank.yaml", builtIn("quiz-bank.yaml"));
    return RoadmapFiles.load(RoadmapFiles.write(dir, "roadmap.yaml", longTexts));
  }

  private static String title(int stage) {
    String head = "Stage " + stage + " 🧠👩🏽‍💻 *bold* _it_ `code` <b> & ";
    return head + "t".repeat(300 - head.length());
  }

  private static String objective() {
    String head = "Do 👍🏿 *this* & <that> ";
    return head + "o".repeat(200 - head.length());
  }

  private static String builtIn(String file) {
    try (InputStream in =
        ExtremeReplies.class.getClassLoader().getResourceAsStream("roadmaps/ml-engineer/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every reply of the commands above, by a lead and by members, and every delivery of a week in
   * which half the members get their nudges by DM and half in the channel's post.
   */
  public static List<Named> collect(Path dir) {
    CoachFixture f = CoachFixture.of(roadmap(dir));
    List<Named> out = new ArrayList<>();
    List<Caller> members = new ArrayList<>();
    for (int n = 1; n <= MEMBERS; n++) {
      Caller member = f.member("m" + n, name(n), Optional.empty(), n == 1);
      members.add(member);
      out.add(new Named("start by member " + n, f.say(member, "start")));
      if (n % 2 == 0) {
        f.say(member, "remind dm");
      }
      f.say(member, "done 1");
    }
    Caller lead = members.getFirst();
    for (String command : LEAD_COMMANDS) {
      out.add(new Named(command, f.say(lead, command)));
    }
    for (String command : MEMBER_COMMANDS) {
      out.add(new Named(command, f.say(members.get(1), command)));
    }
    out.add(new Named("finish stage", f.finishStage(members.get(2))));
    f.checkOffStage(members.get(3));
    out.add(new Named("quiz", f.say(members.get(3), "quiz")));
    out.add(new Named("quiz answer", f.answer(members.get(3), true)));
    // a week of routines: nudges, posts, quizzes, digests, buddies, warnings, notices
    Instant at = f.now();
    for (int hour = 0; hour < 24 * 8; hour++) {
      at = at.plus(Duration.ofHours(1));
      for (Delivery d : f.tick(at.toString())) {
        out.add(new Named("delivery " + d.target().getClass().getSimpleName(), d.reply()));
      }
    }
    return out;
  }

  /**
   * The replies about the largest roadmap the loader accepts ({@link TestRoadmaps#largest}), on a
   * channel that follows it: its preview, the channel's roadmap, status, stages, a stage, its
   * download, and a new version's preview with its diff, then what its members are told when that
   * version applies.
   */
  public static List<Named> largestRoadmap() {
    CoachFixture f = CoachFixture.builtIn().in("largest");
    Caller lead = f.member("lead", name(1), Optional.empty(), false);
    Caller member = f.member("member", name(2), Optional.empty(), false);
    f.say(lead, "start");
    f.say(member, "start");
    List<Named> out = new ArrayList<>();
    Reply first = upload(f, lead, TestRoadmaps.largest(1));
    out.add(new Named("largest: preview", first));
    out.add(new Named("largest: applied", f.press(lead, TestRoadmaps.applyButton(first))));
    f.deliver();
    f.say(lead, "done 1");
    for (String command :
        List.of("roadmap", "status", "stages", "stage 1", "stage 50", "next", "roadmap download")) {
      out.add(new Named("largest: " + command, f.say(lead, command)));
    }
    Reply second = upload(f, lead, TestRoadmaps.largest(2));
    out.add(new Named("largest: new version's preview", second));
    out.add(
        new Named("largest: new version applied", f.press(lead, TestRoadmaps.applyButton(second))));
    for (Delivery d : f.deliver()) {
      out.add(new Named("largest: delivery " + d.target().getClass().getSimpleName(), d.reply()));
    }
    out.add(new Named("largest: status after", f.say(member, "status")));
    return out;
  }

  private static Reply upload(CoachFixture f, Caller lead, String yaml) {
    return f.coach()
        .handleText(lead, "roadmap upload", Optional.of(TestRoadmaps.upload("largest.yaml", yaml)));
  }
}
