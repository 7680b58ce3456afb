package dev.followthrough.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

  /** Run in a child JVM: start the database, commit a row, announce it, then wait to be killed. */
  public static void main(String[] args) throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
         Statement st = c.createStatement()) {
      st.execute("CREATE TABLE survivor (v text)");
      st.execute("INSERT INTO survivor VALUES ('committed before the crash')");
    }
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(TimeUnit.MINUTES.toMillis(5));
  }

  @Test
  void committed_data_survives_kill_minus_nine_and_the_orphaned_postmaster_is_taken_over() throws Exception {
    Path base = Path.of(System.getProperty("ft.testDataDir", "target/test-data"));
    Files.createDirectories(base);
    Path dir = Files.createTempDirectory(base.toAbsolutePath(), "restart-");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EmbeddedDatabaseTest.class.getName(), dir.toString(), Integer.toString(port))
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      String line;
      boolean ready = false;
      while (!ready && (line = out.readLine()) != null) ready = line.contains("READY");
      assertThat(ready).as("child JVM started its database").isTrue();
    }
    child.destroyForcibly().waitFor(); // kill -9: no shutdown hooks run, the postmaster is orphaned
    assertThat(dir.resolve("postgres/postmaster.pid")).exists();

    EmbeddedDatabase restarted = EmbeddedDatabase.start(dir, port);
    try (Connection c = DriverManager.getConnection(restarted.jdbcUrl(), "postgres", "");
         Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT v FROM survivor")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("committed before the crash");
      }
      for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
          rs.next();
          assertThat(rs.getString(1)).as(setting).isEqualTo("on");
        }
      }
    } finally {
      restarted.close();
    }
  }
}
