package dev.followthrough.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 living in {@code <data-dir>/postgres}, run by zonky's embedded binaries.
 *
 * <p>zonky's defaults are made for throwaway test databases; this class makes them durable: fsync
 * and synchronous commit on, data outside zonky's working directory (which it cleans), binaries
 * under the data directory instead of /tmp, and a fixed port. After a {@code kill -9} of the JVM the
 * postmaster survives as an orphan holding the data directory; we stop it cleanly before starting.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  public static EmbeddedDatabase start(Path dataDir, int port) {
    try {
      Path pgData = dataDir.resolve("postgres").toAbsolutePath();
      Path runtime = dataDir.resolve("runtime").toAbsolutePath();
      Files.createDirectories(pgData.getParent());
      Files.createDirectories(runtime);
      stopOrphan(pgData);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(runtime.toFile())
          .setPort(port)
          .setRegisterShutdownHook(false) // Spring stops it, after the connection pool
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("max_connections", "200")
          .setServerConfig("shared_buffers", "256MB")
          .setServerConfig("listen_addresses", "127.0.0.1")
          .start();
      log.info("Embedded PostgreSQL listening on 127.0.0.1:{} with data in {}", port, pgData);
      return new EmbeddedDatabase(pg, port);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  /** A postmaster left behind by a killed JVM still owns the directory: ask it to shut down. */
  static void stopOrphan(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) return;
    // zonky holds a file lock on epg-lock while its JVM lives: if we cannot take it, the postmaster
    // is not an orphan but another running Followthrough's database, and it must not be touched.
    Path lock = pgData.resolve("epg-lock");
    if (Files.exists(lock)) {
      try (var channel = java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.WRITE);
           var held = channel.tryLock()) {
        if (held == null) {
          throw new IllegalStateException("the data directory " + pgData + " is in use by another running "
              + "Followthrough; stop it first or set FOLLOWTHROUGH_DATA_DIR to another directory");
        }
      } catch (java.nio.channels.OverlappingFileLockException e) {
        throw new IllegalStateException("the data directory " + pgData + " is already in use by this process", e);
      }
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) return;
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (handle.isEmpty()) return;
    boolean isPostgres = handle.get().info().command().map(c -> c.contains("postgres")).orElse(true);
    if (!isPostgres) return;
    log.warn("Found an orphaned PostgreSQL (pid {}) from an earlier run; shutting it down", pid);
    // SIGINT = fast shutdown: rolls back the dead JVM's open transactions, checkpoints, exits.
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      handle.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("orphaned PostgreSQL pid " + pid + " did not stop; stop it and retry", e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
