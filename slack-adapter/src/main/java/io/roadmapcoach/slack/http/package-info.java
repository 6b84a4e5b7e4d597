/**
 * What the adapter's HTTP routes share against strangers: log lines they can cause said at most
 * once in a while ({@code QuietLog}), and a limit on requests per address kept in memory ({@code
 * AddressLimit}), so that neither the log nor the database grows with their requests; and the HMAC
 * ({@code Hmac}) of what is handed to strangers and must be known again when it comes back.
 */
package io.roadmapcoach.slack.http;
