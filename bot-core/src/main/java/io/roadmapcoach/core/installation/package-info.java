/**
 * Platform installations: each workspace's bot token for platforms that install per workspace
 * (Slack's OAuth v2), encrypted at rest, refreshed before it expires (token rotation) with one
 * refresh even when instances race, and the OAuth flow's spent states (each state is spent once;
 * the adapter issues and checks them). Uses {@code caller}, {@code time} and {@code tx}; the
 * platform's own calls (exchanging a code, refreshing a token) stay in its adapter.
 */
package io.roadmapcoach.core.installation;
