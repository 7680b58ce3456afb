package dev.followthrough.interviews.domain;

import dev.followthrough.interviews.domain.Guide.Phase;
import dev.followthrough.interviews.domain.Guide.Segment;
import java.util.List;
import java.util.Map;

/**
 * The guides every install starts with (version 1 of each); edited copies become later versions.
 * They open from the moment, never ask "why did you give us a 3", never defend and never promise a fix.
 */
public final class DefaultGuides {

  private DefaultGuides() {}

  static final List<String> AVOID = List.of("pricing negotiations or discounts", "promises of fixes, dates or refunds",
      "defending the product or blaming the customer", "other customers by name", "personal data beyond the conversation");

  public static final Guide DETRACTOR = new Guide("detractor", "detractor", 1, "Detractor diagnosis (SCORE)",
      "We are the product team, and we would like to understand what happened for you. This is not a sales or "
          + "retention call: it is to learn. It takes about 5 minutes, you can stop at any time and come back later "
          + "with the same link. Your answers go to the people who can fix things, with your name, so they can follow up.",
      List.of(),
      List.of(
          new Phase("situation", "Situational context", "what was happening when the survey came",
              List.of("Walk me through what was happening in your work when our survey reached you.",
                  "Think back to the day you answered: what were you in the middle of?"),
              List.of("What were you trying to get done at that moment?",
                  "Which part of that was on your mind when you answered?"),
              List.of("we were closing the month and the export failed", "I had just spent an hour on a support ticket",
                  "our team was onboarding ten new users that week"),
              Map.of()),
          new Phase("sequence", "Chronological sequence", "when it started feeling different and what came first",
              List.of("When did it start to feel different from before? What happened first?",
                  "Looking back, what was the first sign that something was off?"),
              List.of("Roughly when was that — which week or month?",
                  "And what happened next, after that first time?"),
              List.of("it started in March after the new release", "the first time was two weeks ago",
                  "since the migration last quarter"),
              Map.of()),
          new Phase("operational", "Operational specifics", "the concrete failure, with numbers, features, dates",
              List.of("Tell me about the last time it got in your way: what exactly were you doing, and where did you get stuck?",
                  "Which feature or screen was involved, and what did it do?"),
              List.of("Which part, specifically? If you think of the last time, which screen or step was it?",
                  "How often does that happen — every day, every week?",
                  "What did it cost you that time — minutes, hours, a deadline, money?",
                  "What did you do to work around it?"),
              List.of("the CSV export times out after 30 seconds for reports over 10,000 rows",
                  "every Monday the sync to Salesforce drops about 50 contacts",
                  "I spend two hours a week copying data by hand"),
              Map.of()),
          new Phase("relational", "Relational dynamics", "who else is affected, how it spreads, the champion",
              List.of("Who else on your side runs into this, and what does it mean for them?",
                  "How does this show up for your team or your manager?"),
              List.of("Is the person who chose us still the one championing it internally?",
                  "How is it talked about inside your company — is it spreading?"),
              List.of("our finance team of six has to redo the reports", "my manager asked me to look for alternatives",
                  "the admin who set it up left in June"),
              Map.of()),
          new Phase("expectation", "Expectation gap", "what they expected versus what happened, and whether it was sold or built wrong",
              List.of("When you started with us, what did you expect this part to do for you?",
                  "What did you expect to happen, compared with what actually happened?"),
              List.of("Was that something you were told during the sale or onboarding, or something you assumed?",
                  "If this worked the way you expected, what would be different for you — what would change your score?"),
              List.of("the demo showed exports of any size in seconds", "we were promised a native Salesforce sync",
                  "I assumed it would handle our volume"),
              Map.of())),
      "Before we finish, here is what I heard — please tell me if I got it right:",
      "Thank you — this is exactly what the team needs. It goes to the people who own this, and you will hear back "
          + "from us about what we do with it.",
      null, AVOID);

