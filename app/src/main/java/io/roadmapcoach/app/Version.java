package io.roadmapcoach.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, written into a resource by the Maven build. */
final class Version {
  private static final String RESOURCE = "/io/roadmapcoach/app/version.properties";

  private Version() {}

  static String current() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // an unreadable resource is the same as none: the version is unknown
    }
    String version = properties.getProperty("version", "");
    return version.isBlank() || version.startsWith("${") ? "unknown" : version;
  }
}
