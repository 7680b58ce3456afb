package dev.followthrough.responses.hooks;

import static dev.followthrough.responses.hooks.Fields.*;

import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.domain.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Any JSON sender: the source's mapping names a JSON pointer per field ({@code score},
 * {@code sourceId}, {@code comment}, {@code email}, {@code externalId}, {@code name},
 * {@code accountId}, {@code accountName}, {@code respondedAt}, {@code language}); unmapped fields use
 * {@link #DEFAULTS}. A body that is an array is a batch. Authenticated by Standard Webhooks
 * headers when the sender signs, else by the source's token.
 */
final class GenericAdapter implements VendorAdapter {

  static final Map<String, String> DEFAULTS = Map.of("score", "/score", "sourceId", "/id", "comment", "/comment",
      "email", "/email", "externalId", "/externalId", "name", "/name", "accountId", "/accountId",
      "accountName", "/accountName", "respondedAt", "/respondedAt", "language", "/language");

  static final List<String> FIELDS = List.of("score", "sourceId", "comment", "email", "externalId", "name", "accountId",
      "accountName", "respondedAt", "language");

  @Override
  public Verification verify(HookRequest r, String secret, Instant now) {
    return r.header("webhook-signature") != null ? Signatures.standardWebhooks(r, secret, now) : Signatures.token(r, secret);
  }

  /** A mapping value must be a JSON pointer ("/data/nps"); the reason if not, else null. */
  static String invalidPointer(String pointer) {
    try {
      JsonPointer.compile(pointer);
      return pointer.isEmpty() || !pointer.startsWith("/") ? "must be a JSON pointer such as /data/score" : null;
    } catch (IllegalArgumentException e) {
      return "must be a JSON pointer such as /data/score";
    }
  }

  @Override
  public Parsed parse(HookRequest r, HookSource source) {
    return Fields.parse(r, root -> {
      List<JsonNode> items = new ArrayList<>();
      if (root.isArray()) root.forEach(items::add);
      else items.add(root);
      List<ResponseCommand> out = new ArrayList<>();
      for (JsonNode item : items) {
        if (!item.isObject()) throw new Bad("body", "must be a JSON object (or an array of them)");
        Score score = score(item.at(pointer(source, "score")), pointer(source, "score"), true);
        out.add(source.command(value(item, source, "sourceId"), score, value(item, source, "comment"),
            instant(item.at(pointer(source, "respondedAt")), pointer(source, "respondedAt")), value(item, source, "language"),
            Map.of(),
            HookSource.contact(value(item, source, "externalId"), value(item, source, "email"), value(item, source, "name"), Map.of()),
            HookSource.account(value(item, source, "accountId"), value(item, source, "accountName"))));
      }
      return new Parsed.Commands(out);
    });
  }

  private static String pointer(HookSource source, String field) {
    String p = source.mapped(field);
    return p != null ? p : DEFAULTS.get(field);
  }

  private static String value(JsonNode item, HookSource source, String field) {
    String p = pointer(source, field);
    return text(item.at(p), p);
  }
}
