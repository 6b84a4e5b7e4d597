package io.roadmapcoach.core.curriculum;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.curriculum.CurriculumCommand.Download;
import io.roadmapcoach.core.curriculum.CurriculumCommand.Show;
import io.roadmapcoach.core.curriculum.CurriculumCommand.Upload;
import io.roadmapcoach.core.curriculum.CurriculumCommand.Use;
import io.roadmapcoach.core.feature.ButtonDeclaration;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Grammar;
import io.roadmapcoach.core.feature.Kinds;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.SlashGroup;
import io.roadmapcoach.core.feature.SlashOption;
import io.roadmapcoach.core.feature.Words;
import java.util.List;

/**
 * Every channel its own roadmap: {@code roadmap} shows the channel's and the workspace's, {@code
 * roadmap use} switches a channel (leads, after a confirming press), {@code roadmap upload} brings
 * a file (leads; checked, previewed, applied by its uploader's press), {@code roadmap download}
 * hands the channel's out as a file.
 */
public final class CurriculumFeature implements Feature {
  public static final Words ROADMAP = Words.of("roadmap");
  public static final Words USE = ROADMAP.then("use");
  public static final Words UPLOAD = ROADMAP.then("upload");
  public static final Words DOWNLOAD = ROADMAP.then("download");

  /** Discord's group: {@code /roadmap roadmap show|use|upload|download}. */
  static final SlashGroup ROADMAP_GROUP =
      SlashGroup.of(ROADMAP, "This channel's roadmap, and the roadmaps leads bring");

  private final CurriculumService curriculum;

  public CurriculumFeature(CurriculumService curriculum) {
    this.curriculum = curriculum;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(Show.class, ROADMAP)
            .none(new Show())
            .usage("", "this channel's roadmap, and the roadmaps of this workspace")
            .slash(
                Slash.in(ROADMAP_GROUP, ROADMAP, "This channel's roadmap and the workspace's")
                    .named("show"))
            .handledBy((scope, c) -> curriculum.show(scope)),
        CommandDeclaration.of(Use.class, USE)
            .grammar(Grammar.one(Kinds.ROADMAP_ID, Use::new))
            .usage("<id>", "put this channel on another of the workspace's roadmaps (asks first)")
            .slash(
                Slash.in(
                    ROADMAP_GROUP,
                    USE,
                    "Lead: put this channel on another of the workspace's roadmaps",
                    SlashOption.text("id", "The roadmap's id, as `roadmap show` lists it", 40)))
            .lead()
            .handledBy((scope, c) -> curriculum.askToUse(scope, c.id())),
        CommandDeclaration.of(Upload.class, UPLOAD)
            .none(new Upload())
            .usage("", "bring a roadmap file: checked, previewed, applied when you press Apply")
            .slash(
                Slash.in(
                    ROADMAP_GROUP,
                    UPLOAD,
                    "Lead: bring a roadmap file (checked and previewed first)",
                    SlashOption.file("file", "The roadmap file, YAML")))
            .lead()
            .takesFile()
            .slow()
            .handledBy((scope, c) -> curriculum.upload(scope)),
        CommandDeclaration.of(Download.class, DOWNLOAD)
            .none(new Download())
            .usage("", "this channel's roadmap as a file, to edit and upload")
            .slash(Slash.in(ROADMAP_GROUP, DOWNLOAD, "This channel's roadmap as a file"))
            .slow()
            .handledBy((scope, c) -> curriculum.download(scope)));
  }

  @Override
  public List<ButtonDeclaration<?>> buttons() {
    return List.of(
        ButtonDeclaration.of(Action.UseRoadmap.class, curriculum::use),
        ButtonDeclaration.of(Action.ApplyRoadmap.class, curriculum::apply));
  }
}
