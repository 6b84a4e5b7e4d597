package io.roadmapcoach.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Forms;
import io.roadmapcoach.core.feature.Usage;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@code /roadmap …} a member is shown still names a command: the declarations' own examples,
 * help's forms, the hints in replies (collected from a run through every command, and read from the
 * core's source where a hint is written as text), and the README. A command renamed, removed or
 * given another form fails here until every place that shows it is changed too.
 *
 * <p>Forms are instantiated by rule: a placeholder ({@code HH:MM}, {@code <n>}, {@code @member},
 * {@code <date>}, ...) takes a sample value; an optional part is tried left out and given; each
 * alternative of {@code a|b} is tried, and an alternative may end the command ({@code on|off|at
 * HH:MM}). {@code /roadmap} alone, {@code /roadmap <sub>} and {@code /roadmap ...} stand for any
 * command and are skipped.
 */
@ExtendWith(PostgresExtension.class)
class CommandExamplesTest {
  private static final Pattern CODE_LITERAL = Pattern.compile("\\.code\\(\"(/roadmap [^\"]*)\"\\)");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern README_CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern PROSE_COMMAND =
      Pattern.compile("/roadmap((?: [a-z?@#<\\[][^\\s,;)`]*)+)");
  private static final Pattern COMMENT = Pattern.compile("/\\*(?s:.*?)\\*/|(?m:^\\s*//[^\\n]*)");
  private static final Set<String> ABOUT_THE_BOT = Set.of("once");
  private static final Set<String> ANY_COMMAND = Set.of("/roadmap <sub>", "/roadmap ...");

  private final CoachFixture f = CoachFixture.builtIn();
  private final Commands commands = f.coach().commands();

  @Test
  void everyDeclaredExampleParsesToItsOwnCommand() {
    for (CommandDeclaration<?> declaration : commands.declarations()) {
      for (String example : declaration.examples()) {
        assertThat(commands.parse(example))
            .as("%s, an example of %s", example, declaration)
            .isInstanceOf(declaration.type());
      }
    }
  }

  @Test
  void everyFormInHelpParses() {
    for (Usage usage : commands.usages()) {
      assertFormParses(usage.form(), "help's line for " + usage.form());
    }
  }

  @Test
  void everyCommandShownInARepliesCodeParses() {
    Set<String> shown = new LinkedHashSet<>();
    for (Reply reply : repliesOfARunThroughEveryCommand()) {
      shown.addAll(commands(reply));
    }
    assertThat(shown).as("code spans collected").hasSizeGreaterThan(40);
    for (String command : shown) {
      assertFormParses(command.substring(Words.SLASH_COMMAND.length() + 1), "a reply's " + command);
    }
  }

