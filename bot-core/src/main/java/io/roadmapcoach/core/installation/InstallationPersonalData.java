package io.roadmapcoach.core.installation;

import static io.roadmapcoach.db.schema.Tables.INSTALLATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roadmapcoach.core.member.ExportRows;
import io.roadmapcoach.core.member.PersonalData;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The installation of the app the member made in their workspace, if they made it (never its
 * tokens). It is keyed by platform ids: erasing the member keeps it for the workspace but forgets
 * who made it; erasing the workspace deletes it.
 */
public final class InstallationPersonalData implements PersonalData {
  private final DSLContext dsl;

  public InstallationPersonalData(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Map<String, String> sectionsByTable() {
    return Map.of("installation", "installed_the_app");
  }

  @Override
  public void export(Subject who, ObjectNode file) {
    file.set(
        "installed_the_app",
        dsl.select(INSTALLATION.INSTALLED_AT, INSTALLATION.BOT_SCOPES, INSTALLATION.UPDATED_AT)
            .from(INSTALLATION)
            .where(
                INSTALLATION.PLATFORM.eq(who.platform()),
                INSTALLATION.WORKSPACE_EXTERNAL_ID.eq(who.workspaceExternalId()),
                INSTALLATION.INSTALLER_USER_ID.eq(who.externalId()))
            .fetchOptional()
            .<JsonNode>map(ExportRows::row)
            .orElse(JsonNodeFactory.instance.nullNode()));
  }

  @Override
  public void erase(Subject who) {
    dsl.update(INSTALLATION)
        .setNull(INSTALLATION.INSTALLER_USER_ID)
        .where(
            INSTALLATION.PLATFORM.eq(who.platform()),
            INSTALLATION.WORKSPACE_EXTERNAL_ID.eq(who.workspaceExternalId()),
            INSTALLATION.INSTALLER_USER_ID.eq(who.externalId()))
        .execute();
  }

  @Override
  public int eraseWorkspace(Workspace workspace) {
    return dsl.deleteFrom(INSTALLATION)
        .where(
            INSTALLATION.PLATFORM.eq(workspace.platform()),
            INSTALLATION.WORKSPACE_EXTERNAL_ID.eq(workspace.externalId()))
        .execute();
  }
}
