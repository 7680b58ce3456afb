package dev.followthrough.interviews.eval;

import java.util.List;
import java.util.Map;

/** The scripted respondents the evaluation runs: every guide, and the hard kinds of customer. */
final class Respondents {

  private Respondents() {}

  static List<ScriptedRespondent> all() {
    return List.of(
        new ScriptedRespondent("detractor, vague then specific", "detractor", 3, "The product is too complicated.",
            Map.of(
                "situation", List.of("Honestly it is just too complicated.",
                    "We were closing the month and I needed the revenue report for the board."),
                "sequence", List.of("It has been getting worse.",
                    "It started after the March release, the first time was the week of the 12th."),
                "operational", List.of("The reporting is confusing and slow.",
                    "The CSV export times out after 30 seconds whenever a report has more than 10,000 rows.",
                    "It happens every month-end, and I lose about three hours rebuilding it in Excel."),
                "relational", List.of("The finance team of six has to redo their numbers by hand, and my CFO asked me why the board pack was late."),
                "expectation", List.of("In the demo we were shown exports of any size in seconds; that is why we bought it.")),
            List.of(), 0, "The CSV export times out after 30 seconds for reports over 10,000 rows since the March release",
            List.of("export", "10,000", "times out")),
        new ScriptedRespondent("detractor, terse", "detractor", 4, null,
            Map.of(
                "situation", List.of("Busy.", "Month end."),
                "sequence", List.of("Recently.", "Since March."),
                "operational", List.of("Exports.", "Export fails on big reports.", "Every month, maybe 3 hours lost."),
                "relational", List.of("Finance."),
                "expectation", List.of("Faster exports.")),
            List.of(), 0, "Export fails on big reports", List.of("export")),
        new ScriptedRespondent("detractor, hostile", "detractor", 1, "Useless.",
            Map.of(
                "situation", List.of("This survey is a waste of time, just fix it.",
                    "Your sync to Salesforce dropped 50 contacts again on Monday and my sales team called the wrong people."),
                "sequence", List.of("How many times do I have to say it, since the update in May."),
                "operational", List.of("Every Monday the Salesforce sync drops about 50 contacts and we lose a day fixing it."),
                "relational", List.of("My sales team of twelve and my VP, who is now asking about other tools."),
                "expectation", List.of("We were promised a native Salesforce sync that just works.")),
            List.of("Sorry. The Salesforce sync drops contacts every Monday and my sales team calls the wrong people.",
                "We have a demo of a competitor next week; it would need a sync that never drops a contact."),
            0, "Every Monday the Salesforce sync drops about 50 contacts", List.of("salesforce", "sync")),
        new ScriptedRespondent("detractor, off-topic", "detractor", 5, null,
            Map.of(
                "situation", List.of("The weather has been lovely here and I was planning my holiday in Portugal.",
                    "Oh, right. I was onboarding ten new users and the invitation emails never arrived."),
                "sequence", List.of("My cat had kittens last week, so it has been a busy time at home.",
                    "It started two weeks ago when we added the new users."),
                "operational", List.of("Invitation emails to new users never arrive, so I have to add every person by hand, 20 minutes each."),
                "relational", List.of("The new team members cannot start, and their manager is annoyed."),
                "expectation", List.of("I expected inviting users to take one click.")),
            List.of(), 0, "Invitation emails to new users never arrive", List.of("invitation", "email")),
        new ScriptedRespondent("detractor, wants to stop", "detractor", 2, "Support never answers.",
            Map.of(
                "situation", List.of("I opened a support ticket about billing and nobody answered for nine days."),
                "sequence", List.of("It started in January when our invoice doubled.")),
            List.of(), 2, "nobody answered the billing support ticket for nine days", List.of("support", "ticket")),
        new ScriptedRespondent("detractor, churn signals", "detractor", 3, "Not worth the price anymore.",
            Map.of(
                "situation", List.of("We are in the middle of our renewal discussion and I was asked to justify the cost."),
                "sequence", List.of("Since the price per seat went up in January from 20 to 35 dollars."),
                "operational", List.of("We pay for 40 seats but only 15 people log in every week, because the mobile app keeps logging them out.",
                    "Mobile users get logged out every few hours and give up."),
                "relational", List.of("The director who chose you left in June and the new one prefers another tool."),
                "expectation", List.of("We expected the whole field team to use it on their phones.")),
            List.of("We are evaluating two alternatives; they would need a mobile app that keeps people logged in.",
                "If the mobile app kept people logged in and we could pay for active users only, staying would be easy.",
                "The new director wants whatever is cheapest per active user."),
            0, "the mobile app keeps logging users out, so only 15 of 40 seats are used", List.of("mobile", "logged")),
        new ScriptedRespondent("passive, positive but constrained", "passive", 8, "Good tool.",
            Map.of(
                "works", List.of("The weekly report saves me an hour every Monday."),
                "holds-back", List.of("I love it but IT will not approve it for other teams.",
                    "IT requires single sign-on with Okta, and you only offer it on the enterprise plan, which is twice the price."),
                "better", List.of("Single sign-on on our plan; then three more teams would use it.")),
            List.of(), 0, "single sign-on with Okta is only on the enterprise plan", List.of("sign-on", "okta")),
        new ScriptedRespondent("passive, satisfied not loyal", "passive", 7, "It's fine.",
            Map.of(
                "works", List.of("It's fine, it does the job.", "We use the dashboards in the Monday stand-up."),
                "holds-back", List.of("Nothing special really.",
                    "The dashboards cannot be shared with people outside the company, so I still export screenshots for clients."),
                "better", List.of("A share link for clients would make it a 9.")),
            List.of(), 0, "dashboards cannot be shared outside the company", List.of("dashboard", "shar")),
        new ScriptedRespondent("promoter", "promoter", 10, "Love it!",
            Map.of(
                "changed", List.of("We close the month two days faster because the numbers are just there."),
                "moment", List.of("The first board meeting where nobody asked where a number came from."),
                "peer", List.of("If you run a finance team, it saves you a day a month."),
                "almost", List.of("The setup took three weeks and nearly killed the project.")),
            List.of(), 0, "we close the month two days faster", List.of("month", "two days")));
  }

