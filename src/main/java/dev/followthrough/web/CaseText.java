package dev.followthrough.web;

import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.followup.CaseQueries.Entry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the inbox and the case page say things about a case: deadlines, states, the audit trail. */
public final class CaseText {

  private CaseText() {}

  /** The open states in the order a case moves through them. */
  public static final List<String> STATUSES = List.of("open", "contacted", "in_conversation", "awaiting_action", "closed");
  public static final List<String> OUTCOMES = List.of("resolved", "not_resolved", "no_response");
  public static final List<String> CHANNELS = List.of("call", "email", "interview", "in_app");
  public static final List<String> ATTEMPT_RESULTS = List.of("reached", "left_voicemail", "no_answer", "email_sent",
      "replied", "wrong_contact", "declined");

  /** "open" → "Open", "in_conversation" → "In conversation", "thank_and_refer" → "Thank and refer". */
  public static String label(String code) {
    if (code == null || code.isBlank()) return "\u2014";
    String s = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    if (s.equals("in app")) return "In-app";
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  /** "5 h", "2 d 3 h", "40 min". */
  public static String span(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 60) return minutes + " min";
    long hours = minutes / 60;
    if (hours < 48) return hours + " h" + (hours < 10 && minutes % 60 >= 10 ? " " + minutes % 60 + " min" : "");
    long days = hours / 24;
    return days + " d" + (hours % 24 > 0 ? " " + hours % 24 + " h" : "");
  }

  /** The SLA in words: "due in 5 h", "overdue by 2 h", "contacted in time", "closed". */
  public static String sla(CaseView c, Instant now) {
    if ("closed".equals(c.status())) {
      Boolean met = c.slaMet(now);
      return Boolean.TRUE.equals(met) ? "SLA met" : "closed";
    }
    if (c.firstContactAt() != null) {
      return c.firstContactAt().isAfter(c.dueAt()) ? "contacted late" : "contacted in time";
    }
    if (now.isAfter(c.dueAt())) return "overdue by " + span(Duration.between(c.dueAt(), now));
    return "due in " + span(Duration.between(now, c.dueAt()));
  }

  /** A CSS class for the SLA: late, soon (less than a quarter of the SLA left), ok or done. */
  public static String slaTone(CaseView c, Instant now) {
    if ("closed".equals(c.status()) || c.firstContactAt() != null) {
      return Boolean.FALSE.equals(c.slaMet(now)) ? "late-done" : "done";
    }
    if (now.isAfter(c.dueAt())) return "late";
    long left = Duration.between(now, c.dueAt()).getSeconds();
    return left < Math.max(3600, c.slaSeconds() / 4) ? "soon" : "ok";
  }

  /** Statuses a case may move to next by hand (close and reopen have their own forms). */
  public static List<String> nextStatuses(String status) {
    int i = STATUSES.indexOf(status);
    if (i < 0 || status.equals("closed")) return List.of();
    return STATUSES.subList(Math.max(1, i + 1), STATUSES.size() - 1);
  }

  public static String actor(String actor) {
    if (actor == null) return "\u2014";
    return switch (actor) {
      case "triggers" -> "Trigger rules";
      case "sla" -> "SLA timer";
      case "capacity" -> "Capacity planner";
      case "resurvey" -> "Re-survey";
      case "responses" -> "New response";
      default -> actor;
    };
  }

  public static boolean system(String actor) {
    return actor == null || List.of("triggers", "sla", "capacity", "resurvey", "responses").contains(actor);
  }

  /** One line of the audit trail: a sentence, then the details that did not fit in it. */
  public record TimelineItem(String type, String title, List<Detail> details, String actor, boolean system, Instant at) {}

  public record Detail(String label, String value) {}

