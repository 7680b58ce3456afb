package dev.followthrough.responses.demo;

import dev.followthrough.nps.Category;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes customer comments the way customers write them: a theme picked from what this account struggles with and
 * the touchpoint at hand, then sentences composed from many fragments with specific numbers, names and products, in
 * lengths from three words to a paragraph, some of them sloppy, a few in French, German or Spanish. Templates are
 * detectable when every comment has the same shape, so shapes vary as much as the words.
 */
final class DemoComments {

  private DemoComments() {}

  enum Theme {
    EXPORTS, SSO, PRICING, ONBOARDING_STALLED, SUPPORT_SLOW, INTEGRATIONS, CHAMPION_LEFT, COMPETITOR, BILLING,
    MOBILE, PERFORMANCE, TRAINING_WEAK,
    CSM_PRAISE, TIME_SAVED, SUPPORT_FAST, RELIABLE, ONBOARDING_SMOOTH, TRAINING_GOOD;

    boolean negative() {
      return ordinal() <= TRAINING_WEAK.ordinal();
    }
  }

  /** Problems an account can have for a whole year, so its comments tell one consistent story. */
  static final List<Theme> ACCOUNT_ISSUES = List.of(Theme.EXPORTS, Theme.SSO, Theme.PRICING, Theme.INTEGRATIONS,
      Theme.MOBILE, Theme.PERFORMANCE, Theme.BILLING, Theme.SUPPORT_SLOW, Theme.COMPETITOR, Theme.CHAMPION_LEFT);

  /**
   * What the writer knows about one response. {@code boosted} carries the stories of the year (a support backlog,
   * exports on big projects, the new dashboards) so comments explain the movements in the scores.
   */
  record Context(Category category, int score, String touchpoint, String tier, String language, LocalDate date,
                 String csm, String agent, String consultant, String plan, String course, int seats,
                 Set<Theme> issues, Set<Theme> boosted) {}

  static String write(Random rng, Context c) {
    Theme theme = theme(rng, c);
    return switch (c.language()) {
      case "de", "fr", "es" -> Foreign.write(rng, c, theme);
      default -> {
        String text = switch (c.category()) {
          case DETRACTOR -> detractor(rng, c, theme);
          case PASSIVE -> passive(rng, c, theme);
          case PROMOTER -> promoter(rng, c, theme);
        };
        yield rng.nextDouble() < 0.09 ? casual(rng, text) : text;
      }
    };
  }

  // ---------------------------------------------------------------- which theme

  static Theme theme(Random rng, Context c) {
    boolean negative = switch (c.category()) {
      case DETRACTOR -> true;
      case PASSIVE -> rng.nextDouble() < 0.7;
      case PROMOTER -> false;
    };
    Map<Theme, Double> w = negative ? negativeWeights(c) : positiveWeights(c);
    for (var e : w.entrySet()) {
      double f = 1;
      if (c.issues().contains(e.getKey())) f *= 4;
      if (c.boosted().contains(e.getKey())) f *= 5;
      e.setValue(e.getValue() * f);
    }
    return weighted(rng, w);
  }

  private static Map<Theme, Double> negativeWeights(Context c) {
    boolean ent = c.tier().equals("enterprise");
    boolean smb = c.tier().equals("smb");
    Map<Theme, Double> w = new EnumMap<>(Theme.class);
    switch (c.touchpoint()) {
      case "support" -> {
        w.put(Theme.SUPPORT_SLOW, 30.0); w.put(Theme.EXPORTS, 5.0); w.put(Theme.SSO, 4.0); w.put(Theme.BILLING, 4.0);
        w.put(Theme.MOBILE, 5.0); w.put(Theme.PERFORMANCE, 5.0); w.put(Theme.INTEGRATIONS, 3.0);
      }
      case "onboarding" -> {
        w.put(Theme.ONBOARDING_STALLED, 30.0); w.put(Theme.SSO, 5.0); w.put(Theme.INTEGRATIONS, 6.0);
        w.put(Theme.SUPPORT_SLOW, 4.0); w.put(Theme.PRICING, 1.0);
      }
      case "training" -> {
        w.put(Theme.TRAINING_WEAK, 30.0); w.put(Theme.ONBOARDING_STALLED, 3.0); w.put(Theme.MOBILE, 1.0);
      }
      case "renewal" -> {
        w.put(Theme.PRICING, 25.0); w.put(Theme.BILLING, 10.0); w.put(Theme.COMPETITOR, 8.0);
        w.put(Theme.CHAMPION_LEFT, 5.0); w.put(Theme.SUPPORT_SLOW, 3.0);
      }
      default -> {
        w.put(Theme.EXPORTS, 10.0); w.put(Theme.SSO, ent ? 8.0 : smb ? 2.0 : 5.0);
        w.put(Theme.PRICING, smb ? 12.0 : ent ? 6.0 : 9.0); w.put(Theme.ONBOARDING_STALLED, 2.0);
        w.put(Theme.SUPPORT_SLOW, 7.0); w.put(Theme.INTEGRATIONS, 10.0); w.put(Theme.CHAMPION_LEFT, smb ? 1.0 : 4.0);
        w.put(Theme.COMPETITOR, 4.0); w.put(Theme.BILLING, smb ? 5.0 : 3.0); w.put(Theme.MOBILE, 6.0);
        w.put(Theme.PERFORMANCE, ent ? 10.0 : smb ? 3.0 : 6.0);
      }
    }
    return w;
  }

  private static Map<Theme, Double> positiveWeights(Context c) {
    Map<Theme, Double> w = new EnumMap<>(Theme.class);
    switch (c.touchpoint()) {
      case "support" -> { w.put(Theme.SUPPORT_FAST, 35.0); w.put(Theme.RELIABLE, 2.0); }
      case "onboarding" -> { w.put(Theme.ONBOARDING_SMOOTH, 30.0); w.put(Theme.CSM_PRAISE, 4.0); }
      case "training" -> w.put(Theme.TRAINING_GOOD, 30.0);
      case "renewal" -> { w.put(Theme.CSM_PRAISE, 10.0); w.put(Theme.TIME_SAVED, 8.0); w.put(Theme.RELIABLE, 6.0); }
      default -> {
        w.put(Theme.CSM_PRAISE, c.tier().equals("smb") ? 2.0 : c.tier().equals("enterprise") ? 10.0 : 8.0);
        w.put(Theme.TIME_SAVED, 12.0); w.put(Theme.SUPPORT_FAST, 5.0); w.put(Theme.RELIABLE, 8.0);
      }
    }
    return w;
  }

  // ---------------------------------------------------------------- English

  /** The parts a theme is written from; any list may be empty. */
  private record Fragments(List<String> core, List<String> detail, List<String> impact, List<String> ask,
                           List<String> terse) {}

