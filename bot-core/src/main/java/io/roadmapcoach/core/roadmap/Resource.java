package io.roadmapcoach.core.roadmap;

import java.net.URI;

/**
 * Somewhere to learn an objective from.
 *
 * @param title what the page, book or course is called
 * @param publisher who publishes it (the roadmap file's {@code by})
 * @param url where it lives; always https
 * @param free whether it can be read or taken without paying
 */
public record Resource(String title, String publisher, URI url, boolean free) {}
