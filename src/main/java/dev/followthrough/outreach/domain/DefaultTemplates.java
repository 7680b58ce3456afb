package dev.followthrough.outreach.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages Followthrough ships: every message in English; the customer messages also in French,
 * German, Spanish, Portuguese, Dutch and Italian ({@code /outreach/templates/xx.txt}). Customer
 * messages follow the guidance: thank first, acknowledge the score, no premature apology, one open
 * question — and never "what would make you give us a 10".
 */
public final class DefaultTemplates {

  public record Template(String key, String language, String subject, String body) {}

  /** Template keys with what they are for and who reads them. */
  public record Kind(String key, String label, boolean customer) {}

  public static final List<Kind> KINDS = List.of(
      new Kind("invitation.recover", "Interview invitation — detractors", true),
      new Kind("invitation.improve", "Interview invitation — passives", true),
      new Kind("invitation.thank_and_refer", "Interview invitation — promoters", true),
      new Kind("resurvey", "Re-survey after a resolved case", true),
      new Kind("survey", "Survey program: the NPS question", true),
      new Kind("survey.reminder", "Survey program: reminder to non-responders", true),
      new Kind("owner_alert", "Owner alert: a new case", false),
      new Kind("reminder", "Owner reminder before the deadline", false),
      new Kind("escalation", "Escalation", false),
      new Kind("digest", "Daily digest for owners", false),
      new Kind("actions.you-said-we-did", "You said, we did: what changed after a customer's feedback", true),
      new Kind("actions.resurvey", "Re-survey after a shipped fix", true),
      new Kind("actions.team", "Interventions: notice to the owning team", false));

  /** Languages the customer messages are shipped in besides English. */
  public static final List<String> TRANSLATED = List.of("fr", "de", "es", "pt", "nl", "it");

  private static final Map<String, Map<String, Template>> BY_LANGUAGE = load();

  private DefaultTemplates() {}

  public static Optional<Template> find(String key, String language) {
    Map<String, Template> l = BY_LANGUAGE.get(language == null ? "en" : language);
    if (l != null && l.containsKey(key)) return Optional.of(l.get(key));
    return Optional.ofNullable(BY_LANGUAGE.get("en").get(key));
  }

  public static boolean known(String key) {
    return KINDS.stream().anyMatch(k -> k.key().equals(key));
  }

  public static List<String> languages() {
    return BY_LANGUAGE.keySet().stream().sorted().toList();
  }

  /** Is this message shipped in {@code language} (English: every message; others: the customer ones)? */
  public static boolean shipped(String key, String language) {
    Map<String, Template> l = BY_LANGUAGE.get(language);
    return l != null && l.containsKey(key);
  }

  /**
   * {@code {{firstName}}}: the first word of the name; unknown, English says "Hi there" and the other
   * languages' templates leave the greeting without a name ({@code {{#firstName}}}).
   */
  public static String firstName(String name, String language) {
    if (name != null && !name.isBlank()) return name.strip().split("\\s+")[0];
    return "en".equals(language) || language == null ? "there" : "";
  }

  private static Map<String, Map<String, Template>> load() {
    Map<String, Map<String, Template>> m = new LinkedHashMap<>();
    m.put("en", english());
    for (String language : TRANSLATED) m.put(language, parse(language, read("/outreach/templates/" + language + ".txt")));
    return Map.copyOf(m);
  }

