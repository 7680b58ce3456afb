package dev.followthrough.responses.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON shapes of the response intake API for its OpenAPI document. The bodies are read by hand
 * ({@link ResponseRequestParser}, docs/adr/003), so these records only describe them; ApiDocumentTest
 * checks that the examples below fit these schemas and that the parser accepts the request examples.
 */
final class ResponseApiSchemas {

  private ResponseApiSchemas() {}

  static final String RESPONSE_EXAMPLE = """
      {"source": "api", "sourceId": "resp-1001", "score": 4, "comment": "Exports time out on big projects",
       "respondedAt": "2026-11-02T09:15:00Z", "program": "Relational Q4", "kind": "relational", "touchpoint": "renewal",
       "language": "en", "attributes": {"plan": "pro"},
       "contact": {"externalId": "c-77", "email": "dana@acme.example", "name": "Dana Ruiz", "role": "admin"},
       "account": {"externalId": "acme", "name": "Acme", "tier": "enterprise", "arr": 120000, "renewalDate": "2027-01-31",
                   "owner": "sam@us.example"}}""";

  static final String BATCH_EXAMPLE = """
      {"items": [{"source": "api", "sourceId": "resp-1002", "score": 9, "respondedAt": "2026-11-02T10:00:00Z",
                  "contact": {"externalId": "c-78", "email": "lee@acme.example"}, "account": {"externalId": "acme"}},
                 {"source": "api", "sourceId": "resp-1003", "score": 6, "comment": "Slow support",
                  "contact": {"externalId": "c-79"}}]}""";

  static final String STORED_EXAMPLE = """
      {"status": "recorded", "id": "0b8f4a3e-2a61-4d1e-9d55-4c1e1f0c9a01", "source": "api", "sourceId": "resp-1001",
       "score": 4, "category": "detractor", "comment": "Exports time out on big projects",
       "respondedAt": "2026-11-02T09:15:00Z", "receivedAt": "2026-11-02T09:15:02Z", "updatedAt": "2026-11-02T09:15:02Z",
       "program": "Relational Q4", "kind": "relational", "touchpoint": "renewal", "language": "en",
       "attributes": {"plan": "pro"}, "revision": 1,
       "contact": {"id": "5d0c9a4b-7f7e-4a57-8f55-1c3a2b9d0e11", "externalId": "c-77", "email": "dana@acme.example",
                   "name": "Dana Ruiz", "role": "admin", "attributes": {}},
       "account": {"id": "9a1e2b3c-4d5e-4f60-8a7b-6c5d4e3f2a10", "externalId": "acme", "name": "Acme", "tier": "enterprise",
                   "arr": 120000, "renewalDate": "2027-01-31", "owner": "sam@us.example", "attributes": {}}}""";

  static final String BATCH_RESULT_EXAMPLE = """
      {"summary": {"recorded": 1, "updated": 0, "duplicate": 0, "rejected": 1},
       "results": [{"index": 0, "status": "recorded", "id": "0b8f4a3e-2a61-4d1e-9d55-4c1e1f0c9a02", "category": "promoter"},
                   {"index": 1, "status": "rejected", "field": "score", "reason": "is required"}]}""";

  static final String LIST_EXAMPLE = """
      {"items": [], "total": 0, "page": 0, "size": 50}""";

  static final String ACCOUNT_EVENT_EXAMPLE = """
      {"kind": "churned", "date": "2026-10-31", "arrChange": -120000, "externalId": "crm-evt-42"}""";

