package io.roadmapcoach.discord;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.AttachedFile;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.internal.requests.RestActionImpl;

/**
 * A post to a channel this instance does not cache. With shards split across instances, the outbox
 * worker of one instance may send a study group's post whose guild another instance holds; REST
 * works from anywhere, only JDA's public API wants a cached channel object. So the request is built
 * here on JDA's own route and requester (rate limits and retries included), with the same body a
 * cached channel would send: {@code nonce} and {@code enforce_nonce} included.
 *
 * <p>This is the one use of a JDA internal class ({@code RestActionImpl}); pinned to JDA 6.5.
 */
final class UncachedChannel {
  private UncachedChannel() {}

  static RestAction<Void> send(JDA jda, String channelId, MessageCreateData data, String nonce) {
    DataObject body = data.toData().put("nonce", nonce).put("enforce_nonce", true);
    Route.CompiledRoute route = Route.Messages.SEND_MESSAGE.compile(channelId);
    List<FileUpload> files = data.getFiles();
    if (files.isEmpty()) {
      return new RestActionImpl<>(jda, route, body);
    }
    return new RestActionImpl<>(jda, route, AttachedFile.createMultipartBody(files, body).build());
  }
}