  private static String detractor(Random rng, Context c, Theme theme) {
    Fragments f = EN.get(theme);
    double r = rng.nextDouble();
    List<String> parts = new ArrayList<>();
    if (r < 0.1) return terse(rng, c, f);
    if (r < 0.55) {
      if (rng.nextDouble() < 0.2) parts.add(pick(rng, DETRACTOR_OPENERS));
      parts.add(pick(rng, f.core()));
      double d = rng.nextDouble();
      if (d < 0.45) parts.add(pick(rng, f.detail()));
      else if (d < 0.7) parts.add(pick(rng, f.ask()));
    } else {
      if (rng.nextDouble() < 0.35) parts.add(pick(rng, DETRACTOR_OPENERS));
      parts.add(pick(rng, f.core()));
      parts.add(pick(rng, f.detail()));
      if (rng.nextDouble() < 0.6 && !f.impact().isEmpty()) parts.add(pick(rng, f.impact()));
      if (rng.nextDouble() < 0.25) {
        Theme other = theme(rng, c);
        if (other != theme && other.negative()) parts.add(pick(rng, ALSO) + " " + lowerFirst(pick(rng, EN.get(other).core())));
      }
      if (rng.nextDouble() < 0.5) parts.add(pick(rng, f.ask()));
    }
    if (c.score() <= 3 && rng.nextDouble() < 0.35) parts.add(pick(rng, c.touchpoint().equals("support") ? ANGRY_SUPPORT_CLOSERS : ANGRY_CLOSERS));
    return fill(rng, c, join(parts));
  }

  private static String passive(Random rng, Context c, Theme theme) {
    Fragments f = EN.get(theme);
    if (!theme.negative()) {
      // lukewarm praise with a wish attached
      double r = rng.nextDouble();
      if (r < 0.12) return fill(rng, c, pick(rng, PASSIVE_TERSE));
      String praise = pick(rng, f.core());
      String wish = pick(rng, WISHES);
      return fill(rng, c, r < 0.6
          ? join(List.of(praise, pick(rng, WOULD_BE_HIGHER_WITH).formatted(wish)))
          : join(List.of(pick(rng, PASSIVE_OPENERS), praise, "Only wish: " + wish + ".")));
    }
    double r = rng.nextDouble();
    if (r < 0.1) return terse(rng, c, f);
    String problem = pick(rng, f.core());
    if (r < 0.55) {
      String opener = pick(rng, PASSIVE_OPENERS);
      String text = rng.nextBoolean() ? opener.replaceAll("[.!]$", "") + ", but " + lowerFirst(problem) : join(List.of(opener, pick(rng, HOWEVER) + " " + lowerFirst(problem)));
      if (rng.nextDouble() < 0.35) text = join(List.of(text, pick(rng, f.detail())));
      return fill(rng, c, text);
    }
    if (r < 0.8) {
      return fill(rng, c, join(List.of(problem, pick(rng, WOULD_BE_HIGHER).formatted(fixPhrase(theme)))));
    }
    return fill(rng, c, join(List.of(problem, pick(rng, f.detail()), pick(rng, PASSIVE_CLOSERS))));
  }

  private static String promoter(Random rng, Context c, Theme theme) {
    Fragments f = EN.get(theme);
    double r = rng.nextDouble();
    if (r < 0.16) {
      double t = rng.nextDouble();
      return fill(rng, c, t < 0.3 ? pick(rng, PROMOTER_TERSE) : t < 0.6 ? pick(rng, f.terse()) : praise(rng));
    }
    List<String> parts = new ArrayList<>();
    if (rng.nextDouble() < 0.2) parts.add(pick(rng, PROMOTER_OPENERS));
    parts.add(pick(rng, f.core()));
    if (r < 0.65) {
      if (rng.nextDouble() < 0.5) parts.add(pick(rng, f.detail()));
    } else {
      parts.add(pick(rng, f.detail()));
      Theme other = theme(rng, c);
      if (other != theme && !other.negative()) parts.add(pick(rng, EN.get(other).core()));
      if (rng.nextDouble() < 0.35) parts.add("Only wish: " + pick(rng, WISHES) + ".");
    }
    if (rng.nextDouble() < 0.35) parts.add(pick(rng, PROMOTER_CLOSERS));
    return fill(rng, c, join(parts));
  }

  /** "Really useful tool :)": short praise, in more combinations than anyone would notice. */
  private static String praise(Random rng) {
    String s = rng.nextBoolean()
        ? pick(rng, List.of("Great", "Excellent", "Really useful", "Super intuitive", "Very reliable", "Solid",
            "Easy to use", "Fantastic", "Really good", "Powerful")) + " "
            + pick(rng, List.of("product", "tool", "platform", "app", "software"))
        : pick(rng, List.of("Great", "Excellent", "Fantastic", "Awesome", "Brilliant", "Lovely", "Super helpful",
            "Really responsive", "Friendly")) + " "
            + pick(rng, List.of("support", "team", "people", "service", "CSM team"));
    s += pick(rng, List.of(".", "!", "!!", " :)", "", ", thanks.", ", keep it up.", " overall."));
    return rng.nextDouble() < 0.3 ? s.toLowerCase(Locale.ROOT) : s;
  }

  private static String terse(Random rng, Context c, Fragments f) {
    String s = pick(rng, f.terse());
    double r = rng.nextDouble();
    if (r < 0.15) s = s.replaceFirst("[.!]*$", "!!");
    else if (r < 0.3) s = s.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
    else if (r < 0.4) s = s + " Again.";
    return fill(rng, c, s);
  }

  private static String fixPhrase(Theme t) {
    return switch (t) {
      case EXPORTS -> "exports didn't time out";
      case SSO -> "SSO and SCIM just worked";
      case PRICING -> "the price matched what we actually use";
      case ONBOARDING_STALLED -> "onboarding hadn't dragged on";
      case SUPPORT_SLOW -> "support answered faster";
      case INTEGRATIONS -> "the {integration} integration existed";
      case CHAMPION_LEFT -> "we had someone internally who owned it";
      case COMPETITOR -> "the price gap to {competitor} was smaller";
      case BILLING -> "billing got our invoices right";
      case MOBILE -> "the mobile app was as good as the web app";
      case PERFORMANCE -> "big projects loaded faster";
      case TRAINING_WEAK -> "the course went deeper";
      default -> "a few rough edges were fixed";
    };
  }

  private static final List<String> DETRACTOR_OPENERS = List.of(
      "Honestly,", "I'll be blunt.", "Frustrating few months.", "Where do I start.", "Not great lately.",
      "Sorry, but", "We had high hopes.", "Same feedback as last time:", "Short version:", "I wanted to like it.",
      "To be fair the team is nice.", "Third time I'm raising this.", "Hate to say it, but");

  private static final List<String> ALSO = List.of("Also,", "On top of that,", "And", "Plus", "Separately,", "Oh and");

  private static final List<String> ANGRY_CLOSERS = List.of(
      "We're reviewing alternatives before renewal.", "If this isn't fixed we won't renew.", "Disappointed.",
      "Can't recommend it right now.", "Not what we were sold.", "Leadership is asking whether we should cancel.",
      "I've stopped recommending you to peers.", "Really disappointed this time.");

  private static final List<String> ANGRY_SUPPORT_CLOSERS = List.of(
      "Worst support experience I've had this year.", "Please escalate this.", "Still not fixed, by the way.",
      "Closing the ticket doesn't make the problem go away.", "Unacceptable for what we pay.");

  private static final List<String> PASSIVE_OPENERS = List.of(
      "Does the job.", "Mostly happy.", "Solid tool overall.", "It's fine.", "Good product.", "No major complaints.",
      "Works for what we need.", "Pretty good.", "Decent.", "We get value from it.", "The basics are great.");

