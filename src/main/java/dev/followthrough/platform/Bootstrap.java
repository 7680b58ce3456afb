package dev.followthrough.platform;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty database: the first console admin and the first admin API key, from the bootstrap
 * settings or generated and printed once (they are stored hashed and cannot be shown again).
 */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

  private final FollowthroughSettings settings;
  private final Users users;
  private final ApiKeys keys;

  Bootstrap(FollowthroughSettings settings, Users users, ApiKeys keys) {
    this.settings = settings;
    this.users = users;
    this.keys = keys;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Two nodes starting on one empty database both see "empty": the unique indexes make one of them lose.
    try {
      if (users.isEmpty()) {
        String email = settings.bootstrapAdminEmail().isBlank() ? "admin@followthrough.local" : settings.bootstrapAdminEmail();
        boolean generated = settings.bootstrapAdminPassword().isBlank();
        String password = generated ? randomSecret(18) : settings.bootstrapAdminPassword();
        users.create(email, "Administrator", password, Role.ADMIN);
        if (generated) {
          banner("First admin created — log in at /login with\n    email:    " + email + "\n    password: " + password
              + "\n  (shown once; set FOLLOWTHROUGH_BOOTSTRAP_ADMIN_PASSWORD to choose it)");
        } else {
          log.info("First admin {} created from FOLLOWTHROUGH_BOOTSTRAP_ADMIN_EMAIL/_PASSWORD", email);
        }
      }
      if (keys.isEmpty()) {
        if (settings.bootstrapApiKey().isBlank()) {
          var created = keys.create("bootstrap", Role.ADMIN, "bootstrap");
          banner("First admin API key (shown once):\n    " + created.token());
        } else {
          keys.register("bootstrap", Role.ADMIN, "bootstrap", settings.bootstrapApiKey());
          log.info("First admin API key registered from FOLLOWTHROUGH_BOOTSTRAP_API_KEY");
        }
      }
    } catch (org.springframework.dao.DuplicateKeyException e) {
      log.info("Another node bootstrapped this database first");
    }
  }

  private static void banner(String text) {
    String line = "=".repeat(72);
    System.out.println("\n" + line + "\n  " + text + "\n" + line + "\n");
  }

  static String randomSecret(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
