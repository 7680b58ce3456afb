package dev.followthrough.web;

import dev.followthrough.surveys.Program;
import dev.followthrough.surveys.SurveyPrograms;
import dev.followthrough.surveys.SurveySend;
import dev.followthrough.surveys.SurveyWidget;
import java.util.List;
import java.util.Locale;

/** The survey console pages: the programs list, one program (figures, schedule, editor), a contact's surveys. */
public record SurveysView(List<SurveyPrograms.Overview> programs, SurveyPrograms.Overview overview,
                          SurveyPrograms.Projection projection, List<SurveySend> sends, Form form, String error,
                          String notice, boolean canEdit, SurveyWidget.Secret secret, String baseUrl) {

  /** The editor's fields as typed (strings, so a wrong value is shown back as it was typed). */
  public record Form(String id, String name, String kind, String channel, boolean active, String cadenceMonths,
                     String cohorts, String startsOn, String tier, String attribute, String value, String eventType,
                     String delayMinutes, String cooldownDays, String accountBudget, String reminder1Days,
                     String reminder1Template, String reminder2Days, String reminder2Template, String fallbackDays,
                     boolean allowAnonymous, String template, String touchpoint) {

    static Form empty() {
      return new Form(null, "", "relational", "email", true, "3", "1", java.time.LocalDate.now().withDayOfMonth(1).toString(),
          "", "", "", "", "0", "", "", "", "survey.reminder", "", "survey.reminder", "", false, "survey", "");
    }

    static Form of(Program p) {
      var r = p.reminders();
      return new Form(p.id().toString(), p.name(), p.kind().key(), p.channel().key(), p.active(), str(p.cadenceMonths()),
          Integer.toString(p.cohorts()), p.startsOn() == null ? "" : p.startsOn().toString(), nz(p.audience().tier()),
          nz(p.audience().attribute()), nz(p.audience().value()), nz(p.eventType()), Integer.toString(p.delayMinutes()),
          str(p.cooldownDays()), str(p.accountBudget()), r.size() > 0 ? Integer.toString(r.get(0).afterDays()) : "",
          r.size() > 0 ? r.get(0).template() : "survey.reminder", r.size() > 1 ? Integer.toString(r.get(1).afterDays()) : "",
          r.size() > 1 ? r.get(1).template() : "survey.reminder", str(p.fallbackDays()), p.allowAnonymous(), p.template(),
          nz(p.touchpoint()));
    }

    private static String str(Integer i) {
      return i == null ? "" : i.toString();
    }

    private static String nz(String s) {
      return s == null ? "" : s;
    }
  }

  public static String rate(Double r) {
    return r == null ? "—" : String.format(Locale.ROOT, "%.0f%%", r * 100);
  }

  public static String nps(Integer n) {
    return n == null ? "—" : (n > 0 ? "+" : "") + n;
  }

  public static String target(Program p) {
    return p.kind() == Program.Kind.RELATIONAL
        ? "every " + p.cadenceMonths() + " months · " + p.audience().describe() + (p.cohorts() > 1 ? " · " + p.cohorts() + " cohorts" : "")
        : "on event “" + p.eventType() + "”" + (p.delayMinutes() > 0 ? " after " + p.delayMinutes() + " min" : "");
  }

  public static String snippet(String baseUrl) {
    return "<script src=\"" + baseUrl + "/assets/widget.js\" data-followthrough=\"" + baseUrl + "\"\n"
        + "        data-contact=\"CONTACT_EXTERNAL_ID\" data-timestamp=\"UNIX_SECONDS\" data-signature=\"HMAC_HEX\" defer></script>";
  }
}
