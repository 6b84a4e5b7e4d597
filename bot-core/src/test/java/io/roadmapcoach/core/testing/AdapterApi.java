package io.roadmapcoach.core.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;

/**
 * What a platform adapter may use of the core, for the adapters' ArchUnit rules: the coach, the
 * caller and reply vocabulary, the roadmap (for rendering), button and time-zone constants, the
 * outbound {@code Messenger} port with its deliveries, workspace news, and the installations of
 * platforms that install per workspace. Everything else is the core's inside.
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
          "io.roadmapcoach.core.action.Action",
          "io.roadmapcoach.core.delivery.Messenger",
          "io.roadmapcoach.core.delivery.Delivery",
          "io.roadmapcoach.core.delivery.DeliveryResult",
          "io.roadmapcoach.core.member.Workspaces",
          "io.roadmapcoach.core.installation.Installations",
          "io.roadmapcoach.core.installation.Installation");

  /** Classes of the core outside the adapters' API. */
  public static DescribedPredicate<JavaClass> coreInternals() {
    return DescribedPredicate.describe(
        "the core's internals (outside the adapters' API)",
        c ->
            c.getPackageName().startsWith("io.roadmapcoach.core")
                && !OPEN_PACKAGES.contains(c.getPackageName())
                && !OPEN_CLASSES.contains(outermost(c)));
  }

  /** A nested class belongs to the API when its outermost class does; read from the name. */
  private static String outermost(JavaClass c) {
    int nested = c.getName().indexOf('$');
    return nested < 0 ? c.getName() : c.getName().substring(0, nested);
  }
}
