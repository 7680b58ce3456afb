package dev.followthrough.web;

import dev.followthrough.responses.hooks.HookDelivery;
import dev.followthrough.responses.hooks.HookSource;
import dev.followthrough.responses.hooks.Vendor;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The survey sources pages: the list with its create form, and one source with its URL, secret and delivery log. */
public final class HooksView {

  private HooksView() {}

  public record Row(String key, String vendor, boolean enabled, String url) {}

  public record Form(String key, String vendor, String program, String kind, String touchpoint, String secret,
                     Map<String, String> mapping) {
    public String mapped(String field) {
      return mapping == null ? "" : mapping.getOrDefault(field, "");
    }
  }

  public record ListPage(List<Row> sources, Form form, String error) {
    public List<Vendor> vendors() {
      return List.of(Vendor.values());
    }

    public List<String> mappable() {
      return List.of("score", "sourceId", "comment", "email", "externalId", "name", "accountId", "accountName",
          "respondedAt", "language");
    }
  }

  /**
   * {@code secret} is set only when the admin asked to reveal it (or it was just created or rotated:
   * {@code fresh}); {@code testStatus} and {@code testBody} are the last "send test" answer.
   */
  public record DetailPage(HookSource source, String url, String pasteUrl, String secret, boolean fresh,
                           List<HookDelivery> deliveries, Integer testStatus, String testBody, String notice, String error,
                           ZoneId zone) {
    public String tone(String outcome) {
      return switch (outcome) {
        case "accepted", "updated" -> "ok";
        case "duplicate", "ignored" -> "noise";
        default -> "risk";
      };
    }

    public boolean testPassed() {
      return testStatus != null && testStatus >= 200 && testStatus < 300;
    }
  }
}
