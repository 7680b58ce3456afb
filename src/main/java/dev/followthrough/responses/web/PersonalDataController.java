package dev.followthrough.responses.web;

import dev.followthrough.platform.PersonalData;
import dev.followthrough.platform.Problems;
import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A data subject's rights, admin only: {@code GET /api/v1/contacts/{id}/personal-data} is everything every module
 * holds about the contact (GDPR access); {@code DELETE} erases it — identity and free text removed, transcripts
 * deleted, scores, dates and counts kept, so the program's numbers stay as they were. {@code {id}} is our uuid or
 * the contact's external id. Both are logged with the admin who asked, and recorded in the audit log (platform.AuditTrail).
 */
@RestController
class PersonalDataController {

  private static final Logger audit = LoggerFactory.getLogger("dev.followthrough.audit");

  private final List<PersonalData> modules;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  PersonalDataController(List<PersonalData> modules, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.modules = modules;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "Everything held about one contact (data subject access)")
  @PreAuthorize("hasRole('ADMIN')")
  @GetMapping("/api/v1/contacts/{id}/personal-data")
  ResponseEntity<?> export(@PathVariable String id, Principal who) {
    return find(id).<ResponseEntity<?>>map(contact -> {
      PersonalData.Subject subject = subject(contact);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("contactId", contact);
      out.put("exportedAt", clock.instant());
      Map<String, Object> sections = new LinkedHashMap<>();
      for (PersonalData m : modules) sections.put(m.section(), m.export(subject));
      out.put("sections", sections);
      audit.info("personal data of contact {} exported by {}", contact, who.getName());
      return ResponseEntity.ok(out);
    }).orElseGet(PersonalDataController::missing);
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "Erase one contact's personal data (pseudonymise; counts kept)",
      description = "Needs `?confirm=<the contact's uuid>` so a typo cannot erase someone else.")
  @PreAuthorize("hasRole('ADMIN')")
  @DeleteMapping("/api/v1/contacts/{id}/personal-data")
  ResponseEntity<?> erase(@PathVariable String id, @RequestParam(required = false) String confirm, Principal who) {
    Optional<UUID> found = find(id);
    if (found.isEmpty()) return missing();
    UUID contact = found.get();
    if (!contact.toString().equals(confirm))
      return Problems.unprocessable("confirm", "must be the contact's id (" + contact + ") to erase their data");
    Map<String, Object> erased = tx.execute(status -> {
      PersonalData.Subject subject = subject(contact);
      Map<String, Object> out = new LinkedHashMap<>();
      for (PersonalData m : modules) out.put(m.section(), m.erase(subject));
      return out;
    });
    audit.info("personal data of contact {} erased by {}: {}", contact, who.getName(), erased);
    return ResponseEntity.ok(Map.of("contactId", contact, "erasedAt", clock.instant(), "erased", erased));
  }

  private PersonalData.Subject subject(UUID contact) {
    Set<UUID> records = new LinkedHashSet<>();
    for (PersonalData m : modules) records.addAll(m.records(contact));
    return new PersonalData.Subject(contact, records);
  }

  private Optional<UUID> find(String id) {
    return jdbc.sql("SELECT id FROM responses_contact WHERE id::text = :id OR external_id = :id LIMIT 1")
        .param("id", id).query(UUID.class).optional();
  }

  private static ResponseEntity<?> missing() {
    return Problems.response(Problems.withField(HttpStatus.NOT_FOUND, "No such contact", "id", "no contact has this id or external id"));
  }
}
