package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The questions of each roadmap: the deployment's bank as loaded at start, an uploaded roadmap's
 * read from its stored file (questions inline), once per version.
 */
public final class QuizBanks {
  private final RoadmapLibrary library;
  private final QuizBank deployment;
  private final QuizBankLoader loader = new QuizBankLoader();
  private final Map<Long, Parsed> parsed = new ConcurrentHashMap<>();

  private record Parsed(int version, QuizBank bank) {}

  public QuizBanks(RoadmapLibrary library, QuizBank deployment) {
    this.library = library;
    this.deployment = deployment;
  }

  /** The bank of the roadmap stored under {@code roadmapId}, as its current version reads. */
  public QuizBank of(long roadmapId) {
    if (roadmapId == RoadmapLibrary.DEPLOYMENT) {
      return deployment;
    }
    RoadmapLibrary.Stored stored = library.stored(roadmapId);
    Parsed known = parsed.get(roadmapId);
    if (known != null && known.version() == stored.version()) {
      return known.bank();
    }
    byte[] source = library.source(roadmapId).getBytes(StandardCharsets.UTF_8);
    QuizBank bank =
        loader.load(RoadmapSource.uploaded(stored.fileName(), source), library.of(roadmapId));
    parsed.put(roadmapId, new Parsed(stored.version(), bank));
    return bank;
  }
}
