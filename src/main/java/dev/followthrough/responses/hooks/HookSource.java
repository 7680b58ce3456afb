package dev.followthrough.responses.hooks;

import dev.followthrough.responses.domain.AccountData;
import dev.followthrough.responses.domain.ContactData;
import dev.followthrough.responses.domain.Kind;
import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.domain.Score;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A configured survey source: {@code POST /hooks/{key}}. The secret signs or authenticates its
 * deliveries; program, kind and touchpoint are stamped on every response it delivers; the mapping
 * names fields for vendors whose payload does not say which answer is the score (generic JSON
 * pointers, Typeform field refs, Formbricks question ids).
 */
public record HookSource(UUID id, String key, Vendor vendor, String secret, boolean enabled, String program,
                         Kind kind, String touchpoint, Map<String, String> mapping, Instant createdAt) {

  public static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("^[a-z0-9][a-z0-9_-]{0,39}$");

  public HookSource {
    mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
  }

  public String mapped(String name) {
    String v = mapping.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** A response from this source, with the source's defaults where the payload says nothing. */
  public ResponseCommand command(String sourceId, Score score, String comment, Instant respondedAt, String language,
                                 Map<String, Object> attributes, ContactData contact, AccountData account) {
    return new ResponseCommand(key, sourceId, score, comment, respondedAt, program, kind, touchpoint, language,
        attributes, contact, account);
  }

  public static ContactData contact(String externalId, String email, String name, Map<String, Object> attributes) {
    if (blank(externalId) && blank(email)) return null;
    return new ContactData(blank(externalId) ? null : externalId.strip(), blank(email) ? null : email.strip(),
        blank(name) ? null : name.strip(), null, attributes);
  }

  public static AccountData account(String externalId, String name) {
    if (blank(externalId)) return null;
    return new AccountData(externalId.strip(), blank(name) ? null : name.strip(), null, null, null, null, Map.of());
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
