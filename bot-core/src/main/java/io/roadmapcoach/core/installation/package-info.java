/**
 * Platform installations: each workspace's bot token for platforms that install per workspace
 * (Slack's OAuth v2), encrypted at rest and refreshed once even when instances race, and the OAuth
 * flow's spent states (each state is spent once; the adapter issues and checks them). The
 * platform's own calls stay in its adapter.
 */
package io.roadmapcoach.core.installation;
