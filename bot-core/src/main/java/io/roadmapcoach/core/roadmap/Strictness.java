package io.roadmapcoach.core.roadmap;

/**
 * How much a roadmap file must say for itself.
 *
 * <p>{@link #STRICT} is for a file a lead uploads: every stage and objective has its {@code id}, an
 * objective is named by its id, and questions are written inline under their stage (a {@code
 * quiz_bank:} path is refused: nothing is read from the server's disk on an upload's word). {@link
 * #LENIENT} is for the built-in roadmap and a {@code ROADMAP_FILE}: an id left out is derived from
 * the position (see {@link Ids}), questions may sit in the file {@code quiz_bank:} names, and a
 * question may name its stage and objective by number.
 */
public enum Strictness {
  STRICT,
  LENIENT
}
