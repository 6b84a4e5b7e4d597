package io.roadmapcoach.core.feature;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One command, declared once in its feature: its words, the grammar of its arguments, its lines of
 * help, who may run it, how it shows on Discord, how a platform acknowledges it, and its handler.
 * The parser, help, "did you mean", the lead check and the Discord surface are all derived from the
 * declarations the features contribute.
 *
 * <pre>{@code
 * CommandDeclaration.of(Done.class, DONE)
 *     .grammar(Grammar.one(Kinds.OBJECTIVE, Done::new))
 *     .usage("<n>", "check objective n of your stage off")
 *     .slash(Slash.of(DONE, "Check an objective of your stage off", objective))
 *     .handledBy((scope, done) -> progress.done(scope, done.objective()));
 * }</pre>
 *
 * @param <C> the record the command is read into; the coach finds the declaration by it
 */
public final class CommandDeclaration<C extends Command> {
  private final Class<C> type;
  private final Words words;
  private final Grammar<C> grammar;
  private final Optional<Command> bare;
  private final List<Usage> usages;
  private final List<String> examples;
  private final Access access;
  private final List<Slash> slashes;
  private final Predicate<C> slow;
  private final boolean likelyPublic;
  private final Optional<Boolean> needsMember;
  private final boolean takesFile;
  private final Handling<C> handling;

  private CommandDeclaration(Builder<C> b, Handling<C> handling) {
    this.type = b.type;
    this.words = b.words;
    this.grammar = Objects.requireNonNull(b.grammar, "a grammar for " + b.words);
    this.bare = b.bare;
    this.usages = List.copyOf(b.usages);
    if (usages.isEmpty()) {
      throw new IllegalStateException(words + " needs a line of help");
    }
    List<String> all = new ArrayList<>(b.examples);
    if (all.isEmpty() && grammar instanceof Choice<C> choice) {
      all.addAll(choice.commands(words));
    }
    if (all.isEmpty()) {
      all.add(Forms.sampled(usages.getFirst().form()));
    }
    this.examples = List.copyOf(all);
    this.access = b.access;
    this.slashes = List.copyOf(b.slashes);
    this.slow = b.slow;
    this.likelyPublic = b.likelyPublic;
    this.needsMember = b.needsMember;
    this.takesFile = b.takesFile;
    this.handling = handling;
  }

  public static <C extends Command> Builder<C> of(Class<C> type, Words words) {
    return new Builder<>(type, words);
  }

  public Class<C> type() {
    return type;
  }

  public Words words() {
    return words;
  }

  /** What a command of these words with no arguments means, when not this one ({@code post}). */
  public Optional<Command> bare() {
    return bare;
  }

  public List<Usage> usages() {
    return usages;
  }

  /** Commands of this declaration as typed after {@code /roadmap}, each of which it reads. */
  public List<String> examples() {
    return examples;
  }

  /** The first example as a member types it: {@code /roadmap remind at 09:30}. */
  public String example() {
    return Words.SLASH_COMMAND + " " + examples.getFirst();
  }

  public Access access() {
    return access;
  }

  public List<Slash> slashes() {
    return slashes;
  }

  public Handling<C> handling() {
    return handling;
  }

  /**
   * Whether the command keeps something about its caller (their start, a setting of theirs), so
   * that someone the coach first sees now is stored for it. Any other command from a newcomer
   * (reading a status, the stages or a board; {@code done} before {@code start}) is answered and
   * leaves nothing about them behind. A lead's command acts for the lead, so it keeps them (a
   * workspace admin's first command may be one), unless it is declared to read only.
   */
  public boolean needsMember() {
    return needsMember.orElse(access == Access.LEAD);
  }

  /**
   * Whether a file goes with the command ({@code roadmap upload}): it reads it from {@code
   * Scope.upload()}. A file sent with any other command is dropped, and the reply says so.
   */
  public boolean takesFile() {
    return takesFile;
  }

  /** Reads the arguments that follow the command's words. */
  public Reading<C> read(List<String> arguments, Roadmap roadmap) {
    return grammar.read(new Arguments(arguments, roadmap, words, example()));
  }

  /** How a platform should acknowledge this command before its answer exists. */
  public Manner manner(Command command) {
    return new Manner(slow.test(type.cast(command)), likelyPublic);
  }

  /** Runs the handler of a command declared {@link Handling.InTransaction in the transaction}. */
  public Reply handle(Scope scope, Command command) {
    if (!(handling instanceof Handling.InTransaction<C> inTransaction)) {
      throw new IllegalStateException(words + " is not answered in a member's transaction");
    }
    return inTransaction.handler().handle(scope, type.cast(command));
  }

