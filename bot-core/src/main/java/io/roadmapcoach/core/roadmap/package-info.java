/**
 * The roadmap as data: stages and objectives with their stable ids, read from YAML as plain data
 * and checked with every problem's line and field (strictly for uploads, leniently for the built-in
 * roadmap and ROADMAP_FILE). The file's format: docs/roadmap-format.md.
 */
package io.roadmapcoach.core.roadmap;
