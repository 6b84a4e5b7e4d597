/**
 * A channel's daily post (study groups): its leads' commands for when it goes out, and the post
 * itself, which celebrates what the group did since the last one.
 */
package io.roadmapcoach.core.post;
