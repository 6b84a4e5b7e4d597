/** The roadmap as data: stages and objectives loaded and validated from YAML. */
package io.roadmapcoach.core.roadmap;
