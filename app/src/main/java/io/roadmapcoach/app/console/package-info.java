/**
 * The console chat: a local adapter on standard input and output, with a moving clock; its contract
 * (echo, {@code :as}, {@code :in}, {@code :press}, {@code :clock}) is in the README.
 */
package io.roadmapcoach.app.console;
