package dev.followthrough.followup.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The JSON bodies of the case commands for the OpenAPI document. {@link CaseController} reads them by hand
 * ({@code Json.only} refuses unknown fields), so these records only describe them; ApiDocumentTest checks
 * that the examples fit.
 */
final class CaseApiSchemas {

  private CaseApiSchemas() {}

  static final String STATUS_EXAMPLE = """
      {"to": "contacted"}""";
  static final String CLOSE_EXAMPLE = """
      {"outcome": "resolved", "rootCause": "exports time out above 50,000 rows", "action": "moved the account to the async export"}""";
  static final String REOPEN_EXAMPLE = """
      {"reason": "the customer wrote back: still slow"}""";
  static final String ASSIGN_EXAMPLE = """
      {"owner": "sam@us.example", "team": "cx-leads", "reason": "owns the account"}""";
  static final String ASSIGN_ALL_EXAMPLE = """
      {"ids": ["3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b"], "owner": "sam@us.example", "reason": "holiday cover"}""";
  static final String ESCALATE_EXAMPLE = """
      {"reason": "the customer threatens to cancel"}""";
  static final String ATTEMPT_EXAMPLE = """
      {"channel": "call", "result": "reached", "note": "talked for 20 minutes"}""";
  static final String NOTE_EXAMPLE = """
      {"text": "asked the product team about the export limit"}""";
  static final String OUTCOME_EXAMPLE = """
      {"summary": "exports of large projects time out", "rootCause": "synchronous export", "action": "async export",
       "commitment": "call back when shipped", "commitmentDue": "2026-12-15"}""";

  @Schema(name = "CaseStatusChange", additionalProperties = AdditionalPropertiesValue.FALSE)
  record StatusChange(@Schema(requiredMode = RequiredMode.REQUIRED,
      allowableValues = {"contacted", "in_conversation", "awaiting_action"}) String to) {}

  @Schema(name = "CaseClose", additionalProperties = AdditionalPropertiesValue.FALSE,
      description = "closing as `resolved` needs a root cause and an action (followthrough.followup.require-diagnosis-to-resolve)")
  record Close(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"resolved", "not_resolved", "no_response"}) String outcome,
               String rootCause, String action) {}

  @Schema(name = "CaseReason", additionalProperties = AdditionalPropertiesValue.FALSE)
  record Reason(@Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1) String reason) {}

  @Schema(name = "CaseAssign", additionalProperties = AdditionalPropertiesValue.FALSE)
  record Assign(@Schema(description = "a console user's email or name") String owner, String team, String reason) {}

  @Schema(name = "CaseAssignAll", additionalProperties = AdditionalPropertiesValue.FALSE)
  record AssignAll(@Schema(requiredMode = RequiredMode.REQUIRED) @ArraySchema(maxItems = 500) List<UUID> ids,
                   String owner, String team, String reason) {}

  @Schema(name = "CaseAttempt", additionalProperties = AdditionalPropertiesValue.FALSE,
      description = "a contact attempt; the first one meets the SLA")
  record Attempt(@Schema(requiredMode = RequiredMode.REQUIRED, example = "call") String channel,
                 @Schema(requiredMode = RequiredMode.REQUIRED, example = "reached") String result, String note) {}

  @Schema(name = "CaseNote", additionalProperties = AdditionalPropertiesValue.FALSE)
  record Note(@Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1) String text) {}

  @Schema(name = "CaseOutcome", additionalProperties = AdditionalPropertiesValue.FALSE,
      description = "absent fields keep their values")
  record Outcome(String summary, String rootCause, String action, String commitment,
                 @Schema(format = "date") LocalDate commitmentDue) {}
}
