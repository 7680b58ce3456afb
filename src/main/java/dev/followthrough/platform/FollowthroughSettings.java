package dev.followthrough.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workspace-wide settings. Each key is overridable by environment variable, e.g.
 * {@code followthrough.data-dir} ⇄ {@code FOLLOWTHROUGH_DATA_DIR}.
 */
@ConfigurationProperties("followthrough")
public record FollowthroughSettings(
    @DefaultValue("./data") Path dataDir,          // embedded database, caches
    @DefaultValue("false") boolean demo,            // load the demo program on an empty database
    @DefaultValue("false") boolean production,      // refuse to start without base URL and secret
    @DefaultValue("") String publicBaseUrl,         // how customers and links reach this server
    @DefaultValue("") String secret,                // signs customer tokens; required in production
    @DefaultValue("") String bootstrapApiKey,       // first admin API key on an empty database
    @DefaultValue("") String bootstrapAdminEmail,   // first console admin on an empty database
    @DefaultValue("") String bootstrapAdminPassword) {

  public FollowthroughSettings {
    if (production && (publicBaseUrl.isBlank() || secret.length() < 32)) {
      throw new IllegalStateException(
          "followthrough.production=true needs FOLLOWTHROUGH_PUBLIC_BASE_URL and a FOLLOWTHROUGH_SECRET of at least 32 characters");
    }
  }
}
