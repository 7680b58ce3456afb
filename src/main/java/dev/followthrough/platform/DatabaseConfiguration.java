package dev.followthrough.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  /** Holds the embedded server, if any, so Spring stops it after the pool has closed. */
  record EmbeddedServer(Optional<EmbeddedDatabase> database) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (database.isPresent()) database.get().close();
    }
  }

  @Bean(destroyMethod = "close")
  EmbeddedServer embeddedServer(DatabaseSettings db, FollowthroughSettings settings) {
    return new EmbeddedServer(db.embedded()
        ? Optional.of(EmbeddedDatabase.start(settings.dataDir(), db.embeddedPort()))
        : Optional.empty());
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(DatabaseSettings db, EmbeddedServer server) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("followthrough");
    config.setJdbcUrl(server.database().map(EmbeddedDatabase::jdbcUrl).orElseGet(() -> jdbcUrl(db.url())));
    config.setUsername(db.user());
    if (!db.password().isBlank()) config.setPassword(db.password());
    config.setMaximumPoolSize(db.poolSize());
    // batch inserts become multi-row INSERTs on the wire
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    return new HikariDataSource(config);
  }

  /** Accepts a JDBC URL or the libpq form {@code postgresql://host:port/db} (credentials go in _USER/_PASSWORD). */
  static String jdbcUrl(String url) {
    String u = url.trim();
    if (u.startsWith("jdbc:")) return u;
    if (u.startsWith("postgres://")) return "jdbc:postgresql://" + u.substring("postgres://".length());
    if (u.startsWith("postgresql://")) return "jdbc:" + u;
    throw new IllegalStateException("FOLLOWTHROUGH_DATABASE_URL must look like jdbc:postgresql://host:5432/db or postgresql://host:5432/db");
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
