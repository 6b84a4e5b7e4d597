package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file a member attached to a command, fetched from where Discord keeps it (its CDN). At most
 * {@link Upload#MAX_READ} bytes are read, so a file larger than a roadmap may be is known to be too
 * large without being held whole; one whose declared size says so already is not fetched at all.
 * The link itself is never logged: Discord signs it, and it opens the member's file.
 */
final class AttachmentFetch {
  private static final Logger log = LoggerFactory.getLogger(AttachmentFetch.class);

  /** How long fetching a file may take in all, well inside the interaction's 15 minutes. */
  static final Duration WAIT = Duration.ofSeconds(20);

  private final OkHttpClient client;

  AttachmentFetch(OkHttpClient client) {
    this.client = client;
  }

  /** A client for Discord's CDN, giving up after {@code wait}. */
  static OkHttpClient client(Duration wait) {
    return new OkHttpClient.Builder().callTimeout(wait).followRedirects(true).build();
  }

  /**
   * The file as the core takes it; empty when it could not be fetched (the CDN refused, failed or
   * was too slow), which is not the member's file being broken and is answered so.
   *
   * @param declaredSize the size Discord reports for the file
   */
  Optional<Upload> fetch(String fileName, String url, long declaredSize) {
    long size = Math.max(0, declaredSize);
    if (size >= Upload.MAX_READ) {
      return Optional.of(new Upload(fileName, new byte[0], size)); // refused by its size
    }
    Request request = new Request.Builder().url(url).get().build();
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        log.warn("Discord's CDN answered {} for an attached file", response.code());
        return Optional.empty();
      }
      try (InputStream in = body.byteStream()) {
        byte[] bytes = in.readNBytes(Upload.MAX_READ);
        return Optional.of(new Upload(fileName, bytes, Math.max(size, bytes.length)));
      }
    } catch (IOException | IllegalArgumentException e) {
      log.warn("Could not fetch an attached file from Discord: {}", e.getClass().getSimpleName());
      return Optional.empty();
    }
  }
}
