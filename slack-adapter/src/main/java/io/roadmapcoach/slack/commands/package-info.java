/**
 * {@code /roadmap ...} in: the text handed to the core as it came, the answer in the
 * acknowledgement or, when slow, through {@code response_url}.
 */
package io.roadmapcoach.slack.commands;
