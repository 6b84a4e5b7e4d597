package io.roadmapcoach.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Usage;
import io.roadmapcoach.core.progress.ProgressCommand;
import io.roadmapcoach.core.reply.Apologies;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableFingerprint;
import io.roadmapcoach.db.testing.TestDatabase;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.statistics.Statistics;

/**
 * Input by properties (issue 23): thousands of generated inputs for every declared command (random
 * Unicode, numbers far out of range, mentions, dates and times that do not exist, glued words, any
 * whitespace, any letter case), typed by a lead, a member and someone who never started. Every one
 * is read as a command of the family typed or answered with a message naming the right form, never
 * an exception and never an empty reply; and no invalid input changes any row, the caller's own
 * platform profile (refreshed by every command) apart.
 *
 * <p>{@code -Dinput.seed} (a number, or {@code random}) and {@code -Dinput.tries} (the commands run
 * through the whole coach; the parser alone reads {@value #PARSER_TRIES_PER_COACH_TRY} times as
 * many) set the run; {@code -Psoak} runs ten times the tries. jqwik prints the seed of a failure.
 */
@AddLifecycleHook(
    value = InputPropertiesTest.SeedAndTries.class,
    propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class InputPropertiesTest {
  static final long DEFAULT_SEED = 20260302L;
  static final int DEFAULT_TRIES = 1_000;
  static final int PARSER_TRIES_PER_COACH_TRY = 30;

  /** Names of the world's members; any other name is nobody's. */
  private static final Set<String> KNOWN = Set.of("ana", "bob", "cy", "zed");

  private static final List<String> SPACES =
      List.of(" ", "  ", "\t", "\u00a0", "\u3000", " \u200b ", "\u2003", " \t ");

  private CoachFixture f;
  private Commands commands;
  private int mostObjectives;

  /** Sets each property's tries and seed from the system properties. */
  static final class SeedAndTries implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(
        PropertyLifecycleContext context, PropertyExecutor property) {
      int tries = Integer.getInteger("input.tries", DEFAULT_TRIES);
      // the parser alone is quick: it reads many times the inputs the whole coach answers
      boolean parserOnly = context.targetMethod().getName().startsWith("everyInputIsRead");
      context.attributes().setTries(parserOnly ? tries * PARSER_TRIES_PER_COACH_TRY : tries);
      String seed = System.getProperty("input.seed", String.valueOf(DEFAULT_SEED));
      if (!seed.isBlank() && !seed.equalsIgnoreCase("random")) {
        context.attributes().setSeed(seed);
      }
      return property.execute();
    }
  }

  /** A lead and two members in #general, one with an objective done; zed has never started. */
  @BeforeProperty
  void aChannelWithALeadAndMembers() {
    TestDatabase.truncateAll();
    f = CoachFixture.builtIn();
    commands = f.coach().commands();
    f.say(f.caller("ana"), "start");
    f.say(f.caller("bob"), "start");
    f.say(f.caller("cy"), "start");
    f.say(f.caller("bob"), "done 1");
    mostObjectives = f.roadmap().stages().stream().mapToInt(Stage::objectiveCount).max().orElse(0);
  }

  // ---- the properties

  @Property(shrinking = ShrinkingMode.BOUNDED)
  void everyInputIsReadAsItsCommandOrAnsweredWithItsForm(@ForAll("typed") Typed typed) {
    Command command = commands.parse(typed.text());

    switch (command) {
      case Input.Invalid invalid -> {
        String message = invalid.message().plainText();
        assertThat(message).as("answer to %s", typed).isNotBlank();
        assertThat(namesAForm(message, typed))
            .as("answer to %s names a form of its command: %s", typed, message)
            .isTrue();
      }
      case Input.Unknown unknown ->
          assertThat(typed.glued()).as("%s was read as no command", typed).isTrue();
      case Input.Misspelt misspelt ->
          assertThat(misspelt.meant()).as("the command %s most likely means", typed).isPresent();
      default -> {
        CommandDeclaration<?> declaration = commands.declaration(command).orElseThrow();
        if (!typed.glued()) {
          assertThat(family(declaration).equals(typed.family()) || aBareFormOf(typed, command))
              .as("%s was read as %s", typed, command)
              .isTrue();
        }
      }
    }
  }

  @Property(shrinking = ShrinkingMode.BOUNDED)
  void everyInputIsReadTheSameInAnyLetterCaseCharacterWidthOrSpacing(
      @ForAll("disguised") Disguised typed) {
    assertThat(commands.parse(typed.disguised()))
        .as("%s read as %s is", typed, typed.plain())
        .isEqualTo(commands.parse(typed.plain()));
  }

  @Property(shrinking = ShrinkingMode.BOUNDED)
  void everyInputIsAnsweredAndNoInvalidOneChangesAnyRow(
      @ForAll("typed") Typed typed, @ForAll("callers") Caller caller) {
    Command parsed = commands.parse(typed.text());
    TableFingerprint before = TableFingerprint.ignoringPlatformProfiles(f.dsl());

    Reply reply = f.say(caller, typed.text());

    String said = reply.plainText();
    assertThat(said).as("answer to %s from %s", typed, caller.userName()).isNotBlank();
    assertThat(said)
        .as("answer to %s from %s", typed, caller.userName())
        .doesNotContain(Apologies.SOMETHING_WENT_WRONG);
    Statistics.collect(invalid(parsed) ? "invalid" : "valid");
    if (invalid(parsed)) {
      assertThat(TableFingerprint.ignoringPlatformProfiles(f.dsl()).changedSince(before))
          .as(
              "tables changed by the invalid %s from %s (answered: %s)",
              typed, caller.userName(), said)
          .isEmpty();
    }
  }

  // ---- what is invalid, and what names a form

  /**
   * Input that must change nothing: not of its command's form, naming no command, or naming a
   * member nobody is or an objective no stage has.
   */
  private boolean invalid(Command parsed) {
    if (parsed instanceof Input.Invalid
        || parsed instanceof Input.Unknown
        || parsed instanceof Input.Misspelt) {
      return true;
    }
    if (parsed instanceof ProgressCommand.Done done) {
      return !anObjective(done.objective());
    }
    if (parsed instanceof ProgressCommand.Undo undo) {
      return !anObjective(undo.objective());
    }
    return namesNobody(parsed);
  }

  private boolean anObjective(String typed) {
    try {
      int n = Integer.parseInt(typed);
      return n >= 1 && n <= mostObjectives;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether the command names a member (by a plain name) that nobody in the workspace has. */
  private static boolean namesNobody(Command parsed) {
    if (!parsed.getClass().isRecord()) {
      return false;
    }
    for (RecordComponent component : parsed.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(parsed);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      Object ref = value instanceof Optional<?> optional ? optional.orElse(null) : value;
      if (ref instanceof MemberRef member
          && member.externalId().isEmpty()
          && !KNOWN.contains(member.name().orElse("").toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an answer names a form of the command typed: the command itself with {@code /roadmap},
   * one of its family's, or, for a stage out of range, the range the roadmap has.
   */
  private boolean namesAForm(String message, Typed typed) {
    String lower = message.toLowerCase(Locale.ROOT);
    return lower.contains("/roadmap " + typed.family()) || lower.contains("stages run from 1 to ");
  }

  /**
   * Whether the command is what the typed family's words mean alone ({@code holiday}: the list).
   */
  private boolean aBareFormOf(Typed typed, Command command) {
    return commands.declarations().stream()
        .filter(d -> family(d).equals(typed.family()))
        .anyMatch(d -> d.bare().map(Object::getClass).equals(Optional.of(command.getClass())));
  }

  /** A declaration's family: the first word of its command. */
  private static String family(CommandDeclaration<?> declaration) {
    return declaration.words().first();
  }

  // ---- generated input

  /**
   * What was typed, for which command family (its first word); {@code glued} when the command's
   * words were run together with what follows, so that no word may name it.
   */
  record Typed(String family, String text, boolean glued) {
    @Override
    public String toString() {
      return "\"" + text.replace("\t", "\\t").replace("\n", "\\n") + "\"";
    }
  }

  /** A declared example, and the same typed in other letter cases, widths and spacing. */
  record Disguised(String plain, String disguised) {
    @Override
    public String toString() {
      return "\"" + disguised.replace("\t", "\\t").replace("\n", "\\n") + "\"";
    }
  }

  @Provide
  Arbitrary<Disguised> disguised() {
    List<String> examples =
        commands.declarations().stream().flatMap(d -> d.examples().stream()).toList();
    return Arbitraries.of(examples)
        .flatMap(
            example ->
                Arbitraries.integers()
                    .between(0, Integer.MAX_VALUE)
                    .list()
                    .ofSize(example.split(" ").length)
                    .map(dice -> new Disguised(example, disguise(example, dice))));
  }

  /**
   * Each word of the example by a die: in other letter case (not a mention, a name or a channel,
   * whose case is theirs), in full-width characters, with a zero-width space or a bidi mark inside,
   * and any whitespace between words.
   */
  private static String disguise(String example, List<Integer> dice) {
    String[] words = example.split(" ");
    StringBuilder out = new StringBuilder(dice.get(0) % 3 == 0 ? "\u3000" : "");
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      int die = dice.get(i);
      boolean named = word.startsWith("@") || word.startsWith("<") || word.startsWith("#");
      if (!named && (die & 1) == 1) {
        word = (die & 2) == 2 ? word.toUpperCase(Locale.ROOT) : capitalized(word);
      }
      if ((die & 4) == 4) {
        word = fullWidth(word);
      }
      if ((die & 8) == 8 && word.length() > 1) {
        String mark = (die & 16) == 16 ? "\u200b" : "\u200e";
        word = word.charAt(0) + mark + word.substring(1);
      }
      out.append(i == 0 ? "" : SPACES.get((die >>> 5) % SPACES.size())).append(word);
    }
    return out.toString();
  }

  private static String capitalized(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  @Provide
  Arbitrary<Caller> callers() {
    Arbitrary<String> name = Arbitraries.of("ana", "bob", "zed");
    Arbitrary<Optional<ZoneId>> zone =
        Arbitraries.of(
            Optional.empty(),
            Optional.of(ZoneId.of("Europe/Berlin")),
            Optional.of(ZoneId.of("Pacific/Auckland")));
    Arbitrary<String> shown = Arbitraries.of("", " R.", " 🚀");
    return Combinators.combine(name, zone, shown)
        .as((who, in, suffix) -> f.member(who, who + suffix, in, false));
  }

  @Provide
  Arbitrary<Typed> typed() {
    List<CommandDeclaration<?>> declarations = commands.declarations();
    return Arbitraries.of(declarations).flatMap(this::typedFor);
  }

  private Arbitrary<Typed> typedFor(CommandDeclaration<?> declaration) {
    String family = family(declaration);
    Arbitrary<List<String>> arguments =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, examples(declaration).map(List::of)),
            net.jqwik.api.Tuple.of(4, argument(declaration).list().ofMaxSize(3)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(List.<String>of())));
    Arbitrary<String> space = Arbitraries.of(SPACES);
    Arbitrary<String> words = anyCase(declaration.words().text());
    Arbitrary<Boolean> slash = Arbitraries.of(false, false, true);
    Arbitrary<Boolean> glued = Arbitraries.of(false, false, false, false, true);
    return Combinators.combine(words, arguments, space, slash, glued)
        .as(
            (typedWords, args, between, withSlash, glue) -> {
              String rest = String.join(between, args);
              String text;
              if (glue) {
                text = typedWords.replace(" ", "") + rest.replace(" ", "");
              } else {
                text = rest.isEmpty() ? typedWords : typedWords + between + rest;
              }
              return new Typed(family, (withSlash ? "/roadmap " : "") + text, glue);
            });
  }

  /** The declaration's own examples, the part after its words: valid forms. */
  private static Arbitrary<String> examples(CommandDeclaration<?> declaration) {
    String words = declaration.words().text();
    List<String> args =
        declaration.examples().stream()
            .map(e -> e.length() > words.length() ? e.substring(words.length()).strip() : "")
            .toList();
    return Arbitraries.of(args);
  }

  /** One argument: a word of the command's forms, or something of any kind, valid or not. */
  private static Arbitrary<String> argument(CommandDeclaration<?> declaration) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, formWords(declaration)),
        net.jqwik.api.Tuple.of(3, numbers()),
        net.jqwik.api.Tuple.of(2, times()),
        net.jqwik.api.Tuple.of(2, dates()),
        net.jqwik.api.Tuple.of(3, mentions()),
        net.jqwik.api.Tuple.of(2, zones()),
        net.jqwik.api.Tuple.of(3, unicode()));
  }

  /** The fixed words of the declaration's usage forms ({@code on}, {@code weekdays}, ...). */
  private static Arbitrary<String> formWords(CommandDeclaration<?> declaration) {
    Set<String> words = new LinkedHashSet<>();
    for (Usage usage : declaration.usages()) {
      for (String token : usage.form().split(" ")) {
        for (String word : token.replaceAll("[\\[\\]<>]", "").split("\\|")) {
          if (!word.isBlank()) {
            words.add(word);
          }
        }
      }
    }
    words.addAll(List.of("on", "off", "at", "all", "week", "clear", "weekdays", "daily", "fri"));
    return anyCaseOf(List.copyOf(words));
  }

  private static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 40).map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of("0", "007", "+2", "2.5", "1e3", "99999999999999999999", "٣", "２", "Ⅻ"),
        Arbitraries.integers().between(0, 99).map(n -> fullWidth(String.valueOf(n))),
        Arbitraries.integers().between(0, 40).map(n -> n + "d"));
  }

  private static Arbitrary<String> times() {
    Arbitrary<String> clock =
        Combinators.combine(
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99))
            .as((h, m) -> h + ":" + (m < 10 ? "0" + m : String.valueOf(m)));
    return Arbitraries.oneOf(
        clock,
        clock.map(InputPropertiesTest::fullWidth),
        Arbitraries.of("7pm", "noon", "9", "09:3", "24:00", ":", "12:60", "-1:00"));
  }

  private static Arbitrary<String> dates() {
    Arbitrary<String> date =
        Combinators.combine(
                Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32))
            .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
    return Arbitraries.oneOf(
        date,
        Arbitraries.integers()
            .between(-400, 400)
            .map(n -> LocalDate.of(2026, 3, 2).plusDays(n).toString()),
        Arbitraries.of("2026-02-30", "2026-12-24", "2027-01-01", "24.12.2026", "tomorrow"),
        date.map(InputPropertiesTest::fullWidth));
  }

  private static Arbitrary<String> mentions() {
    Arbitrary<String> name =
        Arbitraries.oneOf(
            Arbitraries.of("ana", "BOB", "cy", "zed", "nobody", "ana.b", "émile"),
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars("._-")
                .ofMinLength(1)
                .ofMaxLength(10));
    return Arbitraries.oneOf(
        name.map(n -> "@" + n),
        name.map(n -> "<@U" + n.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "") + "1>"),
        name.map(n -> "<@U0ANA|" + n + ">"),
        Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> "<@!" + n + ">"),
        name.map(n -> "#" + n),
        name.map(n -> "<#C1|" + n + ">"),
        Arbitraries.of("@", "<@>", "<#>", "#", "@@ana", "<@U1|>"));
  }

  private static Arbitrary<String> zones() {
    return anyCaseOf(
        List.of(
            "Europe/Berlin",
            "america/new_york",
            "UTC",
            "GMT",
            "Z",
            "Etc/UTC",
            "CET",
            "PST",
            "GMT+2",
            "+02:00",
            "Berlin",
            "Mars/Olympus",
            "Europe/",
            "/"));
  }

  private static Arbitrary<String> unicode() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings()
            .withChars("\u202e\u202d\u2066\u200b\u200f\u0000\u0007\u001b\ufeffa١😀ﬁ")
            .ofMinLength(1)
            .ofMaxLength(8),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(300));
  }

  /** The text in letters of random case. */
  private static Arbitrary<String> anyCase(String text) {
    return Arbitraries.integers()
        .between(0, Integer.MAX_VALUE)
        .map(
            bits -> {
              StringBuilder out = new StringBuilder(text.length());
              for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append((bits >> (i % 31) & 1) == 1 ? Character.toUpperCase(c) : c);
              }
              return out.toString();
            });
  }

  private static Arbitrary<String> anyCaseOf(List<String> words) {
    return Arbitraries.of(words).flatMap(InputPropertiesTest::anyCase);
  }

  /** ASCII digits, letters and colons as their full-width forms: {@code 09:00} is {@code ０９：００}. */
  private static String fullWidth(String ascii) {
    return ascii
        .chars()
        .mapToObj(
            c ->
                c >= '!' && c <= '~'
                    ? String.valueOf((char) (c - '!' + '\uff01'))
                    : String.valueOf((char) c))
        .collect(Collectors.joining());
  }
}
