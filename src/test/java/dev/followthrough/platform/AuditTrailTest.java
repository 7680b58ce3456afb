package dev.followthrough.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests leave an audit entry (the route table, without a server). */
class AuditTrailTest {

  @Test
  void security_relevant_routes_are_named_and_harmless_ones_are_not() {
    assertThat(AuditTrail.actionOf("POST", "/api/v1/api-keys")).isEqualTo("api_key.created");
    assertThat(AuditTrail.actionOf("DELETE", "/api/v1/api-keys/5f0c")).isEqualTo("api_key.revoked");
    assertThat(AuditTrail.actionOf("POST", "/settings/api-keys/5f0c/revoke")).isEqualTo("api_key.revoked");
    assertThat(AuditTrail.actionOf("POST", "/settings/users")).isEqualTo("user.created");
    assertThat(AuditTrail.actionOf("PUT", "/api/v1/rules/abc")).isEqualTo("rule.changed");
    assertThat(AuditTrail.actionOf("DELETE", "/api/v1/rules/abc")).isEqualTo("rule.changed");
    assertThat(AuditTrail.actionOf("POST", "/rules/abc/enabled")).isEqualTo("rule.changed");
    assertThat(AuditTrail.actionOf("POST", "/api/v1/rules/test")).isEqualTo("rule.tested");
    assertThat(AuditTrail.actionOf("PUT", "/api/v1/codebook")).isEqualTo("codebook.changed");
    assertThat(AuditTrail.actionOf("GET", "/api/v1/export")).isEqualTo("export");
    assertThat(AuditTrail.actionOf("GET", "/api/v1/contacts/5f0c/personal-data")).isEqualTo("personal_data.exported");
    assertThat(AuditTrail.actionOf("DELETE", "/api/v1/contacts/5f0c/personal-data")).isEqualTo("personal_data.erased");
    assertThat(AuditTrail.actionOf("POST", "/insights/codebook")).isEqualTo("codebook.changed");
    assertThat(AuditTrail.actionOf("GET", "/api/v1/rules/export")).isEqualTo("export");
    assertThat(AuditTrail.actionOf("GET", "/insights/codebook/export")).isEqualTo("export");
    assertThat(AuditTrail.actionOf("POST", "/api/v1/secrets/reseal")).isEqualTo("secrets.resealed");
    assertThat(AuditTrail.actionOf("POST", "/settings/sources/typeform-1/rotate")).isEqualTo("secret.rotated");
    assertThat(AuditTrail.actionOf("POST", "/api/v1/survey-widget/secret/rotate")).isEqualTo("secret.rotated");
    assertThat(AuditTrail.actionOf("POST", "/api/v1/imports/responses")).isEqualTo("import");

    assertThat(AuditTrail.actionOf("GET", "/api/v1/rules")).isNull();
    assertThat(AuditTrail.actionOf("POST", "/api/v1/responses")).isNull();
    assertThat(AuditTrail.actionOf("GET", "/api/v1/api-keys")).isNull();
  }
}
