/**
 * How a feature contributes to the coach: a {@link io.roadmapcoach.core.feature.Feature} declares
 * its commands (words, argument grammar, help, who may run them, their Discord subcommands and
 * their handlers) and its buttons, once, in the feature's own package. Above the member, journey
 * and delivery packages, below the features that implement it.
 */
package io.roadmapcoach.core.feature;
