package dev.followthrough.platform;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar followthrough.jar backup [--file=…] [--checksums]} and {@code … restore --file=…}, without
 * starting the application. The database is found by the same settings as the server's
 * ({@code --followthrough.database.url=…} or {@code FOLLOWTHROUGH_DATABASE_URL}, user, password; else the embedded
 * PostgreSQL under {@code followthrough.data-dir} on {@code followthrough.database.embedded-port}). Backup while the
 * server runs reads through the server's embedded PostgreSQL; with the server stopped it starts that PostgreSQL
 * itself. Restore needs an empty target: a fresh data directory (it starts its PostgreSQL there) or an empty database.
 */
public final class BackupCommand {

  private BackupCommand() {}

  public static boolean handles(String[] args) {
    return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
  }

  public static int run(String[] args) {
    Map<String, String> env = System.getenv();
    String command = args[0];
    String file = option(args, "file", null);
    boolean checksums = java.util.Arrays.asList(args).contains("--checksums");
    String url = setting(args, env, "followthrough.database.url", "");
    String user = setting(args, env, "followthrough.database.user", "postgres");
    String password = setting(args, env, "followthrough.database.password", "");
    Path dataDir = Path.of(setting(args, env, "followthrough.data-dir", "./data")).toAbsolutePath();
    int port = Integer.parseInt(setting(args, env, "followthrough.database.embedded-port", "54329"));
    EmbeddedDatabase started = null;
    try {
      if (command.equals("restore") && file == null) throw new IllegalArgumentException("restore needs --file=<backup>");
      Backup.Target target;
      if (!url.isBlank()) {
        target = new Backup.Target(DatabaseConfiguration.jdbcUrl(url), user, password);
      } else {
        if (!listening(port)) {
          if (command.equals("backup") && !Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")))
            throw new IllegalArgumentException("no database in " + dataDir + " (set FOLLOWTHROUGH_DATA_DIR or FOLLOWTHROUGH_DATABASE_URL)");
          started = EmbeddedDatabase.start(dataDir, port);
        } else if (command.equals("restore")) {
          System.err.println("note: restoring into the PostgreSQL already listening on 127.0.0.1:" + port
              + " (it must be empty); for a fresh data directory stop the server or pass --followthrough.database.embedded-port=…");
        }
        target = new Backup.Target("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
      }
      if (command.equals("backup")) {
        Path out = Path.of(file != null ? file
            : "followthrough-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + ".ftbackup");
        Backup.Result r = Backup.backup(target, out, checksums);
        System.out.printf(Locale.ROOT, "backup %s: %d tables, %,d rows, %,d bytes, schema version %s, %.1f s%n", out.toAbsolutePath(),
            r.rows().size(), r.rows().values().stream().mapToLong(Long::longValue).sum(), r.bytes(), r.flywayVersion(), r.millis() / 1000.0);
      } else {
        Backup.Result r = Backup.restore(target, Path.of(file));
        System.out.printf(Locale.ROOT, "restored %s: %d tables, %,d rows, schema version %s, %.1f s%n", file, r.rows().size(),
            r.rows().values().stream().mapToLong(Long::longValue).sum(), r.flywayVersion(), r.millis() / 1000.0);
      }
      return 0;
    } catch (Exception e) {
      System.err.println(command + " failed: " + e.getMessage());
      return 1;
    } finally {
      if (started != null) {
        try {
          started.close();
        } catch (Exception e) {
          System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
        }
      }
    }
  }

  /** As Spring reads it: {@code --key=value}, then a system property, then the environment ({@code FOLLOWTHROUGH_DATA_DIR}). */
  static String setting(String[] args, Map<String, String> env, String key, String fallback) {
    String v = option(args, key, null);
    if (v != null) return v;
    if (System.getProperty(key) != null) return System.getProperty(key);
    String envName = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return env.getOrDefault(envName, fallback);
  }

  private static String option(String[] args, String key, String fallback) {
    for (String a : args) if (a.startsWith("--" + key + "=")) return a.substring(key.length() + 3);
    return fallback;
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
