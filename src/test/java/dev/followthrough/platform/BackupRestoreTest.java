package dev.followthrough.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.support.IntegrationTest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Back up the running server's database, write more, restore into a fresh data directory, compare. */
class BackupRestoreTest extends IntegrationTest {

  @Test
  void a_backup_taken_while_the_server_writes_restores_every_row_into_a_fresh_data_directory() throws Exception {
    String source = unique("backup");
    Reply before = post("/api/v1/responses", """
        {"source": "%s", "sourceId": "b-1", "score": 2, "comment": "Billing charged us twice and support never answered",
         "contact": {"externalId": "%s-c1", "email": "pat@example.test"}, "account": {"externalId": "%s-a", "arr": 50000}}"""
        .formatted(source, source, source));
    assertThat(before.status()).as(before.toString()).isEqualTo(201);
    String kept = before.json().path("id").asString();
    await("the case and the coding", () -> jdbc.sql("""
            SELECT count(*) FROM followup_case c JOIN insights_text t ON t.source_id = c.response_id WHERE c.response_id = :id::uuid""")
        .param("id", kept).query(Long.class).optional().filter(n -> n > 0));

    Backup.Target live = new Backup.Target("jdbc:postgresql://127.0.0.1:" + DB_PORT + "/postgres", "postgres", "");
    Path dir = Files.createTempDirectory(DATA_DIR.getParent(), "backup-");
    Path archive = dir.resolve("followthrough.ftbackup");
    Backup.Result backup = Backup.backup(live, archive, true);
    assertThat(backup.rows()).containsKeys("responses_response", "followup_case", "insights_coding", "interviews_session",
        "platform_api_key", "outreach_secret", "event_publication", "flyway_schema_history");
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      assertThat(zip.getEntry("manifest.json")).isNotNull();
      assertThat(zip.getEntry("data/responses_response.copy")).isNotNull();
    }

    // the server goes on writing after the backup
    Reply after = post("/api/v1/responses", """
        {"source": "%s", "sourceId": "b-2", "score": 10, "contact": {"externalId": "%s-c2"}}""".formatted(source, source));
    assertThat(after.status()).isEqualTo(201);

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (EmbeddedDatabase fresh = EmbeddedDatabase.start(dir.resolve("restored"), port)) {
      Backup.Target target = new Backup.Target(fresh.jdbcUrl(), "postgres", "");
      Backup.Result restored = Backup.restore(target, archive); // checks every row count and checksum itself
      assertThat(restored.rows()).isEqualTo(backup.rows());
      assertThat(restored.flywayVersion()).isEqualTo(backup.flywayVersion());

      try (Connection c = target.connect(); Statement s = c.createStatement()) {
        assertThat(one(s, "SELECT comment FROM responses_response WHERE id = '" + kept + "'"))
            .isEqualTo("Billing charged us twice and support never answered");
        assertThat(one(s, "SELECT count(*) FROM responses_response WHERE source = '" + source + "'")).isEqualTo("1");
        assertThat(one(s, "SELECT count(*) FROM followup_case WHERE response_id = '" + kept + "'")).isEqualTo("1");
        assertThat(one(s, "SELECT count(*) FROM platform_api_key")).isEqualTo(String.valueOf(backup.rows().get("platform_api_key")));
        // identity sequences go on from where they were, so the next decision does not collide
        assertThat(Long.parseLong(one(s, "SELECT last_value FROM triggers_decision_id_seq")))
            .isGreaterThanOrEqualTo(Long.parseLong(one(s, "SELECT coalesce(max(id), 1) FROM triggers_decision")));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : backup.rows().keySet()) counts.put(t, Long.parseLong(one(s, "SELECT count(*) FROM " + Backup.quote(t))));
        assertThat(counts).isEqualTo(backup.rows());
      }
      // into a database that has data: refused, nothing touched
      assertThatThrownBy(() -> Backup.restore(target, archive)).hasMessageContaining("not empty");
    }
  }

  @Test
  void the_command_line_backs_up_the_running_embedded_database() throws Exception {
    Path file = Files.createTempDirectory(DATA_DIR.getParent(), "cli-").resolve("cli.ftbackup");
    int rc = BackupCommand.run(new String[] {"backup", "--file=" + file, "--followthrough.database.embedded-port=" + DB_PORT,
        "--followthrough.data-dir=" + DATA_DIR});
    assertThat(rc).isZero();
    assertThat(Files.size(file)).isPositive();
    assertThat(BackupCommand.run(new String[] {"restore"})).as("restore without a file").isEqualTo(1);
  }

  private static String one(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