  private static final List<String> HOWEVER = List.of("However,", "That said,", "But", "Still,", "Biggest gripe:");

  private static final List<String> WOULD_BE_HIGHER = List.of(
      "Would be a 10 if %s.", "Would score higher if %s.", "I'd give a 9 if %s.", "Easy 10 if %s.",
      "It would be perfect if %s.");

  private static final List<String> WOULD_BE_HIGHER_WITH = List.of(
      "Would be a 10 with %s.", "Only thing missing: %s.", "Give us %s and it's a 10.", "Still waiting for %s.",
      "I'd love to see %s.");

  private static final List<String> PASSIVE_CLOSERS = List.of(
      "Otherwise fine.", "Rest of it is good.", "Not a dealbreaker yet.", "Hoping it improves.",
      "Still better than what we had before.", "We'll see after the next release.");

  private static final List<String> PASSIVE_TERSE = List.of(
      "good, not great", "It's okay.", "Does what it says.", "Fine for now.", "Room to improve.", "Decent value.",
      "Mostly works.", "OK overall", "7 out of 10, room to grow.", "Meh, it works.");

  private static final List<String> PROMOTER_OPENERS = List.of(
      "Love it.", "Great year with you.", "Really happy.", "Big fan.", "Can't imagine going back.", "Brilliant.",
      "Where to begin, in a good way.");

  private static final List<String> PROMOTER_CLOSERS = List.of(
      "Keep it up!", "Thanks!", "Thank you, team.", "Would recommend to any PMO.", "Already recommended you to two peers.",
      "Keep shipping.", "Great job.", "🙌", "Cheers.", "Thanks for listening to our feedback.");

  private static final List<String> PROMOTER_TERSE = List.of(
      "Love it", "Great product, great team.", "10/10", "Best tool we've bought in years.", "Fantastic!",
      "Just works.", "Very happy", "Excellent as always.", "Couldn't do our job without it.", "Top notch.",
      "keep it up", "Great!", "Really good.", "Solid.");

  private static final List<String> WISHES = List.of(
      "a dark mode", "better {integration} sync", "cheaper viewer seats", "offline mode on mobile", "faster exports",
      "more control over notifications", "recurring tasks with exceptions", "a proper API for time entries",
      "comments that keep <b>formatting</b> when pasted from Word", "custom fields on subtasks",
      "an audit log we can filter", "Gantt printing that fits on A3", "a read-only link for clients");

  private static final Map<Theme, Fragments> EN = new EnumMap<>(Theme.class);

