/**
 * Our buttons pressed: handed to the core by action id, the answer replacing the clicked message or
 * posted beside it.
 */
package io.roadmapcoach.slack.actions;
