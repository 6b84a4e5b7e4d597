package io.roadmapcoach.app;

/**
 * The jar's entry point, compiled for Java 8 so that an older {@code java} can run it far enough to
 * say which Java the bot needs, instead of failing with UnsupportedClassVersionError. It hands over
 * to {@code Main} on Java 21 or newer. Keep it free of anything newer than Java 8.
 */
public final class Launcher {
  private static final int NEEDED = 21;

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    String version = System.getProperty("java.specification.version", "0");
    if (major(version) < NEEDED) {
      System.err.println(
          "Roadmap Coach needs Java "
              + NEEDED
              + " or newer, but this is Java "
              + version
              + " ("
              + System.getProperty("java.home")
              + ").");
      System.err.println(
          "Run it with bin/roadmap-coach, which finds a JDK "
              + NEEDED
              + "+ on this machine, or with $JAVA_HOME/bin/java -jar ... where JAVA_HOME is a JDK "
              + NEEDED
              + " or newer.");
      System.exit(1);
    }
    try {
      Class.forName("io.roadmapcoach.app.Main")
          .getMethod("main", String[].class)
          .invoke(null, (Object) args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** "1.8" is 8, "17" is 17, "21.0.2" is 21. */
  static int major(String version) {
    String[] parts = version.split("\\.");
    try {
      return parts[0].equals("1") && parts.length > 1
          ? Integer.parseInt(parts[1])
          : Integer.parseInt(parts[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