  /** Runs the handler of a command declared to be answered {@link Handling.OnItsOwn on its own}. */
  public Reply handle(Caller caller, Command command) {
    if (!(handling instanceof Handling.OnItsOwn<C> onItsOwn)) {
      throw new IllegalStateException(words + " is answered in a member's transaction");
    }
    return onItsOwn.handler().handle(caller, type.cast(command));
  }

  @Override
  public String toString() {
    return "/" + words + " (" + type.getSimpleName() + ")";
  }

  /** A declaration under way: everything but its handler. */
  public static final class Builder<C extends Command> {
    private final Class<C> type;
    private final Words words;
    private Grammar<C> grammar;
    private Optional<Command> bare = Optional.empty();
    private final List<Usage> usages = new ArrayList<>();
    private final List<String> examples = new ArrayList<>();
    private Access access = Access.MEMBER;
    private final List<Slash> slashes = new ArrayList<>();
    private Predicate<C> slow = command -> false;
    private boolean likelyPublic;
    private Optional<Boolean> needsMember = Optional.empty();
    private boolean takesFile;

    private Builder(Class<C> type, Words words) {
      this.type = Objects.requireNonNull(type);
      this.words = Objects.requireNonNull(words);
    }

    public Builder<C> grammar(Grammar<C> value) {
      this.grammar = value;
      return this;
    }

    /** Takes no arguments. */
    public Builder<C> none(C command) {
      return grammar(Grammar.none(command));
    }

    /**
     * The command these words mean when nothing follows them, where that is not this one: a bare
     * {@code quiz-day} shows the channel's settings.
     */
    public Builder<C> bare(Command command) {
      this.bare = Optional.of(command);
      return this;
    }

    /**
     * A line of help.
     *
     * @param arguments the form's part after the command's words ({@code HH:MM}); empty for none
     */
    public Builder<C> usage(String arguments, String does) {
      String form = arguments.isEmpty() ? words.text() : words.text() + " " + arguments;
      usages.add(new Usage(form, does));
      return this;
    }

    /**
     * An example the messages show (the first) and tests parse; without one, the first usage's form
     * with sample values.
     *
     * @param arguments what follows the command's words ({@code 09:30})
     */
    public Builder<C> example(String arguments) {
      examples.add(arguments.isEmpty() ? words.text() : words.text() + " " + arguments);
      return this;
    }

    /** Only a channel's leads (and workspace admins) may run it. */
    public Builder<C> lead() {
      this.access = Access.LEAD;
      return this;
    }

    public Builder<C> slash(Slash... subcommands) {
      slashes.addAll(List.of(subcommands));
      return this;
    }

    /**
     * One subcommand per word of a {@link Choice} grammar, in its order ({@code remind on}, {@code
     * remind off}), each with its description.
     */
    public Builder<C> slashPerChoice(SlashGroup group, Choice<C> choice, String... descriptions) {
      List<Choice.Option<C>> options = choice.options();
      if (options.size() != descriptions.length) {
        throw new IllegalArgumentException(words + ": one description per word of the choice");
      }
      for (int i = 0; i < descriptions.length; i++) {
        String word = options.get(i).word();
        slashes.add(
            new Slash(
                Optional.of(group), word, descriptions[i], words.text() + " " + word, List.of()));
      }
      return this;
    }

    /** Its answer may take a while: platforms acknowledge it at once. */
    public Builder<C> slow() {
      return slowWhen(command -> true);
    }

    public Builder<C> slowWhen(Predicate<C> value) {
      this.slow = value;
      return this;
    }

    /** Its answer is most likely shown to the channel. */
    public Builder<C> likelyPublic() {
      this.likelyPublic = true;
      return this;
    }

    /**
     * It keeps something about the caller (a setting, their start): someone the coach first sees
     * now is stored for it. See {@link CommandDeclaration#needsMember()}.
     */
    public Builder<C> needsMember() {
      this.needsMember = Optional.of(true);
      return this;
    }

    /**
     * It only reads, though only leads may run it ({@code team}): a workspace admin the coach first
     * sees is answered and not kept.
     */
    public Builder<C> readsOnly() {
      this.needsMember = Optional.of(false);
      return this;
    }

    /** A file goes with it: see {@link CommandDeclaration#takesFile()}. */
    public Builder<C> takesFile() {
      this.takesFile = true;
      return this;
    }

    /** Handled in the member's transaction, after the lead check. */
    public CommandDeclaration<C> handledBy(Handling.ScopeHandler<C> handler) {
      return new CommandDeclaration<>(this, new Handling.InTransaction<>(handler));
    }

    /** Handled on its own, with the caller as the platform reported it (a member's own data). */
    public CommandDeclaration<C> answeredOnItsOwn(Handling.CallerHandler<C> handler) {
      return new CommandDeclaration<>(this, new Handling.OnItsOwn<>(handler));
    }
  }
}
