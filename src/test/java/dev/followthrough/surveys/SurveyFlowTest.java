package dev.followthrough.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.outreach.Links;
import dev.followthrough.surveys.domain.WidgetSignature;
import dev.followthrough.support.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Survey distribution over HTTP against the real database and SMTP server. */
class SurveyFlowTest extends SurveyFixtures {

  @Autowired Links links;

  @Test
  void the_programs_api_names_the_wrong_field_and_creates_reads_and_updates_programs() {
    Reply bad = post("/api/v1/survey-programs", """
        {"name": "Q", "kind": "relational", "cadenceMonths": 4, "startsOn": "2027-01-01"}""");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.contentType()).contains("application/problem+json");
    assertThat(bad.json().get("field").asString()).isEqualTo("cadenceMonths");
    assertThat(post("/api/v1/survey-programs", "{\"name\": \"Q\", \"kind\": \"weekly\"}").json().get("field").asString())
        .isEqualTo("kind");
    assertThat(post("/api/v1/survey-programs", "{\"name\": \"Q\", \"colour\": \"red\"}").json().get("field").asString())
        .isEqualTo("colour");

    String tag = unique("tag");
    UUID id = relational(tag, ", \"cohorts\": 3, \"reminders\": [{\"afterDays\": 3, \"template\": \"survey.reminder\"}]");
    Reply one = get("/api/v1/survey-programs/" + id);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("cohorts").asInt()).isEqualTo(3);
    assertThat(one.json().get("reminders").get(0).get("afterDays").asInt()).isEqualTo(3);
    assertThat(get("/api/v1/survey-programs").body()).contains(id.toString());

    String name = one.json().get("name").asString();
    Reply changed = put("/api/v1/survey-programs/" + id, """
        {"name": "%s", "kind": "relational", "cadenceMonths": 6, "startsOn": "2027-01-01", "active": false}""".formatted(name));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("cadenceMonths").asInt()).isEqualTo(6);
    assertThat(changed.json().get("active").asBoolean()).isFalse();
    assertThat(get("/api/v1/survey-programs/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void a_relational_wave_plans_each_contact_once_on_weekday_mornings_and_sends_each_survey_once() {
    String tag = unique("tag");
    String[] addresses = {email("w1"), email("w2"), email("w3"), email("w4")};
    UUID berlin = contact(tag, addresses[0], null, "Europe/Berlin");
    for (int i = 1; i < addresses.length; i++) contact(tag, addresses[i], null, i == 1 ? "America/New_York" : null);
    UUID id = relational(tag, "");

    var projection = get("/api/v1/survey-programs/" + id + "/projection").json();
    assertThat(projection.get("audienceSize").asInt()).isEqualTo(4);

    waves.planWaves(now());
    waves.planWaves(now()); // a restart or a second tick plans nothing more
    List<SurveySend> planned = sends(id);
    assertThat(planned).hasSize(4).allMatch(s -> s.status().equals("planned") && s.occasion().equals("p0"));
    ZonedDateTime local = sendOf(id, berlin).sendAt().atZone(ZoneId.of("Europe/Berlin"));
    assertThat(local.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
    assertThat(local.getHour()).isBetween(9, 10);

    sendNow(id);
    sendNow(id);
    for (String a : addresses) {
      var mail = awaitMail(a);
      assertThat(text(mail)).contains("?score=0").contains("?score=10");
      assertThat(html(mail)).contains("data-score=\"10\"");
    }
    assertThat(sends(id)).allMatch(s -> s.status().equals("sent"));
    for (String a : addresses) assertThat(mailTo(a)).hasSize(1);
    assertThat(get("/api/v1/survey-programs/" + id).json().get("stats").get("sent").asInt()).isEqualTo(4);
  }

  @Test
  void fatigue_skips_opt_outs_missing_addresses_recent_surveys_and_full_accounts_each_with_its_reason() {
    String tag = unique("tag");
    UUID acct = account("enterprise");
    UUID optedOut = contact(tag, email("out"), null, null);
    jdbc.sql("UPDATE responses_contact SET opted_out_at = now() WHERE id = ?").param(optedOut).update();
    UUID noEmail = contact(tag, null, null, null);
    UUID recent = contact(tag, email("recent"), null, null);
    UUID first = contact(tag, email("first"), acct, null);
    UUID second = contact(tag, email("second"), acct, null);

    // the recent contact answered another program's survey 10 days ago
    String event = unique("ticket_closed");
    UUID other = transactional(event, "");
    post("/api/v1/events", "{\"type\": \"%s\", \"contact\": \"%s\"}".formatted(event, externalId(recent)));
    sendNow(other);
    jdbc.sql("UPDATE surveys_send SET sent_at = ? WHERE program_id = ?")
        .params(Timestamp.from(now().minus(Duration.ofDays(10))), other).update();

    UUID id = relational(tag, ", \"accountBudget\": 1");
    waves.planWaves(now());
    sendNow(id);

    assertThat(sendOf(id, optedOut).reason()).isEqualTo("opted out");
    assertThat(sendOf(id, noEmail).reason()).isEqualTo("no email address");
    assertThat(sendOf(id, recent).reason()).startsWith("contact cooldown").contains("90 days");
    List<SurveySend> account = List.of(sendOf(id, first), sendOf(id, second));
    assertThat(account).extracting(SurveySend::status).containsExactlyInAnyOrder("sent", "skipped");
    assertThat(account).filteredOn(s -> s.status().equals("skipped")).first()
        .satisfies(s -> assertThat(s.reason()).startsWith("account budget: 1 of 1"));
    var stats = get("/api/v1/survey-programs/" + id).json().get("stats");
    assertThat(stats.get("skipped").asInt()).isEqualTo(4);
    assertThat(stats.get("skipReasons").get("account budget").asInt()).isEqualTo(1);
    assertThat(get("/api/v1/contacts/" + recent + "/surveys").json().get("items")).hasSize(2);
  }

  @Test
  void an_event_plans_a_transactional_survey_after_its_delay_once_per_event_id() {
    String type = unique("purchase_completed");
    UUID id = transactional(type, ", \"delayMinutes\": 60, \"touchpoint\": \"checkout\"");
    String address = email("buyer");
    UUID c = contact(unique("tag"), address, null, null);

    Reply unknown = post("/api/v1/events", "{\"type\": \"%s\", \"contact\": \"nobody-%s\"}".formatted(type, UUID.randomUUID()));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("field").asString()).isEqualTo("contact");
    assertThat(post("/api/v1/events", "{\"contact\": \"x\"}").json().get("field").asString()).isEqualTo("type");

    String body = "{\"id\": \"%s\", \"type\": \"%s\", \"contact\": \"%s\"}".formatted(unique("evt"), type, externalId(c));
    Reply accepted = post("/api/v1/events", body);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.json().get("sends")).hasSize(1);
    assertThat(post("/api/v1/events", body).json().get("duplicate").asBoolean()).isTrue();

    waves.sendDue(now());
    assertThat(sendOf(id, c).status()).isEqualTo("planned");
    TestClock.INSTANCE.advance(Duration.ofMinutes(61));
    waves.sendDue(now());
    assertThat(sendOf(id, c).status()).isEqualTo("sent");
    assertThat(sendOf(id, c).touchpoint()).isEqualTo("checkout");
    awaitMail(address);
    assertThat(mailTo(address)).hasSize(1);
  }

  @Test
  void one_click_opens_the_page_without_recording_and_the_post_records_then_a_changed_score_is_a_new_revision() {
    Surveyed x = surveyedByEmail("click", null, "");
    UUID c = x.contact();
    UUID id = x.program();
    String link = scaleLink(x.mail(), 9);
    String path = link.substring(0, link.indexOf('?'));

    Reply opened = page("GET", link, BROWSER);
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.body()).contains("data-autosubmit=\"1\"").contains("Confirm my score")
        .contains("What is the primary reason for your score?").containsPattern("value=\"9\"\\s+required\\s+checked");
    assertThat(sendOf(id, c).status()).isEqualTo("sent"); // a GET records nothing

    Reply saved = form(path, Map.of("score", "9", "via", "email"), BROWSER);
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body()).contains("data-testid=\"thanks\"");
    SurveySend answered = sendOf(id, c);
    assertThat(answered.status()).isEqualTo("responded");
    assertThat(answered.score()).isEqualTo(9);
    UUID response = answered.responseId();
    assertThat(form(path, Map.of("score", "9", "via", "email"), BROWSER).status()).isEqualTo(200); // idempotent

    Reply changed = form(path, Map.of("score", "6", "comment", "Exports <b>time out</b>", "followUpOptIn", "1"), BROWSER);
    assertThat(changed.status()).isEqualTo(200);
    var row = jdbc.sql("SELECT score, comment, revision, source, source_id, attributes->>'followUpOptIn' FROM responses_response WHERE id = ?")
        .param(response).query((rs, i) -> List.of(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            rs.getString(5), rs.getString(6))).single();
    assertThat(row).containsExactly(6, "Exports <b>time out</b>", 2, "survey", "send:" + answered.id(), "true");
    assertThat(jdbc.sql("SELECT count(*) FROM responses_response WHERE source_id = ?").param("send:" + answered.id())
        .query(Long.class).single()).isEqualTo(1);
    assertThat(sendOf(id, c).score()).isEqualTo(6);
    // the page shows the saved answer, escaped
    assertThat(page("GET", path, BROWSER).body()).contains("Exports &lt;b&gt;time out&lt;/b&gt;").contains("data-state=\"thanks\"");
  }

  @Test
  void scanners_that_hit_every_scale_link_head_requests_and_scanner_agents_record_nothing() {
    Surveyed x = surveyedByEmail("scanned", null, "");
    UUID c = x.contact();
    UUID id = x.program();
    var mail = x.mail();
    String path = scaleLink(mail, 0).substring(0, scaleLink(mail, 0).indexOf('?'));

    assertThat(page("HEAD", path + "?score=3", BROWSER).status()).isEqualTo(200);
    assertThat(page("GET", path + "?score=4", "Mozilla/5.0 (compatible; Barracuda Sentinel (EE))").body())
        .contains("data-autosubmit=\"0\"");
    for (int s = 0; s <= 10; s++) page("GET", scaleLink(mail, s), BROWSER);
    Reply scannerPost = form(path, Map.of("score", "10", "via", "email"), BROWSER);
    assertThat(scannerPost.status()).isEqualTo(403);
    assertThat(sendOf(id, c).status()).isEqualTo("sent");
    assertThat(jdbc.sql("SELECT count(*) FROM responses_response WHERE source_id = ?").param("send:" + sendOf(id, c).id())
        .query(Long.class).single()).isZero();
    List<String> reasons = jdbc.sql("SELECT reason FROM surveys_bot_hit WHERE send_id = ? ORDER BY id")
        .param(sendOf(id, c).id()).query(String.class).list();
    assertThat(reasons).contains("HEAD request").anyMatch(r -> r.contains("barracuda"))
        .anyMatch(r -> r.contains("scale links hit within 1000 ms"));
    assertThat(get("/api/v1/survey-programs/" + id).json().get("botHits").asInt()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void the_widget_asks_only_contacts_with_an_in_app_survey_due_and_refuses_tampered_expired_and_replayed_signatures() {
    String secret = post("/api/v1/survey-widget/secret/rotate", "").json().get("secret").asString();
    String tag = unique("tag");
    UUID c = contact(tag, email("app"), null, null);
    UUID stranger = contact(unique("tag"), email("stranger"), null, null);
    UUID id = relational(tag, ", \"channel\": \"in_app\"");
    waves.planWaves(now());
    sendNow(id);
    String ext = externalId(c);
    long ts = now().getEpochSecond();
    String sig = WidgetSignature.sign(secret, ext, ts);

    Reply check = widget("/w/v1/check", ext, ts, sig, null);
    assertThat(check.status()).as(check.toString()).isEqualTo(200);
    assertThat(check.json().get("show").asBoolean()).isTrue();
    assertThat(check.json().get("language").asString()).isEqualTo("en");
    assertThat(check.json().get("text").get("question").asString()).startsWith("How likely are you to recommend us");
    // the widget speaks the contact's language, right to left for Hebrew
    jdbc.sql("UPDATE responses_contact SET attributes = attributes || '{\"language\": \"he\"}'::jsonb WHERE id = ?").param(c).update();
    Reply hebrew = widget("/w/v1/check", ext, ts, sig, null);
    assertThat(hebrew.json().get("dir").asString()).isEqualTo("rtl");
    assertThat(hebrew.json().get("text").get("send").asString()).isEqualTo("שליחה");
    String other = externalId(stranger);
    assertThat(widget("/w/v1/check", other, ts, WidgetSignature.sign(secret, other, ts), null).json().get("show").asBoolean())
        .isFalse();

    Reply tampered = widget("/w/v1/answer", other, ts, sig, 3); // someone else's id with this contact's signature
    assertThat(tampered.status()).isEqualTo(401);
    assertThat(tampered.contentType()).contains("application/problem+json");
    assertThat(tampered.json().get("field").asString()).isEqualTo("signature");
    long old = ts - 3600;
    Reply expired = widget("/w/v1/answer", ext, old, WidgetSignature.sign(secret, ext, old), 3);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().get("field").asString()).isEqualTo("timestamp");

    Reply answered = widget("/w/v1/answer", ext, ts, sig, 10);
    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    assertThat(sendOf(id, c).score()).isEqualTo(10);
    Reply replay = widget("/w/v1/answer", ext, ts, sig, 0);
    assertThat(replay.status()).isEqualTo(403);
    assertThat(replay.json().get("field").asString()).as("refused as a replay, not merely as answered").isEqualTo("signature");
    assertThat(sendOf(id, c).score()).isEqualTo(10);
    assertThat(jdbc.sql("SELECT attributes->>'channel' FROM responses_response WHERE id = ?").param(sendOf(id, c).responseId())
        .query(String.class).single()).isEqualTo("in_app");
  }

  @Test
  void a_follow_up_resurvey_link_is_served_and_recorded_with_source_resurvey_and_the_case_id() {
    UUID c = contact(unique("tag"), email("resurvey"), null, null);
    UUID caseId = UUID.randomUUID();
    String link = links.surveyLink(caseId, c);
    String path = link.substring(link.indexOf("/s/"));
    assertThat(page("GET", path, BROWSER).status()).isEqualTo(200);
    assertThat(form(path, Map.of("score", "8", "comment", "Better now"), BROWSER).status()).isEqualTo(200);
    var row = jdbc.sql("SELECT source, score, attributes->>'caseId', touchpoint FROM responses_response WHERE contact_id = ?")
        .param(c).query((rs, i) -> List.of(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4))).single();
    assertThat(row).containsExactly("resurvey", 8, caseId.toString(), "resurvey");
    assertThat(page("GET", "/s/not-a-token", BROWSER).status()).isEqualTo(404);
    String tampered = path.substring(0, path.length() - 2) + (path.endsWith("A") ? "BB" : "AA");
    assertThat(page("GET", tampered, BROWSER).status()).isEqualTo(404);
  }

  @Test
  void non_responders_get_each_reminder_once_in_order_responders_get_none_and_in_app_non_responders_get_the_email() {
    String tag = unique("tag");
    String silent = email("silent");
    String answers = email("answers");
    UUID quiet = contact(tag, silent, null, null);
    UUID replied = contact(tag, answers, null, null);
    UUID id = relational(tag, ", \"reminders\": [{\"afterDays\": 2, \"template\": \"survey.reminder\"}, "
        + "{\"afterDays\": 5, \"template\": \"survey\"}]");
    String appTag = unique("tag");
    String inApp = email("inapp");
    UUID app = contact(appTag, inApp, null, null);
    UUID appProgram = relational(appTag, ", \"channel\": \"in_app\", \"fallbackDays\": 3");
    waves.planWaves(now());
    sendNow(id);
    sendNow(appProgram);
    String path = scaleLink(awaitMail(answers), 8);
    assertThat(form(path.substring(0, path.indexOf('?')), Map.of("score", "8"), BROWSER).status()).isEqualTo(200);
    awaitMail(silent);
    assertThat(sendOf(appProgram, app).status()).isEqualTo("sent");

    waves.remindAndFallBack(now());
    assertThat(sendOf(id, quiet).remindersSent()).isZero();
    TestClock.INSTANCE.advance(Duration.ofDays(2).plusHours(1));
    waves.remindAndFallBack(now());
    waves.remindAndFallBack(now());
    assertThat(sendOf(id, quiet).remindersSent()).isEqualTo(1);
    await("the first reminder", () -> mailTo(silent).size() == 2 ? java.util.Optional.of(true) : java.util.Optional.empty());
    assertThat(mailTo(silent).stream().map(m -> { try { return m.getSubject(); } catch (Exception e) { throw new IllegalStateException(e); } }))
        .anyMatch(subject -> subject.startsWith("A quick reminder"));
    TestClock.INSTANCE.advance(Duration.ofDays(1));
    waves.remindAndFallBack(now());
    assertThat(sendOf(id, quiet).remindersSent()).isEqualTo(1);
    assertThat(mailTo(inApp)).isEmpty();
    TestClock.INSTANCE.advance(Duration.ofDays(2));
    waves.remindAndFallBack(now());
    assertThat(sendOf(id, quiet).remindersSent()).isEqualTo(2);
    assertThat(sendOf(appProgram, app).fallbackSent()).isTrue();
    assertThat(text(awaitMail(inApp))).contains("?score=10");
    await("the second reminder", () -> mailTo(silent).size() == 3 ? java.util.Optional.of(true) : java.util.Optional.empty());
    assertThat(sendOf(id, replied).remindersSent()).isZero();
    assertThat(mailTo(answers)).hasSize(1);
  }

  @Test
  void the_widget_endpoints_allow_the_configured_origin_and_no_other() {
    var allowed = preflight("https://app.example.test");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.test");
    var other = preflight("https://evil.example.test");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private java.net.http.HttpResponse<String> preflight(String origin) {
    try {
      return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/w/v1/check")))
          .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
          .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Reply widget(String path, String contact, long ts, String signature, Integer score) {
    String body = "{\"contact\": \"%s\", \"timestamp\": %d, \"signature\": \"%s\"%s}".formatted(contact, ts, signature,
        score == null ? "" : ", \"score\": " + score);
    return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).header("Content-Type", "application/json")
        .header("Origin", "https://app.example.test")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }
}