  static {
    EN.put(Theme.EXPORTS, new Fragments(
        List.of(
            "Exports time out on anything bigger than {rows} rows.",
            "The CSV export has failed on me {times} times this {period}.",
            "Scheduled reports arrive empty, or not at all.",
            "Our monthly board report takes {minutes} minutes to export and then times out half the time.",
            "Reporting is the weak spot: exports just spin and eventually give up with a 504.",
            "I can't get a full export of our {objects} without splitting it into {n} chunks.",
            "The PDF export cuts off the last columns of every dashboard.",
            "Every quarter-end the export queue backs up and nothing comes out until the next morning.",
            "Export > CSV on the portfolio view does nothing once there are more than {rows} rows & there's no error either.",
            "Pulling a year of time entries into Excel is impossible, it times out every single time.",
            "Reports that took seconds last year now take minutes or fail outright."),
        List.of(
            "Support told us it's a known issue with large workspaces.",
            "We've resorted to copying tables into Excel by hand.",
            "Our finance team builds the forecast off these exports, so it really hurts.",
            "It worked fine until the {month} release.",
            "Filtering first helps a little, but that defeats the purpose.",
            "I've had a ticket open about it since {month}.",
            "Smaller workspaces don't seem to have the problem.",
            "The workaround we were given is to export one project at a time. We have {projects}."),
        List.of(
            "I lose half a day every month-end because of this.",
            "My director keeps asking why we pay for a tool we can't get our own data out of.",
            "It makes me look bad in front of leadership.",
            "Our auditors were not impressed.",
            "It's the reason two teams went back to spreadsheets."),
        List.of(
            "Please fix exports before adding new features.",
            "A bulk export endpoint in the API would solve it for us.",
            "Just email me the file when it's ready, I don't need it instantly.",
            "Let us schedule big exports overnight."),
        List.of("Exports still time out.", "fix the exports", "Reporting exports keep failing.", "Exports. Please.",
            "CSV export broken", "exports time out again", "Reports never finish.")));

    EN.put(Theme.SSO, new Fragments(
        List.of(
            "SSO through {idp} logs people out several times a day.",
            "SCIM provisioning doesn't deprovision users, so IT cleans up by hand every week.",
            "New hires from {idp} land in the wrong team because group mapping is ignored.",
            "SAML setup took our IT team {weeks} weeks and three calls with your engineers.",
            "People who change their email in {idp} end up with duplicate accounts.",
            "SSO is locked to the Enterprise plan, which is a tough sell for a company our size.",
            "Every time {idp} rotates its signing certificate nobody can log in until we update it manually.",
            "Deactivated users still show up in assignee lists because SCIM never removes them.",
            "Login via {idp} randomly fails with a generic error and a 'try again later'."),
        List.of(
            "Our security team flagged it in the last access review.",
            "We had {n} orphaned accounts at the last audit.",
            "It's the number one complaint I get from the IT side.",
            "The workaround from support works, but only until the next sync.",
            "We're SOC 2 audited, so this isn't optional for us.",
            "Our {idp} admin has given up on it."),
        List.of(
            "It costs our helpdesk a dozen tickets a week.",
            "It's holding up the rollout to the remaining {users} people.",
            "IT now calls it 'that tool' in every meeting."),
        List.of(
            "SCIM needs to be first-class, not an afterthought.",
            "Please document the group mapping properly.",
            "Warn admins before the certificate expires.",
            "Put SSO on the Business plan."),
        List.of("SSO keeps breaking.", "fix SCIM", "SSO logouts all day", "Okta integration is flaky.",
            "SCIM doesn't deprovision.", "SSO issues again")));

    EN.put(Theme.PRICING, new Fragments(
        List.of(
            "The price went up {pct}% at renewal and nothing really changed on our side.",
            "I can't justify the cost to our CFO when half the seats are barely used.",
            "Per-seat pricing punishes us for rolling it out to occasional users.",
            "Good tool, but it's expensive for what we actually use.",
            "We're paying for the {plan} plan just to get {gated}.",
            "The value is there for the project managers, but it's hard to explain to finance.",
            "Finance asked me to find a cheaper alternative before renewal.",
            "We pay for {seats} seats and maybe a third log in weekly.",
            "For a team our size the pricing jump between plans is brutal."),
        List.of(
            "Budgets are tight everywhere this year.",
            "Our CFO wants a usage report to prove ROI and I can't produce one.",
            "A read-only seat type would solve most of it.",
            "We got the renewal quote with {days} days' notice.",
            "Nobody could explain what the extra {pct}% buys us.",
            "Competitors are quoting us well under what we pay now."),
        List.of(
            "It's now on the list of tools finance wants to cut.",
            "I spent an afternoon building a business case I shouldn't need.",
            "We froze new seats until renewal."),
        List.of(
            "Give us viewer seats.",
            "Show me usage data I can take to the CFO.",
            "Happy to talk about a multi-year deal if the price is right.",
            "Let us move {gated} down to our plan."),
        List.of("Too expensive.", "pricey for what it is", "Price increase was too steep.", "Can't justify the cost.",
            "$$$", "Expensive.")));

    EN.put(Theme.ONBOARDING_STALLED, new Fragments(
        List.of(
            "Onboarding stalled after the kickoff; we haven't heard from anyone in {weeks} weeks.",
            "We're {weeks} weeks in and still not live.",
            "The implementation plan looked great on paper but the data migration kept slipping.",
            "Our onboarding contact changed twice, and each time we started over.",
            "Importing our existing projects from spreadsheets was far harder than the sales demo suggested.",
            "Plenty of training sessions, not enough help with the actual setup.",
            "Nobody explained how permissions work, so we rebuilt our workspace twice.",
            "We were promised a dedicated consultant and got a shared inbox.",
            "The import tool choked on our {tasks} tasks and we had to do it in batches."),
        List.of(
            "Our team is losing patience.",
            "We have {users} users waiting for access.",
            "Go-live was supposed to be in {month}.",
            "Sales made it sound like a two-week setup.",
            "{consultant} was great, but then moved to another customer."),
        List.of(
            "My boss is asking if we picked the wrong vendor.",
            "People started building their own trackers in the meantime."),
        List.of(
            "Please assign one person who stays with us until we're live.",
            "A checklist of what's still left would help.",
            "Weekly check-ins until go-live, please."),
        List.of("Onboarding is dragging.", "still not live", "Implementation stalled.", "Slow onboarding.",
            "Who is our onboarding contact now?")));

    EN.put(Theme.SUPPORT_SLOW, new Fragments(
        List.of(
            "Support takes {days} days to answer, even for urgent tickets.",
            "My ticket bounced between {count} different agents and each one asked the same questions.",
            "The first reply came fast, then silence for a week.",
            "Every ticket ends with 'please clear your cache' and then it's closed.",
            "Ticket #{ticket} was closed as resolved while the problem was still there.",
            "Chat is fine for how-to questions, but anything technical disappears into a black hole.",
            "Getting anything escalated past first line seems impossible.",
            "I had to explain the issue {count} times and send the same screenshots each time.",
            "Waited {days} days for an answer that linked to a help article I had already read.",
            "Support keeps asking for a HAR file and then goes quiet."),
        List.of(
            "We're on a paid support tier, which makes it worse.",
            "The issue blocked {n} people for a full day.",
            "The status page said everything was green.",
            "It used to be much better.",
            "The agents are polite, they just don't seem to have the answers.",
            "I ended up finding the fix myself on the community forum."),
        List.of(
            "We've stopped opening tickets and just live with the bugs.",
            "It's eroding trust with my team.",
            "I escalated through our CSM just to get a reply."),
        List.of(
            "Please let one person own a ticket end to end.",
            "Give us a phone line for outages.",
            "Tell us when you don't know yet, silence is worse.",
            "Read the ticket history before replying."),
        List.of("Support is slow.", "Slow response.", "took days to get an answer", "Ticket ping-pong.",
            "Not resolved.", "Still waiting.", "closed without a fix", "{days} days for a reply.",
            "Ticket closed, problem not fixed.", "Still waiting after {days} days.", "{count} agents, no answer")));

    EN.put(Theme.INTEGRATIONS, new Fragments(
        List.of(
            "No native {integration} integration, so we're still copying data by hand.",
            "The {integration} sync drops {objects} at random and nobody can tell us why.",
            "The {integration} integration only goes one way, which makes it half useful.",
            "We need {integration} and {integration2} to talk to it, otherwise it's yet another silo.",
            "Zapier works as a stopgap but breaks whenever someone renames a field.",
            "The Slack app posts so many notifications that people muted the channel.",
            "Without a proper {integration} connector our sales team won't touch it.",
            "The Jira <-> board sync only goes one way, so engineering and ops still argue about status.",
            "The {integration} integration was in beta a year ago and still is."),
        List.of(
            "We asked about it in the sales process and were told it was coming.",
            "Our ops team maintains {n} scripts just to keep things in sync.",
            "Every competitor we've looked at has this.",
            "The marketplace app from a third party is not something IT will approve."),
        List.of(
            "It's the main reason adoption stalled outside the PMO.",
            "Duplicate data entry is costing us hours every week."),
        List.of(
            "Put {integration} on the roadmap, please.",
            "Webhooks with retries would let us build it ourselves.",
            "Even a one-way nightly sync would help."),
        List.of("Need Salesforce integration.", "HubSpot sync please", "Jira sync is broken.", "More integrations.",
            "slack notifications are too noisy")));

    EN.put(Theme.CHAMPION_LEFT, new Fragments(
        List.of(
            "{colleague}, who championed this internally, left in {month} and adoption has dropped since.",
            "Our main admin left and nobody really knows how the workspace is set up.",
            "Since our sponsor moved on, people are drifting back to spreadsheets.",
            "The person who bought this is gone; I'm not sure anyone here would choose it again.",
            "Our new VP doesn't know the tool and keeps asking why we have it.",
            "After the reorg nobody owns this tool anymore."),
        List.of(
            "I inherited it without any handover.",
            "Half the automations were built by {colleague} and nobody knows what they do.",
            "We haven't heard from our CSM since the change."),
        List.of(
            "Honestly it might not survive the next budget round.",
            "Usage is down by about half since the summer."),
        List.of(
            "Could someone walk our new admin through everything?",
            "We need help re-selling this internally.",
            "An admin health check would be really useful right now."),
        List.of("Our champion left.", "New admin here, lost.", "nobody owns this tool anymore")));

    EN.put(Theme.COMPETITOR, new Fragments(
        List.of(
            "We're looking at {competitor} because it's half the price.",
            "{competitor} demoed a better resource planner, so we're running a pilot next quarter.",
            "We're honestly evaluating {competitor} right now; renewal is in {months} months.",
            "Leadership wants to consolidate onto {competitor}, which we already use elsewhere.",
            "Our new CIO came from a {competitor} shop and is pushing for it.",
            "{competitor} offered to cover our migration and the first six months."),
        List.of(
            "I'd rather stay, switching is a pain.",
            "Their reporting looked a lot more polished in the demo.",
            "Price is the main driver, not features.",
            "Nobody on your side has reached out since we flagged it."),
        List.of(
            "The decision will be made before the end of the quarter.",
            "Procurement already has their quote."),
        List.of(
            "If you want to keep us, talk to us before renewal.",
            "Give us a reason to stay."),
        List.of("Evaluating {competitor}.", "Looking at alternatives.", "{competitor} is cheaper.")));

    EN.put(Theme.BILLING, new Fragments(
        List.of(
            "We were charged for {n} seats we removed in {month}.",
            "The invoice had the wrong VAT number again, so our AP team rejected it.",
            "We got billed twice in {month} and the refund took {weeks} weeks.",
            "The invoice says {amount}, our contract says otherwise.",
            "Billing can't explain why our invoice went up by {pct}%.",
            "Auto-renewal charged us before anyone reminded us it was coming.",
            "Invoices go to someone who left two years ago and we can't change it ourselves."),
        List.of(
            "It took {n} emails to get a corrected invoice.",
            "Our PO number has to be on the invoice, it never is.",
            "The billing portal doesn't let me download past invoices."),
        List.of(
            "Our finance team now flags every invoice from you for manual review.",
            "It's a small thing that makes the whole relationship feel sloppy."),
        List.of(
            "Please send invoices to the AP inbox, not to me.",
            "Let admins update billing contacts themselves."),
        List.of("Billing errors again.", "double charged", "Wrong invoice.", "Fix the invoicing.")));

    EN.put(Theme.MOBILE, new Fragments(
        List.of(
            "The mobile app crashes when I open attachments.",
            "The iOS app logs me out every few days.",
            "Notifications on Android arrive hours late or not at all.",
            "I can only view on mobile, not edit, which is useless on site.",
            "The app drains my battery, so I uninstalled it.",
            "Since the last update the Android app won't sync changes made offline.",
            "The \"Share\" button on iOS shows <undefined> instead of the project name.",
            "Photos uploaded from the app end up rotated sideways.",
            "The tablet layout is just the phone layout stretched."),
        List.of(
            "Half our team works on site, so mobile matters more than desktop for us.",
            "Reinstalling fixes it for a day or two.",
            "Our crews have gone back to WhatsApp groups.",
            "Happens on iPhone {iphone} and 15 alike."),
        List.of(
            "Field updates come in a day late because of it.",
            "We bought this partly for the mobile app."),
        List.of(
            "Please invest in the mobile app.",
            "Offline mode that actually syncs would change everything for us."),
        List.of("Mobile app crashes.", "app keeps logging me out", "Android notifications broken.",
            "mobile app needs work")));

    EN.put(Theme.PERFORMANCE, new Fragments(
        List.of(
            "Anything with more than {tasks} tasks becomes painfully slow.",
            "The timeline view takes {seconds} seconds to load on our bigger projects.",
            "Gantt view freezes the browser tab on our largest program.",
            "Search is slow and misses things I know are there.",
            "Dashboards with a few filters take forever to refresh.",
            "Our biggest project has {tasks} tasks and it's basically unusable in the morning when everyone logs in.",
            "Every click on the portfolio view takes a couple of seconds.",
            "Bulk-moving a few hundred tasks spins for minutes."),
        List.of(
            "Smaller projects are fine.",
            "We tried Chrome and Edge, same thing.",
            "We split projects up just to keep them usable.",
            "It got noticeably worse after the {month} update.",
            "Our network team has ruled out our side."),
        List.of(
            "People avoid the tool for anything big, which defeats the point.",
            "Our PMs schedule their planning sessions for late afternoon when it's faster."),
        List.of(
            "Please look at performance for large workspaces.",
            "Fewer new features, more speed.",
            "Happy to share our workspace for profiling."),
        List.of("Too slow.", "slow on big projects", "Performance!", "Gantt is so slow.", "Timeline takes forever.")));

    EN.put(Theme.TRAINING_WEAK, new Fragments(
        List.of(
            "The {course} course was too basic for admins who already use the product.",
            "Half the videos in {course} show the old interface.",
            "The live session ran over time and the Q&A got skipped.",
            "Good intro, but nothing on automations, which is what we needed.",
            "The certification quiz asks about features we don't have on our plan.",
            "The trainer read the slides word for word."),
        List.of(
            "I could have learned the same from the help center.",
            "The exercises didn't match what we see in our workspace.",
            "{n} of my team dropped off halfway through."),
        List.of(
            "Not a great use of an afternoon."),
        List.of(
            "An advanced track for admins would be great.",
            "Please refresh the recordings.",
            "Shorter sessions with real examples."),
        List.of("Too basic.", "Outdated videos.", "Not useful for admins.", "ran over time")));

    EN.put(Theme.CSM_PRAISE, new Fragments(
        List.of(
            "{csm} is fantastic, always on top of things.",
            "Our CSM {csm} went above and beyond during our rollout.",
            "{csmFirst} set up a quarterly review that actually helped us plan.",
            "Huge thanks to {csmFirst}, who turned our escalation around in a day.",
            "Having {csmFirst} as our point of contact makes all the difference.",
            "{csmFirst} knows our account better than some of our own people.",
            "{csmFirst} ran a workshop with our team leads that doubled usage in {month}.",
            "{csmFirst} always comes back with answers, even when the answer is 'not yet'."),
        List.of(
            "Proactive, honest, and quick.",
            "Every call ends with clear next steps.",
            "We feel like a partner, not a ticket number.",
            "The executive business review was genuinely useful for our leadership."),
        List.of(), List.of(),
        List.of("{csmFirst} is great!", "Great CSM.", "Thanks {csmFirst}!", "{csmFirst} rocks")));

    EN.put(Theme.TIME_SAVED, new Fragments(
        List.of(
            "{feature} saves my team about {hours} hours a week.",
            "We cut our monthly reporting from {daysBefore} days to {daysAfter} with the dashboards.",
            "Automation rules replaced {n} manual steps in our intake process.",
            "Templates get a new project up in {minutes} minutes instead of half a day.",
            "Status meetings went from {n} a week to one since everyone can see the board.",
            "The resource planner finally gives us one view of who's overloaded.",
            "Bulk edit alone saved me hours during the reorg.",
            "R&D and Ops finally plan from the same board, and our \"where is this at?\" emails dropped by {pct}%.",
            "The new dashboards are exactly what our leadership wanted.",
            "We onboard new PMs in a day now because everything lives in one place."),
        List.of(
            "Everyone from finance to field ops uses it daily.",
            "The last few releases have been really useful.",
            "It's the first tool our engineers and marketers both like.",
            "Adoption was easy, people just got it.",
            "We went from {sheets} spreadsheets to one workspace."),
        List.of(), List.of(),
        List.of("Huge time saver.", "Saves us hours every week.", "Automations are great.", "Love the new dashboards.",
            "the templates are a lifesaver")));

    EN.put(Theme.SUPPORT_FAST, new Fragments(
        List.of(
            "{agentRef} solved it within {minutes} minutes.",
            "Quick, friendly answer from {agent}, and the problem is gone.",
            "Fast response, and {agent} actually understood the problem.",
            "Support followed up {followUp} to make sure it was fixed. Rare these days.",
            "Got an answer in under {minutes} minutes on a Friday evening.",
            "{agentRef} recorded a short video showing the fix, which I shared with my team.",
            "{agentRef} spotted the real cause in our permission setup, not just the symptom.",
            "Clear explanation and a workaround within {within}."),
        List.of(
            "No script, no runaround.",
            "Didn't have to explain it twice.",
            "Even offered to hop on a call.",
            "Best support team of any vendor we use."),
        List.of(), List.of(),
        List.of("Fast and helpful.", "Quick fix, thanks!", "Thanks {agent}!", "Great support as always.",
            "Solved in minutes", "very helpful")));

    EN.put(Theme.RELIABLE, new Fragments(
        List.of(
            "Just works. I rarely think about it, which is the point.",
            "Solid, reliable, and the team actually listens to feedback.",
            "It's become the backbone of how we run projects.",
            "Not a single outage that affected us this year.",
            "Paid for itself in the first quarter.",
            "Easily the best adoption of any tool we've rolled out: {pct}% of staff log in weekly."),
        List.of(
            "The product keeps getting better without getting more complicated.",
            "Release notes are clear and nothing breaks.",
            "Our teams would revolt if we took it away."),
        List.of(), List.of(),
        List.of("Reliable.", "It just works.", "Rock solid.", "No complaints.")));

    EN.put(Theme.ONBOARDING_SMOOTH, new Fragments(
        List.of(
            "Onboarding was smooth; {consultant} kept us on schedule.",
            "We were live in {weeks} weeks, faster than planned.",
            "Migrating our {tasks} tasks went without a hitch.",
            "{consultant} knew exactly which questions to ask in the kickoff.",
            "The onboarding plan was clear and everyone knew who did what.",
            "Our admins were confident after the second session."),
        List.of(
            "The import tool handled our messy spreadsheets better than expected.",
            "Weekly check-ins kept it moving.",
            "The sandbox workspace was a great idea."),
        List.of(), List.of(),
        List.of("Smooth onboarding.", "Great kickoff!", "Thanks {consultant}!", "So far so good")));

    EN.put(Theme.TRAINING_GOOD, new Fragments(
        List.of(
            "Clear, practical course; I used automations the same afternoon.",
            "The instructor answered every question, even the odd ones about permissions.",
            "{course} was exactly the right depth for our admins.",
            "Short videos, real examples, no fluff.",
            "The hands-on exercises in {course} made it click for my team."),
        List.of(
            "{n} of us took it together and all passed the quiz.",
            "Would like an advanced follow-up.",
            "Worth the time."),
        List.of(), List.of(),
        List.of("Great course.", "Very useful training.", "Loved {course}.", "helpful session")));
  }