  private static String read(String resource) {
    try (var in = DefaultTemplates.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " is missing from the jar");
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * {@code == key}, then {@code Subject: …}, a blank line and the body up to the next {@code ==}; lines
   * starting with {@code #} before the first key are comments. Every customer message must be there.
   */
  static Map<String, Template> parse(String language, String text) {
    Map<String, Template> m = new LinkedHashMap<>();
    String[] sections = ("\n" + text.replace("\r\n", "\n")).split("\n== ");
    for (int i = 1; i < sections.length; i++) {
      String section = sections[i];
      int eol = section.indexOf('\n');
      String key = section.substring(0, eol).strip();
      String rest = section.substring(eol + 1);
      if (!rest.startsWith("Subject: ")) throw new IllegalStateException(language + " " + key + ": the line after the key must be 'Subject: …'");
      int subjectEnd = rest.indexOf('\n');
      String subject = rest.substring("Subject: ".length(), subjectEnd).strip();
      String body = rest.substring(subjectEnd + 1).replaceFirst("^\n", "").stripTrailing() + "\n";
      if (!known(key)) throw new IllegalStateException(language + ": unknown template " + key);
      m.put(key, new Template(key, language, subject, body));
    }
    for (Kind k : KINDS) {
      if (k.customer() && !m.containsKey(k.key())) throw new IllegalStateException(language + ": customer template " + k.key() + " is missing");
    }
    return Map.copyOf(m);
  }

  private static Map<String, Template> english() {
    Map<String, Template> m = new LinkedHashMap<>();
    put(m, "invitation.recover", "Thank you for your feedback, {{firstName}}", """
        Hi {{firstName}},

        thank you for answering our survey. You gave us a {{score}} out of 10, and we want to understand it properly.
        {{#comment}}
        You wrote: "{{comment}}"
        {{/comment}}
        What happened? Tell us in your own words here — it takes about five minutes:

        {{link}}

        The link is personal to you and works until {{expires}}.

        Thank you,
        {{sender}}
        """);
    put(m, "invitation.improve", "Thanks for your {{score}}, {{firstName}}", """
        Hi {{firstName}},

        thank you for answering our survey — a {{score}} out of 10 tells us we are doing a fair amount right.
        {{#comment}}
        You wrote: "{{comment}}"
        {{/comment}}
        What would make {{product}} better for you? We would like to hear it in your words:

        {{link}}

        It takes about five minutes; the link is personal to you and works until {{expires}}.

        Thank you,
        {{sender}}
        """);
    put(m, "invitation.thank_and_refer", "Thank you, {{firstName}}", """
        Hi {{firstName}},

        thank you for the {{score}} out of 10 — it means a lot to the people who build {{product}}.
        {{#comment}}
        You wrote: "{{comment}}"
        {{/comment}}
        What has made the biggest difference for you? Tell us here, and if you are happy to, we will also ask whether you would recommend us to a peer or write a short review:

        {{link}}

        The link is personal to you and works until {{expires}}.

        With thanks,
        {{sender}}
        """);
    put(m, "resurvey", "How are we doing now, {{firstName}}?", """
        Hi {{firstName}},

        some time ago you told us what was not working for you, and we have worked on it since. Thank you again for telling us.

        How likely are you now to recommend {{product}} to a friend or colleague? One question, one click:

        {{link}}

        Thank you,
        {{sender}}
        """);
    put(m, "survey", "{{firstName}}, how likely are you to recommend {{product}}?", """
        Hi {{firstName}},

        how likely are you to recommend {{product}} to a friend or colleague? Click a number — one click is enough:

        {{scale}}

        0 = not at all likely, 10 = extremely likely. You can add a reason on the next page, or change your score later with the same link.

        Thank you,
        {{sender}}
        """);
    put(m, "survey.reminder", "A quick reminder, {{firstName}}: one question about {{product}}", """
        Hi {{firstName}},

        a few days ago we asked you one question, and your answer would help us. How likely are you to recommend {{product}} to a friend or colleague?

        {{scale}}

        If you would rather not, just ignore this email — we will not ask again this time.

        Thank you,
        {{sender}}
        """);
    put(m, "owner_alert", "[{{category}} {{score}}] {{contactName}} at {{account}} — {{channelLabel}} due {{dueAt}}", """
        A new follow-up is yours: {{channelLabel}}, play "{{play}}", due {{dueAt}}.

        Score: {{score}} ({{category}})
        Comment: {{^comment}}(none){{/comment}}{{comment}}
        Contact: {{contactName}} <{{contactEmail}}>
        Account: {{account}} · tier {{tier}} · ARR {{arr}} · renewal {{renewal}}
        Score history: {{history}}
        Priority: {{priority}}

        Open the case: {{caseLink}}
        """);
    put(m, "reminder", "Reminder: {{contactName}} ({{score}}) is due {{dueAt}}", """
        Nobody has contacted {{contactName}} at {{account}} yet, and the follow-up is due {{dueAt}}.

        Score: {{score}} ({{category}})
        Comment: {{^comment}}(none){{/comment}}{{comment}}

        Open the case: {{caseLink}}
        """);
    put(m, "escalation", "Escalated (level {{level}}): {{contactName}} at {{account}}", """
        This follow-up missed its deadline ({{dueAt}}) or was escalated by hand, and it now needs your attention (level {{level}}).

        Owner: {{owner}} · team {{team}}
        Score: {{score}} ({{category}})
        Comment: {{^comment}}(none){{/comment}}{{comment}}
        Account: {{account}} · ARR {{arr}} · renewal {{renewal}}

        Open the case: {{caseLink}}
        """);
    put(m, "digest", "Your follow-ups today: {{openCount}} open, {{overdueCount}} overdue", """
        Good morning,

        your follow-ups — open: {{openCount}} · overdue: {{overdueCount}} · due today: {{dueTodayCount}}

        {{cases}}

        Your inbox: {{inboxLink}}
        """);
    put(m, "actions.you-said-we-did", "You told us, and we changed it, {{firstName}}", """
        Hi {{firstName}},

        some time ago you told us:

        "{{quote}}"

        We listened, and here is what we did: {{title}}.
        {{#outcome}}
        What it should change for you: {{outcome}}
        {{/outcome}}

        Thank you for taking the time to tell us — it made a difference.

        {{sender}}
        """);
    put(m, "actions.resurvey", "Has it got better, {{firstName}}?", """
        Hi {{firstName}},

        a while ago we wrote to tell you what we changed after your feedback ({{title}}), and we would like to know
        whether it made a difference. How likely are you now to recommend {{product}} to a friend or colleague? One question, one click:

        {{link}}

        Thank you,
        {{sender}}
        """);
    put(m, "actions.team", "{{subject}}", """
        {{lines}}

        {{link}}
        """);
    return Map.copyOf(m);
  }

  private static void put(Map<String, Template> m, String key, String subject, String body) {
    m.put(key, new Template(key, "en", subject, body));
  }
}
