package io.roadmapcoach.core.privacy;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.feature.ButtonDeclaration;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.privacy.PrivacyCommand.Export;
import io.roadmapcoach.core.privacy.PrivacyCommand.ForgetMe;
import io.roadmapcoach.core.schedule.Routine;
import java.util.List;

/**
 * A member's own data: {@code export} and {@code forget-me}, and the button that confirms the
 * erasure. Each is answered on its own, not in a member's transaction: the member is looked up,
 * never created, so asking about one's data stores nothing new.
 */
public final class PrivacyFeature implements Feature {
  public static final Words EXPORT = Words.of("export");
  public static final Words FORGET_ME = Words.of("forget-me").or("forgetme");

  private final PrivacyService privacy;
  private final PrivacyRoutines routines;

  public PrivacyFeature(PrivacyService privacy, PrivacyRoutines routines) {
    this.routines = routines;
    this.privacy = privacy;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(Export.class, EXPORT)
            .none(new Export())
            .usage("", "everything I keep about you, as a JSON file")
            .slash(Slash.of(EXPORT, "Everything the bot keeps about you, as a file"))
            .slow()
            .answeredOnItsOwn((caller, c) -> privacy.export(caller)),
        CommandDeclaration.of(ForgetMe.class, FORGET_ME)
            .none(new ForgetMe())
            .usage("", "erase everything I keep about you (asks first)")
            .slash(Slash.of(FORGET_ME, "Delete everything the bot keeps about you (asks first)"))
            .answeredOnItsOwn((caller, c) -> privacy.askToForget(caller)));
  }

  @Override
  public List<ButtonDeclaration<?>> buttons() {
    return List.of(ButtonDeclaration.onItsOwn(Action.ForgetMe.class, privacy::forget));
  }

  @Override
  public List<Routine> routines() {
    return routines.routines();
  }
}