  // ---------------------------------------------------------------- slots

  private static final Pattern SLOT = Pattern.compile("\\{([a-zA-Z0-9]+)}");

  private static final List<String> IDPS = List.of("Okta", "Azure AD", "Entra ID", "Google Workspace", "OneLogin", "JumpCloud");
  private static final List<String> INTEGRATIONS = List.of("Salesforce", "HubSpot", "Slack", "Jira", "Microsoft Teams",
      "NetSuite", "Zendesk");
  static final List<String> COMPETITORS = List.of("Trellisly", "Workvane", "Cadencio", "Tasklark", "Orbitask", "Plandrift");
  private static final List<String> FEATURES = List.of("The automation builder", "Recurring templates",
      "The workload view", "Approval flows", "The new dashboards", "Time tracking", "Bulk edit", "The intake forms");
  private static final List<String> GATED = List.of("audit logs", "SSO", "advanced permissions", "API access",
      "custom fields", "guest access");
  private static final List<String> OBJECTS = List.of("projects", "time entries", "tasks", "comments", "contacts");
  private static final List<String> COLLEAGUES = List.of("Megan", "Stefan", "our old PMO lead", "Rachel", "Arjun",
      "Thibault", "our ops director", "Lucía", "Kevin");

  private static String fill(Random rng, Context c, String template) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    String firstIntegration = null;
    while (m.find()) {
      String previous = firstIntegration;
      String value = switch (m.group(1)) {
        case "rows" -> pick(rng, List.of("5,000", "10k", "20,000", "25k", "50,000", "100k"));
        case "times" -> pick(rng, List.of("three", "four", "five", "six", "a dozen", "several"));
        case "period" -> pick(rng, List.of("week", "month", "quarter"));
        case "minutes" -> String.valueOf(2 + rng.nextInt(40));
        case "seconds" -> String.valueOf(8 + rng.nextInt(50));
        case "n" -> String.valueOf(2 + rng.nextInt(7));
        case "tasks" -> String.format(Locale.ROOT, "%,d", (4 + rng.nextInt(80)) * 250);
        case "users", "projects" -> String.valueOf(switch (c.tier()) {
          case "enterprise" -> (4 + rng.nextInt(60)) * 25;
          case "mid-market" -> 30 + rng.nextInt(250);
          default -> 4 + rng.nextInt(Math.max(4, c.seats()));
        });
        case "seats" -> String.valueOf(c.seats());
        case "sheets" -> String.valueOf(12 + rng.nextInt(150));
        case "count" -> pick(rng, List.of("two", "three", "three", "four", "five", "six"));
        case "followUp" -> pick(rng, List.of("the next day", "the next morning", "a day later", "after the weekend", "two days later"));
        case "within" -> pick(rng, List.of("the hour", "20 minutes", "half an hour", "the same morning", "an hour"));
        case "weeks" -> String.valueOf(3 + rng.nextInt(9));
        case "days" -> String.valueOf(2 + rng.nextInt(8));
        case "months" -> String.valueOf(2 + rng.nextInt(9));
        case "hours" -> String.valueOf(2 + rng.nextInt(14));
        case "daysBefore" -> String.valueOf(3 + rng.nextInt(4));
        case "daysAfter" -> pick(rng, List.of("half a day", "one", "an afternoon", "a couple of hours"));
        case "pct" -> String.valueOf(pick(rng, List.of(8, 12, 15, 18, 20, 22, 25, 30, 35, 40, 60, 70, 80)));
        case "monthDe" -> c.date().minusMonths(1 + rng.nextInt(3)).getMonth().getDisplayName(TextStyle.FULL, Locale.GERMAN);
        case "month" -> c.date().minusMonths(1 + rng.nextInt(4)).getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        case "idp" -> pick(rng, IDPS);
        case "integration" -> firstIntegration = pick(rng, INTEGRATIONS);
        case "integration2" -> pick(rng, INTEGRATIONS.stream().filter(i -> !i.equals(previous)).toList());
        case "competitor" -> pick(rng, COMPETITORS);
        case "feature" -> pick(rng, FEATURES);
        case "gated" -> pick(rng, GATED);
        case "objects" -> pick(rng, OBJECTS);
        case "plan" -> c.plan();
        case "csm" -> c.csm();
        case "csmFirst" -> c.csm().split(" ")[0];
        case "agent" -> c.agent() != null ? c.agent() : pick(rng, List.of("Lena", "Raj", "Mateo", "Chloe"));
        case "agentRef" -> c.agent() != null ? c.agent() : pick(rng, List.of("Lena", "Raj", "Mateo", "Chloe")) + " from support";
        case "iphone" -> String.valueOf(12 + rng.nextInt(3));
        case "consultant" -> c.consultant();
        case "course" -> c.course() != null ? "'" + c.course() + "'" : "the admin course";
        case "ticket" -> String.valueOf(41_000 + rng.nextInt(9_000));
        case "amount" -> "$" + String.format(Locale.ROOT, "%,d", (5 + rng.nextInt(200)) * 100);
        case "colleague" -> pick(rng, COLLEAGUES);
        default -> m.group(0);
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String join(List<String> sentences) {
    StringBuilder out = new StringBuilder();
    for (String s : sentences) {
      if (s == null || s.isBlank()) continue;
      if (out.isEmpty()) { out.append(s); continue; }
      char last = out.charAt(out.length() - 1);
      // "Sorry, but" and "Honestly," run on into the next sentence
      out.append(' ').append(last == ',' || last == ':' || Character.isLetter(last) ? lowerFirst(s) : s);
    }
    return out.toString();
  }

  /** Words that keep their capital in mid-sentence; acronyms (SSO, CSV) and {slots} are kept anyway. */
  private static final Set<String> PROPER = Set.of("I", "I'm", "I've", "I'd", "I'll", "Zapier", "Gantt", "Okta",
      "Jira", "Slack", "Salesforce", "Android", "Microsoft", "Excel", "Chrome", "Google", "Entra", "Azure", "Export");

  private static String lowerFirst(String s) {
    int space = s.indexOf(' ');
    String first = (space < 0 ? s : s.substring(0, space)).replaceAll("[.,:;!?]+$", "");
    if (first.isEmpty() || !Character.isUpperCase(first.charAt(0)) || PROPER.contains(first)) return s;
    if (first.chars().filter(Character::isUpperCase).count() >= 2) return s;
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** The way people type into a survey box on a phone between meetings. */
  static String casual(Random rng, String s) {
    if (rng.nextDouble() < 0.5) s = s.toLowerCase(Locale.ROOT);
    if (rng.nextDouble() < 0.6) s = s.replace("don't", "dont").replace("can't", "cant").replace("it's", "its")
        .replace("I'm", "Im").replace("i'm", "im").replace("doesn't", "doesnt").replace("won't", "wont");
    if (rng.nextDouble() < 0.5) s = swapTwoLetters(rng, s);
    if (rng.nextDouble() < 0.5) s = s.replaceAll("\\.$", "");
    if (rng.nextDouble() < 0.15) s = s.replace(". ", ".. ");
    return s;
  }

  private static String swapTwoLetters(Random rng, String s) {
    String[] words = s.split(" ");
    for (int tries = 0; tries < 5; tries++) {
      int i = rng.nextInt(words.length);
      String w = words[i];
      if (w.length() >= 5 && w.chars().allMatch(Character::isLetter)) {
        int k = 1 + rng.nextInt(w.length() - 3);
        char[] ch = w.toCharArray();
        char t = ch[k]; ch[k] = ch[k + 1]; ch[k + 1] = t;
        words[i] = new String(ch);
        return String.join(" ", words);
      }
    }
    return s;
  }

  // ---------------------------------------------------------------- other languages

  /** Fewer fragments than English, composed the same way: enough for the occasional non-English comment. */
  private static final class Foreign {

    private static final Map<String, Map<Theme, List<String>>> CORE = Map.of(
        "de", themes(
            Theme.EXPORTS, List.of("Der Export bricht bei großen Projekten ständig ab.",
                "Berichte als CSV exportieren dauert {minutes} Minuten und scheitert dann trotzdem.",
                "Monatsberichte kommen leer oder gar nicht an."),
            Theme.SUPPORT_SLOW, List.of("Der Support braucht {days} Tage für eine Antwort.",
                "Unser Ticket wurde {n}-mal weitergereicht, jedes Mal mit denselben Fragen.",
                "Ticket geschlossen, Problem aber nicht gelöst."),
            Theme.PRICING, List.of("Die Preiserhöhung um {pct}% ist für uns nicht nachvollziehbar.",
                "Für das, was wir nutzen, ist es schlicht zu teuer.",
                "Unser CFO fragt, warum wir für ungenutzte Lizenzen zahlen."),
            Theme.SSO, List.of("Die SSO-Anmeldung über {idp} wirft uns mehrmals täglich raus.",
                "SCIM entfernt ausgeschiedene Mitarbeitende nicht, das ist ein Compliance-Problem."),
            Theme.PERFORMANCE, List.of("Große Projekte laden extrem langsam.",
                "Die Zeitleiste braucht {seconds} Sekunden zum Laden."),
            Theme.MOBILE, List.of("Die App stürzt beim Öffnen von Anhängen ab.", "Push-Nachrichten kommen Stunden zu spät."),
            Theme.CSM_PRAISE, List.of("{csmFirst} betreut uns hervorragend.", "Großes Lob an {csm}, immer erreichbar und lösungsorientiert."),
            Theme.SUPPORT_FAST, List.of("Schnelle und kompetente Hilfe vom Support.", "{agent} hat das Problem in {minutes} Minuten gelöst."),
            Theme.TIME_SAVED, List.of("Die Automatisierungen sparen uns {hours} Stunden pro Woche.", "Endlich alle Projekte an einem Ort."),
            Theme.RELIABLE, List.of("Läuft stabil, keine Ausfälle.", "Zuverlässig und einfach zu bedienen."),
            Theme.ONBOARDING_STALLED, List.of("Nach dem Kickoff ist das Onboarding eingeschlafen.",
                "Wir sind seit {weeks} Wochen dabei und immer noch nicht live."),
            Theme.ONBOARDING_SMOOTH, List.of("Das Onboarding mit {consultant} lief reibungslos.", "Nach {weeks} Wochen waren wir live, schneller als geplant."),
            Theme.TRAINING_WEAK, List.of("Die Schulung war für Admins zu oberflächlich.", "Viele Videos zeigen noch die alte Oberfläche."),
            Theme.TRAINING_GOOD, List.of("Sehr praxisnahe Schulung, gleich am selben Tag angewendet.", "Gute Schulung, verständlich erklärt."),
            Theme.INTEGRATIONS, List.of("Uns fehlt eine Anbindung an {integration}.", "Die {integration}-Synchronisation funktioniert nur in eine Richtung."),
            Theme.BILLING, List.of("Schon wieder eine fehlerhafte Rechnung, diesmal ohne unsere USt-IdNr.", "Wir wurden im {monthDe} doppelt belastet.")),
        "fr", themes(
            Theme.EXPORTS, List.of("Les exports plantent dès que le projet dépasse {rows} lignes.",
                "Le rapport mensuel met {minutes} minutes à s'exporter, quand il ne plante pas."),
            Theme.SUPPORT_SLOW, List.of("Le support met {days} jours à répondre.",
                "Notre ticket est passé entre {n} personnes différentes sans solution.",
                "Ticket clôturé alors que le problème persiste."),
            Theme.PRICING, List.of("L'augmentation de {pct}% au renouvellement est difficile à justifier.",
                "Trop cher pour l'usage que nous en avons.", "Notre DAF ne comprend pas ce que nous payons."),
            Theme.SSO, List.of("La connexion SSO via {idp} nous déconnecte plusieurs fois par jour."),
            Theme.PERFORMANCE, List.of("Très lent sur les gros projets.", "La vue Gantt fige le navigateur."),
            Theme.MOBILE, List.of("L'application mobile plante sans arrêt.", "Les notifications Android arrivent avec des heures de retard."),
            Theme.CSM_PRAISE, List.of("{csmFirst} est vraiment top, très réactif.", "Merci à {csm} pour son accompagnement."),
            Theme.SUPPORT_FAST, List.of("Support rapide et efficace.", "{agent} a réglé le problème en {minutes} minutes, merci !"),
            Theme.TIME_SAVED, List.of("Les automatisations nous font gagner {hours} heures par semaine.", "Les nouveaux tableaux de bord sont très clairs."),
            Theme.RELIABLE, List.of("Outil fiable, rien à redire.", "Simple et efficace."),
            Theme.ONBOARDING_STALLED, List.of("L'onboarding est au point mort depuis le kickoff.",
                "Cela fait {weeks} semaines et nous ne sommes toujours pas en production."),
            Theme.ONBOARDING_SMOOTH, List.of("Onboarding très fluide, merci à {consultant}.", "En production en {weeks} semaines, plus vite que prévu."),
            Theme.TRAINING_WEAK, List.of("Formation trop basique pour des administrateurs.", "Les vidéos montrent encore l'ancienne interface."),
            Theme.TRAINING_GOOD, List.of("Formation claire et concrète.", "Très bonne session, formateur à l'écoute."),
            Theme.INTEGRATIONS, List.of("Il nous manque une intégration avec {integration}.", "La synchro {integration} ne fonctionne que dans un sens."),
            Theme.BILLING, List.of("Encore une erreur de facturation, le numéro de TVA est faux.", "Nous avons été facturés deux fois.")),
        "es", themes(
            Theme.EXPORTS, List.of("Las exportaciones fallan con proyectos grandes.",
                "El reporte mensual tarda {minutes} minutos en exportarse y a veces ni sale."),
            Theme.SUPPORT_SLOW, List.of("El soporte tarda {days} días en responder.",
                "Nos pasaron el ticket entre {n} agentes y nadie lo resolvió.", "Cerraron el ticket sin solucionar nada."),
            Theme.PRICING, List.of("El aumento de {pct}% en la renovación no tiene sentido para nosotros.",
                "Es caro para lo que usamos.", "No puedo justificar el costo ante finanzas."),
            Theme.SSO, List.of("El inicio de sesión con {idp} falla varias veces al día."),
            Theme.PERFORMANCE, List.of("Muy lento con proyectos grandes.", "La vista de cronograma tarda {seconds} segundos en cargar."),
            Theme.MOBILE, List.of("La app móvil se cierra sola al abrir archivos.", "La app no sincroniza sin conexión."),
            Theme.CSM_PRAISE, List.of("{csmFirst} nos ayuda muchísimo, excelente atención.", "Gracias a {csm} por el acompañamiento."),
            Theme.SUPPORT_FAST, List.of("Soporte rápido y amable.", "{agent} resolvió el problema en {minutes} minutos."),
            Theme.TIME_SAVED, List.of("Las automatizaciones nos ahorran {hours} horas por semana.", "Por fin tenemos todo en un solo lugar."),
            Theme.RELIABLE, List.of("Funciona muy bien, sin caídas.", "Fácil de usar y confiable."),
            Theme.ONBOARDING_STALLED, List.of("El onboarding se estancó después del kickoff.",
                "Llevamos {weeks} semanas y todavía no estamos en producción."),
            Theme.ONBOARDING_SMOOTH, List.of("La implementación con {consultant} fue muy fluida.", "Salimos en vivo en {weeks} semanas, antes de lo previsto."),
            Theme.TRAINING_WEAK, List.of("El curso fue demasiado básico para administradores.", "Los videos muestran la interfaz vieja."),
            Theme.TRAINING_GOOD, List.of("Curso muy práctico y claro.", "Excelente capacitación, el instructor resolvió todas las dudas."),
            Theme.INTEGRATIONS, List.of("Nos falta la integración con {integration}.", "La sincronización con {integration} solo va en un sentido."),
            Theme.BILLING, List.of("Otra vez un error en la factura.", "Nos cobraron dos veces este mes.")));

    private static final Map<String, List<String>> NEGATIVE_TAIL = Map.of(
        "de", List.of("Bitte dringend verbessern.", "So können wir nicht weiterarbeiten.", "Das war früher besser.",
            "Wir prüfen Alternativen.", "Schade, das Produkt an sich ist gut."),
        "fr", List.of("Merci d'améliorer ça rapidement.", "C'était mieux avant.", "Nous regardons d'autres solutions.",
            "Dommage, l'outil est bien par ailleurs."),
        "es", List.of("Por favor, mejoren esto.", "Antes funcionaba mejor.", "Estamos evaluando otras opciones.",
            "Una pena, porque la herramienta es buena."));

    private static final Map<String, List<String>> POSITIVE_TAIL = Map.of(
        "de", List.of("Weiter so!", "Danke!", "Sehr empfehlenswert.", "Gerne wieder."),
        "fr", List.of("Continuez comme ça !", "Merci !", "Je recommande.", "Bravo à l'équipe."),
        "es", List.of("¡Sigan así!", "¡Gracias!", "Muy recomendable.", "Excelente equipo."));

    private static final Map<String, List<String>> PASSIVE = Map.of(
        "de", List.of("Im Großen und Ganzen okay, aber", "Gutes Tool, allerdings:"),
        "fr", List.of("Globalement correct, mais", "Bon outil, cependant :"),
        "es", List.of("En general bien, pero", "Buena herramienta, aunque"));

    @SuppressWarnings("unchecked")
    private static Map<Theme, List<String>> themes(Object... pairs) {
      Map<Theme, List<String>> m = new EnumMap<>(Theme.class);
      for (int i = 0; i < pairs.length; i += 2) m.put((Theme) pairs[i], (List<String>) pairs[i + 1]);
      return m;
    }

    static String write(Random rng, Context c, Theme theme) {
      Map<Theme, List<String>> core = CORE.get(c.language());
      List<String> options = core.get(theme);
      if (options == null) {
        // the English theme has no translation: pick the nearest one that has
        options = theme.negative()
            ? core.get(pick(rng, List.of(Theme.EXPORTS, Theme.PRICING, Theme.PERFORMANCE, Theme.INTEGRATIONS)))
            : core.get(pick(rng, List.of(Theme.TIME_SAVED, Theme.RELIABLE)));
      }
      List<String> parts = new ArrayList<>();
      if (c.category() == Category.PASSIVE && theme.negative()) {
        String s = pick(rng, options);
        parts.add(pick(rng, PASSIVE.get(c.language())) + " " + Character.toLowerCase(s.charAt(0)) + s.substring(1));
      } else {
        parts.add(pick(rng, options));
      }
      if (rng.nextDouble() < 0.35 && (c.touchpoint().equals("relational") || c.touchpoint().equals("support"))) {
        List<String> second = core.get(theme.negative() ? pick(rng, List.of(Theme.SUPPORT_SLOW, Theme.PERFORMANCE, Theme.MOBILE))
            : pick(rng, List.of(Theme.RELIABLE, Theme.TIME_SAVED)));
        String s = pick(rng, second);
        if (!parts.getFirst().toLowerCase(Locale.ROOT).endsWith(s.toLowerCase(Locale.ROOT))) parts.add(s);
      }
      if (rng.nextDouble() < 0.6) parts.add(pick(rng, (theme.negative() ? NEGATIVE_TAIL : POSITIVE_TAIL).get(c.language())));
      return fill(rng, c, String.join(" ", parts));
    }
  }

  // ---------------------------------------------------------------- helpers

  static <T> T pick(Random rng, List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }

  static <T> T weighted(Random rng, Map<T, Double> weights) {
    double total = 0;
    for (double w : weights.values()) total += w;
    double r = rng.nextDouble() * total;
    T last = null;
    for (var e : weights.entrySet()) {
      last = e.getKey();
      r -= e.getValue();
      if (r < 0) return e.getKey();
    }
    return last;
  }
}
