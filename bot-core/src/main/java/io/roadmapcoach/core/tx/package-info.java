/** Transactions on the core's database. Vocabulary: uses nothing of the core. */
package io.roadmapcoach.core.tx;
