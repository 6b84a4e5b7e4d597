package io.roadmapcoach.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * Sends JDA to another gateway ({@code DISCORD_GATEWAY_URL}) instead of asking Discord where its
 * gateway is; keeps JDA's own pacing of identifies between shards.
 */
final class FixedGateway extends SessionControllerAdapter {
  private final String url;
  private final int shardsTotal;

  FixedGateway(String url, int shardsTotal) {
    this.url = url;
    this.shardsTotal = shardsTotal;
  }

  @Override
  public String getGateway() {
    return url;
  }

  @Override
  public ShardedGateway getShardedGateway(JDA api) {
    return new ShardedGateway(url, shardsTotal);
  }
}
