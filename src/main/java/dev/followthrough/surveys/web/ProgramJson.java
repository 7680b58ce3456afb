package dev.followthrough.surveys.web;

import dev.followthrough.platform.InvalidField;
import dev.followthrough.surveys.Program;
import dev.followthrough.surveys.ProgramStats;
import dev.followthrough.surveys.SurveySend;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A program as JSON, both ways; wrong types and unknown fields are 422s naming the field. */
final class ProgramJson {

  static final Set<String> FIELDS = Set.of("name", "kind", "channel", "active", "cadenceMonths", "cohorts", "startsOn",
      "audience", "eventType", "delayMinutes", "cooldownDays", "accountBudget", "reminders", "fallbackDays",
      "allowAnonymous", "template", "touchpoint");

  private ProgramJson() {}

  static Program parse(JsonNode body) {
    if (body == null || !body.isObject()) throw new InvalidField("body", "must be a JSON object");
    for (Iterator<String> it = body.propertyNames().iterator(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) throw new InvalidField(f, "is not a known field");
    }
    String kind = text(body, "kind");
    Program.Kind k = kind == null ? null : Program.Kind.parse(kind)
        .orElseThrow(() -> new InvalidField("kind", "must be relational or transactional"));
    String channel = text(body, "channel");
    Program.Channel c = channel == null ? Program.Channel.EMAIL : Program.Channel.parse(channel)
        .orElseThrow(() -> new InvalidField("channel", "must be email or in_app"));
    LocalDate starts = null;
    String s = text(body, "startsOn");
    if (s != null) {
      try {
        starts = LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new InvalidField("startsOn", "must be a date like 2027-01-01");
      }
    }
    Program.Audience audience = Program.Audience.everyone();
    JsonNode a = body.get("audience");
    if (a != null && !a.isNull()) {
      if (!a.isObject()) throw new InvalidField("audience", "must be an object {tier, attribute, value}");
      audience = new Program.Audience(text(a, "tier", "audience.tier"), text(a, "attribute", "audience.attribute"),
          text(a, "value", "audience.value"));
    }
    List<Program.Reminder> reminders = new ArrayList<>();
    JsonNode r = body.get("reminders");
    if (r != null && !r.isNull()) {
      if (!r.isArray()) throw new InvalidField("reminders", "must be a list of {afterDays, template}");
      for (int i = 0; i < r.size(); i++) {
        JsonNode x = r.get(i);
        if (!x.isObject()) throw new InvalidField("reminders[" + i + "]", "must be an object {afterDays, template}");
        Integer after = integer(x, "afterDays", "reminders[" + i + "].afterDays");
        if (after == null) throw new InvalidField("reminders[" + i + "].afterDays", "is required");
        String t = text(x, "template", "reminders[" + i + "].template");
        reminders.add(new Program.Reminder(after, t == null ? "survey.reminder" : t));
      }
    }
    Integer cohorts = integer(body, "cohorts", "cohorts");
    Integer delay = integer(body, "delayMinutes", "delayMinutes");
    return new Program(null, text(body, "name"), k, c, bool(body, "active", true), integer(body, "cadenceMonths", "cadenceMonths"),
        cohorts == null ? 1 : cohorts, starts, audience, text(body, "eventType"), delay == null ? 0 : delay,
        integer(body, "cooldownDays", "cooldownDays"), integer(body, "accountBudget", "accountBudget"), reminders,
        integer(body, "fallbackDays", "fallbackDays"), bool(body, "allowAnonymous", false), text(body, "template"),
        text(body, "touchpoint"));
  }

  static Map<String, Object> json(Program p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("name", p.name());
    m.put("kind", p.kind().key());
    m.put("channel", p.channel().key());
    m.put("active", p.active());
    m.put("cadenceMonths", p.cadenceMonths());
    m.put("cohorts", p.cohorts());
    m.put("startsOn", p.startsOn() == null ? null : p.startsOn().toString());
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("tier", p.audience().tier());
    a.put("attribute", p.audience().attribute());
    a.put("value", p.audience().value());
    m.put("audience", a);
    m.put("eventType", p.eventType());
    m.put("delayMinutes", p.delayMinutes());
    m.put("cooldownDays", p.cooldownDays());
    m.put("accountBudget", p.accountBudget());
    m.put("reminders", p.reminders().stream().map(x -> Map.of("afterDays", x.afterDays(), "template", x.template())).toList());
    m.put("fallbackDays", p.fallbackDays());
    m.put("allowAnonymous", p.allowAnonymous());
    m.put("template", p.template());
    m.put("touchpoint", p.touchpoint());
    return m;
  }

  static Map<String, Object> json(ProgramStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("planned", s.planned());
    m.put("sent", s.sent());
    m.put("skipped", s.skipped());
    m.put("responded", s.responded());
    m.put("responseRate", s.responseRate());
    m.put("nps", s.nps());
    m.put("skipReasons", s.skipReasons());
    return m;
  }

  static Map<String, Object> json(SurveySend s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("programId", s.programId());
    m.put("contactId", s.contactId());
    m.put("occasion", s.occasion());
    m.put("sendAt", s.sendAt() == null ? null : s.sendAt().toString());
    m.put("status", s.status());
    m.put("reason", s.reason());
    m.put("channel", s.channel());
    m.put("sentAt", s.sentAt() == null ? null : s.sentAt().toString());
    m.put("remindersSent", s.remindersSent());
    m.put("respondedAt", s.respondedAt() == null ? null : s.respondedAt().toString());
    m.put("score", s.score());
    m.put("responseId", s.responseId());
    m.put("touchpoint", s.touchpoint());
    return m;
  }

  static String text(JsonNode n, String f) {
    return text(n, f, f);
  }

  static String text(JsonNode n, String f, String path) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) return null;
    if (!v.isString()) throw new InvalidField(path, "must be a string");
    String s = v.asString().strip();
    if (s.length() > 200) throw new InvalidField(path, "must be at most 200 characters");
    return s.isEmpty() ? null : s;
  }

  static Integer integer(JsonNode n, String f, String path) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) return null;
    if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new InvalidField(path, "must be a whole number");
    return v.asInt();
  }

  static boolean bool(JsonNode n, String f, boolean dflt) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) return dflt;
    if (!v.isBoolean()) throw new InvalidField(f, "must be true or false");
    return v.asBoolean();
  }
}