  @Test
  void everyCommandWrittenAsTextInTheCoreParses() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).toList();
    }
    int hints = 0;
    for (Path source : sources) {
      // comments quote commands too, and their quotes need not pair: code only
      String java =
          COMMENT.matcher(Files.readString(source, StandardCharsets.UTF_8)).replaceAll("");
      Matcher code = CODE_LITERAL.matcher(java);
      while (code.find()) {
        assertFormParses(code.group(1).substring(9), source.getFileName() + "'s " + code.group(1));
        hints++;
      }
      Matcher literal = STRING_LITERAL.matcher(CODE_LITERAL.matcher(java).replaceAll(""));
      while (literal.find()) {
        Matcher prose = PROSE_COMMAND.matcher(literal.group(1));
        while (prose.find()) {
          assertSomeStartParses(
              prose.group(1).strip(), source.getFileName() + "'s " + prose.group());
          hints++;
        }
      }
    }
    assertThat(hints).as("commands written as text in the core").isGreaterThan(20);
  }

  @Test
  void everyCommandInTheReadmeParses() throws IOException {
    // the README is part of the repository: its commands are checked wherever the build runs
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int checked = 0;
    boolean inCommandTable = false;
    for (String line : readme.lines().toList()) {
      if (line.startsWith("## ")) {
        inCommandTable = line.startsWith("## Commands");
      }
      Matcher span = README_CODE.matcher(line.replace("\\|", "|"));
      boolean firstColumn = inCommandTable && line.startsWith("| `");
      int end = firstColumn ? line.replace("\\|", "|").indexOf(" |", 2) : -1;
      while (span.find()) {
        String code = span.group(1).strip();
        if (code.startsWith(Words.SLASH_COMMAND + " ") && !ANY_COMMAND.contains(code)) {
          assertFormParses(code.substring(9), "README's " + code);
          checked++;
        } else if (firstColumn && span.start() < end) {
          assertFormParses(code, "README's command table: " + code);
          checked++;
        }
      }
    }
    assertThat(checked).as("commands in the README").isGreaterThan(30);
  }

  // ---- forms and what parses ----

  /**
   * A form parses when each of its alternatives, and each optional part left out and given, is part
   * of a variant of it that parses (a variant may end after the alternative).
   */
  private void assertFormParses(String form, String where) {
    List<List<String>> choices = new ArrayList<>();
    for (String token : form.strip().split("\\s+")) {
      choices.add(alternatives(token));
    }
    Set<String> covered = new LinkedHashSet<>();
    for (List<Integer> picked : combinations(choices)) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < picked.size(); i++) {
        String word = choices.get(i).get(picked.get(i));
        if (!word.isEmpty()) {
          words.add(word);
        }
        if (isDeclared(commands.parse(String.join(" ", words)))) {
          for (int j = 0; j <= i; j++) {
            covered.add(j + ":" + picked.get(j));
          }
        }
      }
    }
    for (int i = 0; i < choices.size(); i++) {
      for (int j = 0; j < choices.get(i).size(); j++) {
        assertThat(covered)
            .as("%s: \"%s\" in a command that parses", where, choices.get(i).get(j))
            .contains(i + ":" + j);
      }
    }
  }

  /**
   * Prose such as "/roadmap lead @member names another.": some start of it names a command. Prose
   * that speaks of the bot itself ("used /roadmap once") names none.
   */
  private void assertSomeStartParses(String words, String where) {
    List<String> tokens = Arrays.asList(words.replaceAll("[.:]+$", "").split("\\s+"));
    if (ABOUT_THE_BOT.contains(tokens.getFirst())) {
      return;
    }
    boolean parses = false;
    for (int n = tokens.size(); n >= 1 && !parses; n--) {
      String form = String.join(" ", tokens.subList(0, n));
      parses = isDeclared(commands.parse(Forms.sampled(form)));
    }
    assertThat(parses).as("%s names a command", where).isTrue();
  }

  private static boolean isDeclared(Command parsed) {
    return !(parsed instanceof Input);
  }

  /** A token's ways: an optional part left out ("") or given, each alternative of {@code a|b}. */
  private static List<String> alternatives(String token) {
    List<String> ways = new ArrayList<>();
    String inner = token;
    if (token.startsWith("[") && token.endsWith("]")) {
      ways.add("");
      inner = token.substring(1, token.length() - 1);
      inner = inner.equals("n") ? "<n>" : inner;
    }
    for (String alternative : inner.split("\\|")) {
      ways.add(Forms.sampled(alternative));
    }
    return ways;
  }

  private static List<List<Integer>> combinations(List<List<String>> choices) {
    List<List<Integer>> all = new ArrayList<>();
    all.add(List.of());
    for (List<String> ways : choices) {
      List<List<Integer>> longer = new ArrayList<>();
      for (List<Integer> prefix : all) {
        for (int j = 0; j < ways.size(); j++) {
          List<Integer> next = new ArrayList<>(prefix);
          next.add(j);
          longer.add(next);
        }
      }
      all = longer;
    }
    return all;
  }

  // ---- what members are shown ----

  /** The commands a reply shows in code spans: {@code /roadmap remind on}. */
  private static Set<String> commands(Reply reply) {
    Set<String> found = new LinkedHashSet<>();
    for (Block block : reply.blocks()) {
      List<Text> texts =
          switch (block) {
            case Block.Section s -> List.of(s.text());
            case Block.Context c -> List.of(c.text());
            case Block.Fields fields -> fields.fields().stream().map(Block.Field::value).toList();
            default -> List.of();
          };
      for (Text text : texts) {
        for (Span span : text.spans()) {
          if (span instanceof Span.Code code
              && code.text().startsWith(Words.SLASH_COMMAND + " ")
              && !ANY_COMMAND.contains(code.text())) {
            found.add(code.text());
          }
        }
      }
    }
    return found;
  }

  /**
   * Replies and deliveries of a channel's week: every command, right and wrong, by a lead and a
   * member, and the nudges, posts, quizzes and digests that follow.
   */
  private List<Reply> repliesOfARunThroughEveryCommand() {
    Caller lead = f.admin("ana");
    Caller bob = f.caller("bob");
    List<Reply> replies = new ArrayList<>();
    replies.add(f.say(bob, "status"));
    replies.add(f.say(bob.inDirectMessage(), "status"));
    for (String text :
        List.of(
            "start",
            "status",
            "stages",
            "stage",
            "stage 2",
            "stage 99",
            "done 1",
            "done 9",
            "undo 1",
            "undo 1",
            "next",
            "quiz",
            "leaderboard",
            "leaderboard all",
            "leaderboard hide",
            "leaderboard",
            "leaderboard show",
            "remind at 07:30",
            "remind off",
            "status",
            "remind on",
            "remind days daily",
            "remind dm",
            "remind channel",
            "remind dm",
            "tz Europe/Berlin",
            "snooze 3d",
            "remind on",
            "snooze off",
            "snooze off",
            "remind evening",
            "remind evening on",
            "remind evening off",
            "buddy",
            "buddy on",
            "buddy",
            "buddy off",
            "team",
            "team csv",
            "team chart",
            "dashboard",
            "settings",
            "home",
            "home #general",
            "post at 08:00",
            "post off",
            "post on",
            "post days weekdays",
            "quiz-day fri 15:00",
            "channel-tz Europe/Berlin",
            "reminders channel",
            "reminders dm",
            "lead @bob",
            "unlead @bob",
            "unlead @ana",
            "digest on",
            "digest off",
            "holiday 2026-03-10",
            "holiday 2026-03-20 2026-03-10",
            "holidays",
            "holiday clear 2026-03-10",
            "holiday clear 2026-03-10",
            "help",
            "/roadmp status",
            "")) {
      replies.add(f.say(lead, text));
    }
    replies.add(f.say(bob, "start"));
    replies.add(f.say(bob, "team"));
    replies.add(f.say(bob, "buddy on"));
    replies.add(f.say(lead, "set-stage @bob 2"));
    replies.add(f.say(lead, "nudge @bob"));
    replies.add(f.say(lead, "digest on"));
    replies.add(f.press(lead, "rc:nonsense"));
    replies.add(f.takeQuiz(lead, 2));
    replies.add(f.finishStage(lead));
    replies.add(f.say(lead, "next"));
    for (String day : List.of("03", "04", "05", "06", "09")) {
      for (String time : List.of("07:00", "08:00", "09:00", "15:00", "19:00")) {
        f.tick("2026-03-" + day + "T" + time + ":00Z").stream()
            .map(Delivery::reply)
            .forEach(replies::add);
      }
    }
    replies.add(f.say(bob, "leave"));
    replies.add(f.say(bob, "export"));
    replies.add(f.say(bob, "forget-me"));
    return replies;
  }
}
