package dev.followthrough.responses.web;

import dev.followthrough.platform.Problems;
import dev.followthrough.responses.ContactPreferences;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/contacts/{id}/opt-out} records an opt-out; {@code DELETE} takes it back. */
@RestController
@RequestMapping("/api/v1/contacts/{id}/opt-out")
class ContactController {

  private final ContactPreferences preferences;

  ContactController(ContactPreferences preferences) {
    this.preferences = preferences;
  }

  @PostMapping
  ResponseEntity<?> optOut(@PathVariable String id) {
    return set(id, true);
  }

  @DeleteMapping
  ResponseEntity<?> optIn(@PathVariable String id) {
    return set(id, false);
  }

  private ResponseEntity<?> set(String id, boolean optedOut) {
    UUID contactId;
    try {
      contactId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Problems.response(Problems.withField(HttpStatus.BAD_REQUEST, "Invalid contact id", "id", "must be a UUID"));
    }
    if (!preferences.setOptedOut(contactId, optedOut)) {
      return Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "No such contact", "id", "no contact has this id"));
    }
    return ResponseEntity.ok(Map.of("contactId", contactId, "optedOut", optedOut));
  }
}
