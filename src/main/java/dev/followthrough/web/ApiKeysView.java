package dev.followthrough.web;

import dev.followthrough.platform.ApiKeys;
import dev.followthrough.platform.Role;
import java.time.ZoneId;
import java.util.List;

/** The API keys page; {@code createdToken} is a new key's token, which exists only for this one rendering. */
public record ApiKeysView(List<ApiKeys.ApiKey> keys, KeyForm form, String error, String createdName,
                          String createdToken, String notice, ZoneId zone) {

  public record KeyForm(String name, String role) {}

  public List<Role> roles() {
    return List.of(Role.values());
  }

  public long active() {
    return keys.stream().filter(k -> k.revokedAt() == null).count();
  }
}
