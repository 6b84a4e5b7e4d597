/**
 * Each member's data theirs to take or erase: {@code export} (one JSON file) and {@code forget-me}
 * (confirmed with a button only they may press), assembled from every package's personal-data part;
 * and the erasure of a whole workspace a retention period after it removed the app.
 */
package io.roadmapcoach.core.privacy;
