package io.roadmapcoach.core.quiz;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every question of a roadmap, by stage and by id. */
public final class QuizBank {
  private final Map<Integer, List<Question>> byStage;
  private final Map<String, Question> byId;

  public QuizBank(List<Question> questions) {
    this.byStage =
        questions.stream()
            .collect(Collectors.groupingBy(Question::stage, Collectors.toUnmodifiableList()));
    this.byId =
        questions.stream().collect(Collectors.toUnmodifiableMap(Question::id, Function.identity()));
  }

  public List<Question> stage(int stage) {
    return byStage.getOrDefault(stage, List.of());
  }

  /** The questions of {@code stage} that name {@code objective} as the one they examine. */
  public List<Question> examining(int stage, int objective) {
    return stage(stage).stream()
        .filter(q -> q.objective().equals(OptionalInt.of(objective)))
        .toList();
  }

  public Optional<Question> question(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public int size() {
    return byId.size();
  }
}