  public static TimelineItem item(Entry e) {
    Map<String, Object> d = e.detail();
    List<Detail> details = new ArrayList<>();
    String title = switch (e.type()) {
      case "opened" -> {
        add(details, "Assignment", d.get("assignment"));
        add(details, "Priority", d.get("priority"));
        add(details, "Channel", label(str(d.get("channel"))));
        yield "Case opened by rule \u201c" + str(d.get("rule")) + "\u201d"
            + (d.get("owner") != null ? " for " + d.get("owner") : ", unassigned")
            + (d.get("team") != null ? " (team " + d.get("team") + ")" : "");
      }
      case "linked" -> "Another response (score " + str(d.get("score")) + ") was linked to this case";
      case "status" -> "Moved from " + label(str(d.get("from"))).toLowerCase(Locale.ROOT) + " to "
          + label(str(d.get("to"))).toLowerCase(Locale.ROOT);
      case "closed" -> {
        add(details, "Root cause", d.get("rootCause"));
        add(details, "Action", d.get("action"));
        yield "Closed as " + label(str(d.get("outcome"))).toLowerCase(Locale.ROOT);
      }
      case "reopened" -> {
        add(details, "Reason", d.get("reason"));
        yield "Reopened (was " + label(str(d.get("previousOutcome"))).toLowerCase(Locale.ROOT) + ")";
      }
      case "reminder" -> "SLA reminder sent" + (d.get("owner") != null ? " to " + d.get("owner") : "");
      case "escalated" -> {
        add(details, "Reason", d.get("reason"));
        yield "Escalated to level " + str(d.get("level")) + (d.get("to") != null ? ": " + d.get("to") : "");
      }
      case "assigned" -> {
        add(details, "Reason", d.get("reason"));
        String to = d.get("to") == null ? "nobody (back to the queue)" : str(d.get("to"));
        yield "Assigned to " + to + (d.get("from") != null ? " (was " + d.get("from") + ")" : "")
            + (d.get("team") != null ? ", team " + d.get("team") : "");
      }
      case "overflow" -> {
        add(details, "Reason", d.get("reason"));
        yield "Moved from " + label(str(d.get("fromChannel"))).toLowerCase(Locale.ROOT) + " to "
            + label(str(d.get("toChannel"))).toLowerCase(Locale.ROOT) + " (capacity)";
      }
      case "queued" -> {
        add(details, "Reason", d.get("reason"));
        yield "Put back in the team's queue";
      }
      case "attempt" -> {
        add(details, "Note", d.get("note"));
        yield label(str(d.get("channel"))) + " attempt: " + label(str(d.get("result"))).toLowerCase(Locale.ROOT);
      }
      case "note" -> {
        add(details, "Note", d.get("text"));
        yield "Note";
      }
      case "outcome" -> {
        add(details, "Summary", d.get("summary"));
        add(details, "Root cause", d.get("rootCause"));
        add(details, "Action", d.get("action"));
        add(details, "Commitment", d.get("commitment"));
        add(details, "Commitment due", d.get("commitmentDue"));
        yield "Outcome recorded";
      }
      case "resurvey" -> "Re-survey sent to the customer";
      case "recovery" -> "Customer answered again: " + str(d.get("scoreBefore")) + " \u2192 " + str(d.get("scoreAfter"));
      default -> {
        d.forEach((k, v) -> add(details, k, v));
        yield label(e.type());
      }
    };
    return new TimelineItem(e.type(), title, details, actor(e.actor()), system(e.actor()), e.at());
  }

  private static void add(List<Detail> details, String label, Object value) {
    if (value != null && !String.valueOf(value).isBlank()) details.add(new Detail(label, String.valueOf(value)));
  }

  private static String str(Object o) {
    return o == null ? "\u2014" : String.valueOf(o);
  }

  /** "in 40 days", "today", "12 days ago". */
  public static String relativeDays(java.time.LocalDate date, Instant now, ZoneId zone) {
    if (date == null) return "";
    long days = java.time.temporal.ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), date);
    if (days == 0) return "today";
    if (days > 0) return "in " + days + (days == 1 ? " day" : " days");
    return -days + (days == -1 ? " day ago" : " days ago");
  }
}