  /**
   * Written after the moderator was tuned on {@link #all()} and never tuned on: other products, other words.
   * Their figures are the honest estimate; the tuned set's are optimistic.
   */
  static List<ScriptedRespondent> heldOut() {
    return List.of(
        new ScriptedRespondent("held out: detractor, mobile crashes", "detractor", 2, "App is unreliable.",
            Map.of(
                "situation", List.of("I was on a site visit trying to log an inspection.", "Standing in a warehouse with no laptop, only my phone."),
                "sequence", List.of("A while ago.", "Since the version 4.2 update in September the app closes itself."),
                "operational", List.of("It just doesn't work properly.",
                    "When I attach more than three photos to an inspection the Android app crashes and the form is lost.",
                    "It happens on most visits, so I redo about five forms a week from my notes."),
                "relational", List.of("All twelve field inspectors; our ops manager now makes us use paper as a backup."),
                "expectation", List.of("We bought it because it was sold as offline-first for field work.")),
            List.of(), 0, "the Android app crashes when more than three photos are attached", List.of("photo", "crash")),
        new ScriptedRespondent("held out: detractor, onboarding", "detractor", 5, null,
            Map.of(
                "situation", List.of("We were rolling it out to the new hires.", "Onboarding week for eight new account managers."),
                "sequence", List.of("From the start really.", "From the first training session in October."),
                "operational", List.of("Training is hard.",
                    "The permission settings are so confusing that new users cannot see their own accounts until an admin fixes each one by hand, about twenty minutes per person."),
                "relational", List.of("Our one admin spends two days a month on it and is burning out."),
                "expectation", List.of("I expected roles to be set up once and applied to every new user.")),
            List.of(), 0, "new users cannot see their accounts until an admin fixes permissions by hand", List.of("permission", "admin")),
        new ScriptedRespondent("held out: passive, frustrated but tolerant", "passive", 7, "Works, mostly.",
            Map.of(
                "works", List.of("Scheduling the weekly newsletter is easy."),
                "holds-back", List.of("Some things are annoying but switching would be worse.",
                    "Every time we import a contact list, duplicates appear and I spend an hour merging them."),
                "better", List.of("Automatic duplicate merging on import.")),
            List.of(), 0, "every contact import creates duplicates that take an hour to merge", List.of("duplicate", "import")));
  }
}