  @Schema(name = "AccountEventRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
  record AccountEventRequest(
      @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"renewed", "churned", "downgraded", "expanded"}) String kind,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "date") LocalDate date,
      @Schema(description = "the change of ARR (negative for a loss)") BigDecimal arrChange,
      @Schema(maxLength = 200, description = "the event's id in the CRM; the same id again is a duplicate") String externalId) {}

  @Schema(name = "ResponseRequest", additionalProperties = AdditionalPropertiesValue.FALSE,
      description = "One NPS response. Unknown fields are refused (422 naming them); `source` + `sourceId` identify it: "
          + "sending it again is a duplicate, or an update when its content changed.")
  record ResponseRequest(
      @Schema(description = "the channel; default `api`", maxLength = 200) String source,
      @Schema(description = "the id in the source system; a whole number is taken as text", types = {"string", "integer"}) Object sourceId,
      @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = "10", description = "a whole number 0–10",
          types = {"integer"}) int score,
      @Schema(description = "the customer's comment") String comment,
      @Schema(description = "when the customer answered: ISO-8601 with offset, or a date", example = "2026-11-02T09:15:00Z") String respondedAt,
      String program,
      @Schema(allowableValues = {"relational", "transactional"}) String kind,
      String touchpoint,
      @Schema(description = "a language tag, e.g. `en`, `de`") String language,
      @Schema(description = "up to 100 simple values (string, number, boolean)") Map<String, Object> attributes,
      ContactRequest contact,
      AccountRequest account) {}

  @Schema(name = "ContactRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
  record ContactRequest(@Schema(types = {"string", "integer"}) Object externalId, @Schema(format = "email") String email,
                        String name, String role, Map<String, Object> attributes) {}

  @Schema(name = "AccountRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
  record AccountRequest(@Schema(types = {"string", "integer"}) Object externalId, String name,
                        @Schema(example = "enterprise") String tier,
                        @Schema(description = "annual recurring revenue") BigDecimal arr,
                        @Schema(format = "date") LocalDate renewalDate,
                        @Schema(description = "the account owner's email or name") String owner,
                        Map<String, Object> attributes) {}

  @Schema(name = "ResponseBatchRequest", additionalProperties = AdditionalPropertiesValue.FALSE,
      description = "up to `followthrough.api.max-batch-items` responses (a bare array is taken too)")
  record BatchRequest(@ArraySchema(schema = @Schema(implementation = ResponseRequest.class)) @Schema(requiredMode = RequiredMode.REQUIRED)
                      List<ResponseRequest> items) {}

  @Schema(name = "StoredResponse", description = "a stored response; `status` only in answers to POST")
  record StoredResponse(
      @Schema(allowableValues = {"recorded", "updated", "duplicate"}) String status,
      @Schema(requiredMode = RequiredMode.REQUIRED) UUID id,
      @Schema(requiredMode = RequiredMode.REQUIRED) String source,
      String sourceId,
      @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = "10") int score,
      @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"promoter", "passive", "detractor"}) String category,
      String comment, Instant respondedAt, Instant receivedAt, Instant updatedAt, String program,
      @Schema(allowableValues = {"relational", "transactional"}) String kind, String touchpoint, String language,
      Map<String, Object> attributes,
      @Schema(minimum = "1") int revision,
      StoredContact contact, StoredAccount account) {}

  @Schema(name = "StoredContact")
  record StoredContact(UUID id, String externalId, String email, String name, String role, Instant optedOutAt,
                       Map<String, Object> attributes) {}

  @Schema(name = "StoredAccount")
  record StoredAccount(UUID id, String externalId, String name, String tier, BigDecimal arr,
                       @Schema(format = "date") LocalDate renewalDate, String owner, Map<String, Object> attributes) {}

  @Schema(name = "ResponseBatchResult")
  record BatchResult(@Schema(requiredMode = RequiredMode.REQUIRED) BatchSummary summary,
                     @Schema(requiredMode = RequiredMode.REQUIRED) List<BatchItem> results) {}

  @Schema(name = "ResponseBatchSummary")
  record BatchSummary(long recorded, long updated, long duplicate, long rejected) {}

  @Schema(name = "ResponseBatchItem", description = "the outcome of one item, in the order sent")
  record BatchItem(@Schema(requiredMode = RequiredMode.REQUIRED) int index,
                   @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"recorded", "updated", "duplicate", "rejected"}) String status,
                   UUID id, @Schema(allowableValues = {"promoter", "passive", "detractor"}) String category, Integer revision,
                   @Schema(description = "rejected: the field at fault") String field,
                   @Schema(description = "rejected: why") String reason) {}

  @Schema(name = "ResponsePage")
  record ResponsePage(@Schema(requiredMode = RequiredMode.REQUIRED) List<StoredResponse> items,
                      long total, int page, int size) {}
}
