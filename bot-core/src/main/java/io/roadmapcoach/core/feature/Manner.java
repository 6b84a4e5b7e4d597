package io.roadmapcoach.core.feature;

/**
 * How a platform should acknowledge a command before its answer exists.
 *
 * @param slow the answer may take a while (a file of a whole channel): acknowledge at once
 * @param likelyPublic the answer is most likely shown to the channel (a deferral must guess)
 */
public record Manner(boolean slow, boolean likelyPublic) {
  public static final Manner QUICK_AND_PRIVATE = new Manner(false, false);
}
