package dev.followthrough.platform;

import java.util.Locale;

/** Console and API roles; each includes the rights of the ones below it. */
public enum Role {
  ADMIN, MANAGER, AGENT, VIEWER;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String authority() {
    return "ROLE_" + name();
  }

  public static Role parse(String value) {
    try {
      return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("role must be one of admin, manager, agent, viewer; was " + value);
    }
  }
}
