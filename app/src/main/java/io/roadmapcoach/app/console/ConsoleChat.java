package io.roadmapcoach.app.console;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.caller.PlatformStatus;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local chat: a person types {@code /roadmap ...} as a member of a channel, and nudges and
 * quizzes appear as they are delivered. The contract others rely on: piped input is echoed as
 * {@code > line} before its answer; {@code :as}, {@code :in}, {@code :press}, {@code :clock},
 * {@code :status} and {@code :quit} drive it; nothing but the chat goes to standard output.
 */
public final class ConsoleChat implements ConsoleOutput {
  static final String WORKSPACE = "local";
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,40}");
  private static final Pattern CLOCK_STEP = Pattern.compile("\\+(\\d{1,5})([mhd])");
  private static final Duration LONGEST_CLOCK_MOVE = Duration.ofDays(31);
  private static final DateTimeFormatter SHOWN_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

  /** Runs everything that falls due in one minute of console time, and delivers what is ready. */
  public interface MinuteTicker {
    void tick(Instant minute);

    /** Delivers whatever is waiting in the outbox (a lead's notice, say) right away. */
    default void deliverWaiting() {}

    MinuteTicker NONE = minute -> {};
  }

  /**
   * Keeps a member's status as a platform would report it (Slack's emoji and text); false when the
   * coach does not know the member.
   */
  public interface StatusKeeper {
    boolean keep(String workspace, String member, String emoji, String text);

    StatusKeeper NONE = (workspace, member, emoji, text) -> false;
  }

  private static final Pattern STATUS_EMOJI = Pattern.compile(":[a-z0-9_+\\-]+:");

  private final Coach coach;
  private final ShiftedClock clock;
  private final ZoneId zone;
  private final PrintStream out;
  private final boolean piped;
  private final ConsoleRenderer renderer;
  private final Map<String, List<Button>> newestButtons = new HashMap<>();

  /**
   * Statuses set for members the coach does not know yet: each goes with the member's next command,
   * as a platform's look-up would, and is kept in that command's transaction.
   */
  private final Map<String, PlatformStatus> pendingStatuses = new HashMap<>();

  /** A file given with {@code :attach}: it goes with the member's next command only. */
  private final Map<String, Upload> attached = new HashMap<>();

  private MinuteTicker ticker = MinuteTicker.NONE;
  private StatusKeeper statuses = StatusKeeper.NONE;
  private BooleanSupplier stopRequested = () -> false;
  private String member = "you";
  private String channel = "general";

  public ConsoleChat(Coach coach, ShiftedClock clock, ZoneId zone, PrintStream out, boolean piped) {
    this(
        coach,
        clock,
        zone,
        out,
        piped,
        java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * @param filesDir where files that cannot be printed (chart images) are saved
   */
  public ConsoleChat(
      Coach coach,
      ShiftedClock clock,
      ZoneId zone,
      PrintStream out,
      boolean piped,
      java.nio.file.Path filesDir) {
    this.renderer = new ConsoleRenderer(filesDir);
    this.coach = coach;
    this.clock = clock;
    this.zone = zone;
    this.out = out;
    this.piped = piped;
  }

  public void setTicker(MinuteTicker ticker) {
    this.ticker = ticker;
  }

  public void setStatuses(StatusKeeper statuses) {
    this.statuses = statuses;
  }

  /**
   * Whether a stop was asked for (Ctrl-C): a long {@code :clock} run stops at the next minute
   * instead of running on while the stop waits for it.
   */
  public void setStopRequested(BooleanSupplier stopRequested) {
    this.stopRequested = stopRequested;
  }

  /** Reads lines until end of input or {@code :quit}. */
  public void run(BufferedReader in) throws IOException {
    if (!piped) {
      show(
          "Roadmap Coach, console chat. You are "
              + member
              + " in #"
              + channel
              + ". Type /roadmap help to begin; :quit leaves.\n");
    }
    prompt();
    String line;
    while ((line = in.readLine()) != null) {
      if (piped) {
        show("> " + line + "\n");
      }
      if (!handle(line.strip())) {
        return;
      }
      prompt();
    }
  }

  /** Handles one line; false when the person asked to leave. */
  boolean handle(String line) {
    if (line.isEmpty()) {
      return true;
    }
    if (line.equals(":quit") || line.equals(":q")) {
      return false;
    }
    if (line.startsWith(":")) {
      consoleCommand(line);
    } else if (line.startsWith("/")) {
      // the coach also answers a misspelt or glued /roadmap with what it most likely means
      answer(coach.handleText(caller(), line, Optional.ofNullable(attached.remove(key(member)))));
      ticker.deliverWaiting();
    } else {
      show(
          "I only understand /roadmap commands here (try /roadmap help), and console commands: "
              + consoleHelp()
              + "\n\n");
    }
    return true;
  }

  private void consoleCommand(String line) {
    String[] parts = line.split("\\s+", 2);
    String arg = parts.length > 1 ? parts[1].strip() : "";
    switch (parts[0]) {
      case ":as" -> switchMember(arg);
      case ":in" -> switchChannel(arg);
      case ":press" -> press(arg);
      case ":clock" -> moveClock(arg);
      case ":status" -> status(arg);
      case ":attach" -> attach(arg);
      default ->
          show(
              "Unknown console command "
                  + parts[0]
                  + ". Console commands: "
                  + consoleHelp()
                  + "\n\n");
    }
  }

  private static String consoleHelp() {
    return ":as NAME, :in CHANNEL, :press N, :clock +30m|+2h|+1d|2026-12-01T09:00,"
        + " :status [:emoji:] [text]|clear, :attach PATH, :quit";
  }

  /**
   * {@code :attach PATH}: the file (relative to the working directory) goes with the current
   * member's next command only, as a platform's attachment would. Only as much of it is read as any
   * roadmap may be, so a larger file is refused by the command for its size.
   */
  private void attach(String arg) {
    if (arg.isEmpty()) {
      show("Name the file to attach: :attach roadmap.yaml\n\n");
      return;
    }
    Path file = Path.of(arg);
    if (!Files.isRegularFile(file)) {
      show("There is no file at " + arg + ".\n\n");
      return;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(Upload.MAX_READ);
      Upload upload =
          new Upload(
              file.getFileName().toString(), bytes, Math.max(bytes.length, Files.size(file)));
      attached.put(key(member), upload);
      show("📎 " + upload.described() + " goes with your next command.\n\n");
    } catch (IOException e) {
      show("The file " + arg + " could not be read: " + e.getMessage() + "\n\n");
    }
  }

  private void switchMember(String name) {
    String clean = name.startsWith("@") ? name.substring(1) : name;
    if (!NAME.matcher(clean).matches()) {
      show("Give a member name of letters, digits, '.', '_' or '-': :as ana\n\n");
      return;
    }
    member = clean;
    show("You are now " + member + " in #" + channel + ".\n\n");
  }

  private void switchChannel(String name) {
    String clean = name.startsWith("#") ? name.substring(1) : name;
    if (!NAME.matcher(clean).matches()) {
      show("Give a channel name of letters, digits, '.', '_' or '-': :in study-group\n\n");
      return;
    }
    channel = clean.toLowerCase(Locale.ROOT);
    show("You are now in #" + channel + " as " + member + ".\n\n");
  }

  private void press(String arg) {
    List<Button> buttons = newestButtons.getOrDefault(key(member), List.of());
    if (buttons.isEmpty()) {
      show("There is no button to press: no reply for " + member + " has had buttons yet.\n\n");
      return;
    }
    int n;
    try {
      n = Integer.parseInt(arg);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > buttons.size()) {
      show("Press a button by its number, 1 to " + buttons.size() + ": :press 1\n\n");
      return;
    }
    answer(coach.press(caller(), buttons.get(n - 1).actionId()));
    ticker.deliverWaiting();
  }

  /**
   * The current member's status, as a platform would report it: {@code :status :palm_tree: On
   * vacation} (away: no nudges, and the days keep the streak), {@code :status clear}.
   */
  private void status(String arg) {
    boolean clear = arg.isEmpty() || arg.equalsIgnoreCase("clear");
    String emoji = "";
    String text = clear ? "" : arg;
    String[] words = arg.split("\\s+", 2);
    if (!clear && STATUS_EMOJI.matcher(words[0]).matches()) {
      emoji = words[0];
      text = words.length > 1 ? words[1] : "";
    }
    if (!statuses.keep(WORKSPACE, key(member), emoji, text)) {
      pendingStatuses.put(key(member), new PlatformStatus(emoji, text, Optional.empty()));
      show(member + " has not used /roadmap yet; the status goes with their first command.\n\n");
      return;
    }
    show(
        clear
            ? member + "'s status is cleared.\n\n"
            : member + "'s status is now: " + (emoji + " " + text).strip() + "\n\n");
  }

  private void moveClock(String arg) {
    Instant now = clock.instant();
    Optional<Instant> target = clockTarget(arg, now);
    if (target.isEmpty()) {
      show(
          "Move the clock with :clock +30m, :clock +2h, :clock +1d or :clock 2026-12-01T09:00 (your local time).\n\n");
      return;
    }
    if (!target.get().isAfter(now)) {
      show(
          "The console's clock only moves forward; it is "
              + SHOWN_TIME.format(now.atZone(zone))
              + " now.\n\n");
      return;
    }
    if (Duration.between(now, target.get()).compareTo(LONGEST_CLOCK_MOVE) > 0) {
      show("Move the clock at most 31 days at a time.\n\n");
      return;
    }
    // minute by minute, so whatever falls due on the way is delivered as if the time had passed
    Instant minute = now.plusSeconds(60 - now.getEpochSecond() % 60).minusNanos(now.getNano());
    for (; !minute.isAfter(target.get()); minute = minute.plusSeconds(60)) {
      if (stopRequested.getAsBoolean()) {
        show(
            "⏹ Stopping: the clock stays at "
                + SHOWN_TIME.format(clock.instant().atZone(zone))
                + ".\n\n");
        return;
      }
      clock.setTo(minute);
      ticker.tick(minute);
    }
    clock.setTo(target.get());
    show(
        "⏩ It is now "
            + SHOWN_TIME.format(target.get().atZone(zone))
            + " ("
            + zone.getId()
            + ").\n\n");
  }

  private Optional<Instant> clockTarget(String arg, Instant now) {
    Matcher step = CLOCK_STEP.matcher(arg);
    if (step.matches()) {
      long amount = Long.parseLong(step.group(1));
      Duration d =
          switch (step.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
      return Optional.of(now.plus(d));
    }
    try {
      return Optional.of(LocalDateTime.parse(arg).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The current member in the current channel, with a status still to be kept, once. */
  private Caller caller() {
    return new Caller(
        Platform.CONSOLE,
        WORKSPACE,
        "console",
        Origin.channel(channel, channel),
        key(member),
        member,
        false,
        Optional.of(zone),
        Optional.ofNullable(pendingStatuses.remove(key(member))));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private void answer(Reply reply) {
    synchronized (out) {
      remember(member, reply);
      out.print(renderer.render(reply, key(member)));
      out.print('\n');
      out.flush();
    }
  }

  /** A delivery from the outbox: printed as it arrives, its buttons pressable by its member. */
  @Override
  public void delivered(String heading, Optional<String> toMember, Reply reply) {
    synchronized (out) {
      // a DM's buttons belong to its member; a channel post's to whoever is reading the channel
      String owner = toMember.orElse(member);
      remember(owner, reply);
      out.print("📨 " + heading + "\n");
      out.print(renderer.render(reply, key(owner)));
      out.print('\n');
      out.flush();
    }
  }

  private void remember(String name, Reply reply) {
    if (!reply.buttons().isEmpty()) {
      newestButtons.put(key(name), reply.buttons());
    }
  }

  private void show(String text) {
    synchronized (out) {
      out.print(text);
      out.flush();
    }
  }

  private void prompt() {
    if (!piped) {
      show(member + " #" + channel + "> ");
    }
  }

  public ZoneId zone() {
    return zone;
  }
}
