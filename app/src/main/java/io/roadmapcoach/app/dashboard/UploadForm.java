package io.roadmapcoach.app.dashboard;

import io.roadmapcoach.core.caller.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Promise;

/**
 * The roadmap upload form's body ({@code multipart/form-data}: the hidden token and one file), read
 * with a bound: a body that says it is larger than {@link #MAX_BODY} is refused before any of it is
 * read, and one that does not say is read no further than one byte past it. What was read is parsed
 * by Jetty's own multipart parser, in memory (nothing is written to disk).
 */
final class UploadForm {
  /** The largest roadmap file, and room for the form's boundaries, part headers and token. */
  static final int MAX_BODY = Upload.MAX_READ - 1 + 16 * 1024;

  static final String TOKEN = "token";
  static final String FILE = "file";
  private static final int MAX_PARTS = 4;

  private UploadForm() {}

  /** What the body turned out to be. */
  sealed interface Read {}

  /** Larger than {@link #MAX_BODY}: answered 413. */
  record TooLarge() implements Read {}

  /** Not a multipart form this page sends. */
  record Malformed() implements Read {}

  /**
   * The form's fields.
   *
   * @param file the file chosen, empty when none was
   */
  record Parsed(Optional<String> token, Optional<Upload> file) implements Read {}

  /** Whether the request says, before any of it is read, that its body is too large. */
  static boolean saysTooLarge(Request request) {
    return request.getLength() > MAX_BODY;
  }

  static Read read(Request request) {
    String boundary = boundary(request);
    if (boundary == null) {
      return new Malformed();
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      return new Malformed();
    }
    if (body.length > MAX_BODY) {
      return new TooLarge();
    }
    return parse(boundary, body);
  }

  private static String boundary(Request request) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null
        || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    String boundary = MultiPart.extractBoundary(type);
    return boundary == null || boundary.isEmpty() ? null : boundary;
  }

  private static Read parse(String boundary, byte[] body) {
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxParts(MAX_PARTS);
    parser.setMaxLength(MAX_BODY);
    parser.setMaxFileSize(MAX_BODY);
    // every part stays in memory: the body is bounded already, and no upload touches the disk
    parser.setMaxMemoryFileSize(MAX_BODY + 1L);
    parser.setUseFilesForPartsWithoutFileName(false);
    CompletableFuture<MultiPartFormData.Parts> parsed = new CompletableFuture<>();
    parser.parse(Content.Source.from(ByteBuffer.wrap(body)), Promise.Invocable.toPromise(parsed));
    // the body is in memory: parsing is done by the time parse returns
    try (MultiPartFormData.Parts parts = parsed.get(10, TimeUnit.SECONDS)) {
      Optional<String> token =
          Optional.ofNullable(parts.getFirst(TOKEN))
              .map(p -> p.getContentAsString(StandardCharsets.UTF_8));
      return new Parsed(token, file(parts.getFirst(FILE)));
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return new Malformed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Malformed();
    }
  }

  /** The chosen file; a browser sends an empty part without a name when none was chosen. */
  private static Optional<Upload> file(MultiPart.Part part) {
    if (part == null || part.getFileName() == null || part.getFileName().isBlank()) {
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = Content.Source.asInputStream(part.createContentSource())) {
      bytes = in.readNBytes(Upload.MAX_READ);
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(
        new Upload(baseName(part.getFileName()), bytes, Math.max(bytes.length, part.getLength())));
  }

  /** The file's own name: some browsers send the whole path it had on the lead's computer. */
  static String baseName(String sent) {
    String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
    return name.isBlank() ? "roadmap.yaml" : name;
  }
}
