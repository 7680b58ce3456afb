package dev.followthrough.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rotating the key: values under the old key re-sealed under the new one, on a table of the test's own. */
class SecretRotationTest extends IntegrationTest {

  @Autowired SecretBox box;

  @Test
  void after_a_rotation_a_pass_reseals_old_values_under_the_new_key_and_reports_what_it_cannot_open() {
    jdbc.sql("CREATE TABLE IF NOT EXISTS platform_test_rotation (id text PRIMARY KEY, v text)").update();
    jdbc.sql("DELETE FROM platform_test_rotation").update();
    for (int i = 0; i < 5; i++) {
      jdbc.sql("INSERT INTO platform_test_rotation VALUES (?, ?)").params("r" + i, box.seal("value-" + i)).update();
    }
    jdbc.sql("INSERT INTO platform_test_rotation VALUES ('clear', 'clear-value')").update();
    jdbc.sql("INSERT INTO platform_test_rotation VALUES ('none', NULL)").update();
    SealedColumn column = new SealedColumn("platform_test_rotation", "id", "v");
    String devKey = jdbc.sql("SELECT secret FROM platform_secret_key WHERE id = 1").query(String.class).single();

    // the operator sets a new secret and lists the old one
    SecretBox rotated = new SecretBox("the-operators-new-secret-0123456789abcdef", List.of(devKey));
    var pass = new SecretsAtRest(jdbc, rotated, List.of(column)).reseal();
    assertThat(pass).containsExactly(new SecretsAtRest.Pass("platform_test_rotation.v", 6, 0));
    var values = jdbc.sql("SELECT id, v FROM platform_test_rotation WHERE v IS NOT NULL ORDER BY id").query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    for (String[] row : values) {
      assertThat(rotated.isCurrent(row[1])).as(row[0]).isTrue();
      assertThat(rotated.open(row[1])).isEqualTo(row[0].equals("clear") ? "clear-value" : "value-" + row[0].substring(1));
    }
    assertThat(new SecretsAtRest(jdbc, rotated, List.of(column)).reseal()).as("a second pass has nothing to do")
        .containsExactly(new SecretsAtRest.Pass("platform_test_rotation.v", 0, 0));

    // a node that forgot the old secret cannot open them: it says so and leaves them alone
    SecretBox forgetful = new SecretBox("yet-another-secret-0123456789abcdefgh", List.of());
    var refused = new SecretsAtRest(jdbc, forgetful, List.of(column)).reseal();
    assertThat(refused).containsExactly(new SecretsAtRest.Pass("platform_test_rotation.v", 0, 6));
    assertThat(rotated.open(jdbc.sql("SELECT v FROM platform_test_rotation WHERE id = 'r1'").query(String.class).single())).isEqualTo("value-1");
    jdbc.sql("DROP TABLE platform_test_rotation").update();
  }

  @Test
  void the_secret_may_come_from_a_file() throws Exception {
    Path file = Files.createTempFile("ft-secret", ".txt");
    Files.writeString(file, "  from-a-file-0123456789abcdef0123456789\n");
    var s = new FollowthroughSettings(Path.of("./data"), false, true, "https://ft.example.test", "", file.toString(),
        "old-one, older-one", "", "", "");
    assertThat(s.secret()).isEqualTo("from-a-file-0123456789abcdef0123456789");
    assertThat(s.previousSecretList()).containsExactly("old-one", "older-one");
    assertThat(s.toString()).doesNotContain("from-a-file").doesNotContain("old-one");
    Files.delete(file);
  }
}
