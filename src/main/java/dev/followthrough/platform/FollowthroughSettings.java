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
    @DefaultValue("") String secret,                // signs customer tokens, seals secrets at rest; required in production
    @DefaultValue("") String secretFile,            // a file holding the secret (wins over secret)
    @DefaultValue("") String previousSecrets,       // comma-separated earlier secrets: still open values sealed under them
    @DefaultValue("") String bootstrapApiKey,       // first admin API key on an empty database
    @DefaultValue("") String bootstrapAdminEmail,   // first console admin on an empty database
    @DefaultValue("") String bootstrapAdminPassword) {

  public FollowthroughSettings {
    if (secretFile != null && !secretFile.isBlank()) {
      try {
        secret = java.nio.file.Files.readString(Path.of(secretFile)).strip();
      } catch (java.io.IOException e) {
        throw new IllegalStateException("followthrough.secret-file " + secretFile + " cannot be read: " + e.getMessage(), e);
      }
    }
    if (production && (publicBaseUrl.isBlank() || secret.length() < 32)) {
      throw new IllegalStateException(
          "followthrough.production=true needs FOLLOWTHROUGH_PUBLIC_BASE_URL and a FOLLOWTHROUGH_SECRET of at least 32 characters");
    }
  }

  /** Earlier secrets, to open values sealed before a rotation. */
  public java.util.List<String> previousSecretList() {
    return java.util.Arrays.stream(previousSecrets == null ? new String[0] : previousSecrets.split(","))
        .map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  /** Never the secrets themselves: settings objects end up in logs and failure analyses. */
  @Override
  public String toString() {
    return "FollowthroughSettings[dataDir=" + dataDir + ", demo=" + demo + ", production=" + production
        + ", publicBaseUrl=" + publicBaseUrl + ", secret=" + (secret.isBlank() ? "(none)" : "(set)")
        + ", secretFile=" + secretFile + ", previousSecrets=" + previousSecretList().size()
        + ", bootstrapAdminEmail=" + bootstrapAdminEmail + "]";
  }
}
