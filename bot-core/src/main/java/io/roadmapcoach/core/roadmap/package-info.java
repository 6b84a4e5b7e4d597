/**
 * The roadmap as data: stages and objectives loaded and validated from YAML. Vocabulary: uses
 * nothing of the core.
 */
package io.roadmapcoach.core.roadmap;
