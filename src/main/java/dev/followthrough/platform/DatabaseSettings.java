package dev.followthrough.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Blank {@code url} means the embedded PostgreSQL under the data directory. */
@ConfigurationProperties("followthrough.database")
public record DatabaseSettings(
    @DefaultValue("") String url,
    @DefaultValue("postgres") String user,
    @DefaultValue("") String password,
    @DefaultValue("54329") int embeddedPort,   // fixed, so a restart after kill -9 finds the orphan
    @DefaultValue("40") int poolSize) {

  public boolean embedded() {
    return url == null || url.isBlank();
  }
}
