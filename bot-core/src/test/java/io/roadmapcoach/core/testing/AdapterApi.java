package io.roadmapcoach.core.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;

/**
 * What a platform adapter may use of the core, for the adapters' ArchUnit rules: the coach and the
 * commands it declares (their subcommands on platforms of typed slash commands, and how each is
 * acknowledged), the caller and reply vocabulary, the roadmap (for rendering), button and time-zone
 * constants, the outbound {@code Messenger} port with its deliveries and pacing, workspace news
 * ({@code Workspaces}: uninstalls, retried events, and signed requests claimed once so that replays
 * are spotted), the installations of platforms that install per workspace, and the outage a core
 * call can fail with ({@code DatabaseUnavailable}). Everything else is the core's inside.
 */
public final class AdapterApi {
  private AdapterApi() {}

  private static final Set<String> OPEN_PACKAGES =
      Set.of(
          "io.roadmapcoach.core.caller",
          "io.roadmapcoach.core.reply",
          "io.roadmapcoach.core.roadmap",
          "io.roadmapcoach.core.time");

  private static final Set<String> OPEN_CLASSES =
      Set.of(
          "io.roadmapcoach.core.command.Coach",
          "io.roadmapcoach.core.command.Commands",
          "io.roadmapcoach.core.feature.Slash",
          "io.roadmapcoach.core.feature.SlashGroup",
          "io.roadmapcoach.core.feature.SlashOption",
          "io.roadmapcoach.core.feature.Manner",
          "io.roadmapcoach.core.action.Action",
          "io.roadmapcoach.core.delivery.Messenger",
          "io.roadmapcoach.core.delivery.Delivery",
          "io.roadmapcoach.core.delivery.DeliveryResult",
          // a messenger paces its own platform's calls with the core's pacer
          "io.roadmapcoach.core.delivery.Pace",
          "io.roadmapcoach.core.delivery.Pacer",
          // whether the bot can post in a channel, as the platform says; and telling the core so
          "io.roadmapcoach.core.delivery.ChannelAccess",
          // a budget the instances share (Discord's 50 requests a second for the whole bot)
          "io.roadmapcoach.core.delivery.SharedBudget",
          "io.roadmapcoach.core.member.Workspaces",
          "io.roadmapcoach.core.installation.Installations",
          "io.roadmapcoach.core.installation.Installation",
          // what a platform call failing on an outage throws, so the adapter can say so in time
          "io.roadmapcoach.core.tx.DatabaseUnavailable");

  /** Classes of the core outside the adapters' API. */
  public static DescribedPredicate<JavaClass> coreInternals() {
    return DescribedPredicate.describe(
        "the core's internals (outside the adapters' API)",
        c ->
            c.getPackageName().startsWith("io.roadmapcoach.core")
                && !OPEN_PACKAGES.contains(c.getPackageName())
                && !OPEN_CLASSES.contains(outermost(c)));
  }

  /**
   * The top-level class a (nested) class is declared in, by name: a core class seen only from an
   * adapter's import is not always linked to the class that encloses it.
   */
  private static String outermost(JavaClass c) {
    String name = c.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }
}
