package io.roadmapcoach.core.roadmap;

import java.util.Map;

/**
 * A roadmap file as read, with what its stages carry for the quiz bank to read.
 *
 * @param file the roadmap file's name, for problems
 * @param roadmap the roadmap; when problems were found, a best effort (missing parts blank) that
 *     only serves to check the questions against
 * @param stageLines the line each stage starts on, by stage number
 * @param questions each stage's inline {@code questions:}, by stage number
 * @param quizBankLine the line of {@code quiz_bank:}, for problems about the file it names
 */
public record RoadmapDocument(
    String file,
    Roadmap roadmap,
    Map<Integer, Integer> stageLines,
    Map<Integer, YamlNode> questions,
    int quizBankLine) {

  public RoadmapDocument {
    stageLines = Map.copyOf(stageLines);
    questions = Map.copyOf(questions);
  }
}