  public static final Guide PASSIVE = new Guide("passive", "passive", 1, "Passive: what would make it better",
      "We would like to learn what works for you and what holds you back. This is not a sales call. It takes about "
          + "4 minutes; you can stop at any time and continue later with the same link.",
      List.of(
          new Segment("satisfied-not-loyal", "Satisfied but not loyal",
              List.of("it does the job, nothing special", "it is fine, I would switch if something better came along",
                  "no complaints but nothing exciting either")),
          new Segment("frustrated-tolerant", "Frustrated but tolerant",
              List.of("it is annoying but switching would be worse", "we live with the bugs", "there are some things that drive me crazy but we manage")),
          new Segment("positive-constrained", "Positive but constrained",
              List.of("I love it but we cannot use it more because of budget", "great product, but our IT does not allow the integration",
                  "it would be a 10 if we could roll it out to more teams",
                  "I love it but IT or procurement will not approve it", "we are not allowed to use it more widely"))),
      List.of(
          new Phase("works", "What works", "what they rely on",
              List.of("Walk me through how you used us the last time it was genuinely useful. What were you doing?"),
              List.of("What would you miss first if it were gone tomorrow?"),
              List.of("the weekly report saves me an hour every Monday", "the dashboard is what our team opens every morning"),
              Map.of()),
          new Phase("holds-back", "What holds them back", "what stands between them and a higher score",
              List.of("What holds it back from being something you would recommend without hesitation?"),
              List.of("Which part, specifically? Think of the last time it happened.",
                  "How often does that come up, and what does it cost you?"),
              List.of("the Jira integration breaks every few weeks and I lose an afternoon",
                  "we cannot add more users because the price per seat doubled"),
              Map.of("satisfied-not-loyal", List.of("You said it does the job. What would it take for it to be more than that — what is missing?"),
                  "frustrated-tolerant", List.of("You mentioned living with some friction. Which part costs you the most, and how often?"),
                  "positive-constrained", List.of("It sounds like something outside the product limits you. What exactly stands in the way — budget, IT, a policy, a missing integration?"))),
          new Phase("better", "What would make it better", "the change that would move the score",
              List.of("If you could change one thing about how it works for you, what would it be?"),
              List.of("What would that change for you, day to day?"),
              List.of("a native Salesforce sync would let us drop our spreadsheets", "single sign-on would get IT to approve it for everyone"),
              Map.of())),
      "Here is what I heard — please tell me if I got it right:",
      "Thank you. This goes to the team that owns it, and we will tell you what we do with it.", null, AVOID);

  public static final Guide PROMOTER = new Guide("promoter", "promoter", 1, "Promoter: what made it work",
      "Thank you for your feedback! We would love to learn what made the difference for you — it helps us do more "
          + "of it. About 3 minutes; stop whenever you like.",
      List.of(),
      List.of(
          new Phase("changed", "What changed", "what is different for them since using us",
              List.of("Walk me through what is different in your work since you started using us."),
              List.of("Can you give me an example from the last week or two?"),
              List.of("we close the month two days faster", "I no longer chase people for their numbers"),
              Map.of()),
          new Phase("moment", "The moment value became real", "when it clicked",
              List.of("Was there a moment when you thought: this is really working? What was happening?"),
              List.of("What had you tried before that moment?"),
              List.of("the first board meeting where the numbers were just there", "when the first automated report went out"),
              Map.of()),
          new Phase("peer", "What they would tell a peer", "the value in their words",
              List.of("If a peer at another company asked you about us, what would you tell them?"),
              List.of("Who would you not recommend us to, and why?"),
              List.of("it saves you a day a month if you run a finance team", "it just works, even for non-technical people"),
              Map.of()),
          new Phase("almost", "What almost stopped them", "friction on the way",
              List.of("Was there anything that almost stopped you along the way?"),
              List.of("What got you past it?"),
              List.of("the setup took three weeks and nearly killed the project", "the price looked high until we saw the time saved"),
              Map.of())),
      "Here is what I heard — tell me if I got it right:",
      "Thank you — this really helps us.",
      "Would you be willing to tell others? If so, you can write a short review or introduce a peer — just reply to "
          + "the email this link came in, and we will take care of the rest.", AVOID);

  public static List<Guide> all() {
    return List.of(DETRACTOR, PASSIVE, PROMOTER);
  }

  /** The guide kind for a case: by its play first, then by the NPS category. */
  public static String kindFor(String play, String category) {
    if ("recover".equals(play)) return "detractor";
    if ("improve".equals(play)) return "passive";
    if ("thank_and_refer".equals(play)) return "promoter";
    return category == null ? "detractor" : category;
  }
}
