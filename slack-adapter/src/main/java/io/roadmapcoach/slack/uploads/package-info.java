/**
 * Files members bring on Slack, which has no file option on a typed command: the modal with a file
 * input that {@code /roadmap roadmap upload} opens, and its submission read from Slack and handed
 * to the core with the command's text.
 */
package io.roadmapcoach.slack.uploads;
