package io.roadmapcoach.discord;

import static io.roadmapcoach.discord.FakeEvents.slash;
import static io.roadmapcoach.discord.FakeEvents.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.unions.IThreadContainerUnion;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.junit.jupiter.api.Test;

/** Who is calling, as the core wants it, from JDA's (faked) interactions. */
class CallersTest {

  @Test
  void theCallerIsTheGuildTheChannelAndTheMembersEffectiveName() {
    SlashCommandInteractionEvent event = slash("status", List.of());
    Member member = event.getMember();
    when(member.hasPermission(Permission.MANAGE_SERVER)).thenReturn(true);

    Caller caller = Callers.inGuild(event).orElseThrow();

    assertThat(caller.platform()).isEqualTo(Platform.DISCORD);
    assertThat(caller.workspaceId()).isEqualTo("G1");
    assertThat(caller.workspaceName()).isEqualTo("ML Study Club");
    assertThat(caller.origin()).isEqualTo(new Origin.InChannel("C1", "study-group"));
    assertThat(caller.userId()).isEqualTo("U1");
    assertThat(caller.userName()).isEqualTo("Ana B.");
    assertThat(caller.platformAdmin()).isTrue();
    assertThat(caller.platformZone()).isEmpty();
  }

  @Test
  void aThreadCountsAsItsStudyGroupChannel() {
    SlashCommandInteractionEvent event = slash("status", List.of());
    IThreadContainerUnion parent = mock(IThreadContainerUnion.class);
    when(parent.getId()).thenReturn("C1");
    when(parent.getName()).thenReturn("study-group");
    MessageChannelUnion thread = thread(parent);
    when(event.getChannel()).thenReturn(thread);
    when(event.getChannelId()).thenReturn("T9");

    Caller caller = Callers.inGuild(event).orElseThrow();

    assertThat(caller.origin()).isEqualTo(new Origin.InChannel("C1", "study-group"));
  }
}
