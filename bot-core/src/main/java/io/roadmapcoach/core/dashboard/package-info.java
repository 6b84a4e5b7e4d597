/**
 * The leads' dashboard: single-use links and sessions, a channel's figures, and the charts drawn
 * from them (server-rendered SVG for the pages, one PNG for chat).
 */
package io.roadmapcoach.core.dashboard;
