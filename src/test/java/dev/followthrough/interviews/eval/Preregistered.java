package dev.followthrough.interviews.eval;

import java.util.List;
import java.util.Map;

/**
 * The pre-registered respondents (issue 13): written and committed before the moderator was changed for the
 * issue, and never edited while tuning. Markers at the end of a line are the script author's annotations and are
 * stripped before the moderator sees the answer: {@code [topic:word]} — a short answer naming a topic, the next
 * question must be about it ({@code word}); {@code [churn:a,b]} — a churn signal, the next question must take it
 * up (mention one of the words). {@code slots}: the words each play-back slot must carry (root, who, gap, when);
 * {@code minSeverity}: the least severity the result may have.
 */
final class Preregistered {

  private Preregistered() {}

  static ScriptedRespondent r(String name, String guide, int score, String comment, Map<String, List<String>> answers,
                              List<String> extra, int stopAfter, List<String> rootTerms, Map<String, List<String>> slots,
                              String minSeverity) {
    return new ScriptedRespondent(name, guide, score, comment, answers, extra, stopAfter, String.join(" ", rootTerms),
        rootTerms, slots, minSeverity);
  }

  static List<ScriptedRespondent> all() {
    return List.of(
        r("terse: support", "detractor", 4, "Bad experience.",
            Map.of(
                "situation", List.of("Support, mostly. [topic:support]",
                    "I opened a ticket about a broken invoice export and waited six days for a first reply."),
                "sequence", List.of("Since spring.", "It started in April when support moved to email only."),
                "operational", List.of("Tickets. [topic:ticket]",
                    "Every ticket takes four to six days to get a first answer, and my invoices stay wrong meanwhile."),
                "relational", List.of("Finance. [topic:finance]",
                    "Our finance team of three cannot close the month until the invoices are fixed."),
                "expectation", List.of("Faster answers.", "We were promised a four-hour response time in the contract.")),
            List.of(), 0, List.of("ticket", "days"), Map.of("who", List.of("finance"), "gap", List.of("four-hour")), "medium"),
        r("terse: reports", "detractor", 5, null,
            Map.of(
                "situation", List.of("Reports. [topic:report]",
                    "I needed the quarterly usage report for a customer review and it showed last month's numbers."),
                "sequence", List.of("A while.", "Since the data warehouse migration in August."),
                "operational", List.of("Wrong numbers.",
                    "The usage report lags by about 30 days, so every number I show customers is a month old."),
                "relational", List.of("My boss. [topic:boss]",
                    "My boss presents these numbers to the board and had to correct them twice."),
                "expectation", List.of("Live data.", "We were told the reports refresh every hour.")),
            List.of(), 0, List.of("usage report", "30 days"), Map.of("who", List.of("boss"), "gap", List.of("every hour")), "medium"),
        r("terse: a person named", "detractor", 3, "Account management is a joke.",
            Map.of(
                "situation", List.of("Tom. [topic:tom]",
                    "Tom, our account manager, promised a fix for the SSO login in March and then stopped replying."),
                "sequence", List.of("March.", "After the March call he cancelled two meetings in a row."),
                "operational", List.of("SSO. [topic:sso]",
                    "Single sign-on with Azure fails for about a third of our users every morning, they get an error 500."),
                "relational", List.of("IT. [topic:it]", "Our IT desk gets twenty tickets a week about the login."),
                "expectation", List.of("A working login.", "We expected SSO to work on day one, it was in the sales deck.")),
            List.of(), 0, List.of("single sign-on", "third"), Map.of("who", List.of("it desk"), "gap", List.of("sales deck")), "high"),
        r("rambling detractor", "detractor", 4, "Where do I even start.",
            Map.of(
                "situation", List.of("Well, it's a long story, we have been with you for three years, and honestly at the beginning it was all "
                        + "fine, the team liked it, we had our weekly meetings, and then things kind of started to slip, I don't know, the whole "
                        + "thing just feels slower and more complicated than it used to, and people complain about it in the kitchen, you know how it is.",
                    "That week we were preparing the annual planning and I needed to pull twelve months of pipeline data, and the dashboard "
                        + "kept spinning for minutes before showing anything."),
                "sequence", List.of("Hard to say exactly, it crept up on us, maybe after one of your updates, or maybe it was our side, we "
                        + "added a lot of data, I really couldn't tell you.", "I noticed it first in June, after the dashboard redesign."),
                "operational", List.of("The dashboards, mostly. [topic:dashboard]",
                    "Any dashboard with more than a year of data takes two to three minutes to load, and often times out completely."),
                "relational", List.of("The sales managers, all eight of them, stopped using the dashboards and went back to spreadsheets."),
                "expectation", List.of("We bought it for fast dashboards on our whole history; in the demo it loaded in seconds.")),
            List.of(), 0, List.of("dashboard", "minutes"), Map.of("who", List.of("sales managers"), "gap", List.of("demo")), "medium"),
        r("rambling passive", "passive", 7, "It's ok.",
            Map.of(
                "works", List.of("Oh, where to begin, I use it for lots of things really, the calendar, the reminders, and my colleagues use "
                        + "it for their stuff too, it's part of the furniture now, we've had it so long that nobody remembers what we did "
                        + "before, I suppose that says something.", "The shared calendar is what I open every morning to plan the crew's jobs."),
                "holds-back", List.of("Billing. [topic:billing]",
                    "Every invoice we send through you has the wrong VAT rate for our Irish customers, so I correct about 15 invoices by "
                        + "hand every month."),
                "better", List.of("Correct VAT for Ireland, then I'd recommend it without hesitation.")),
            List.of(), 0, List.of("vat", "invoice"), Map.of(), "low"),
        r("hostile: support", "detractor", 0, "Worst vendor ever.",
            Map.of(
                "situation", List.of("Are you a bot? Support, obviously. [topic:support]",
                    "Your support closed my ticket about the broken payroll export three times without fixing it."),
                "sequence", List.of("Since forever.", "Since the payroll module update in February."),
                "operational", List.of("Just fix it.",
                    "The payroll export drops overtime hours for night-shift staff, about 40 people every month."),
                "relational", List.of("Our staff got paid wrong. [topic:staff]",
                    "Forty night-shift nurses were underpaid in March and our HR director had to apologise to each of them."),
                "expectation", List.of("I expected payroll software to get payroll right, what a joke.")),
            List.of("Fine. The payroll export drops overtime for the night shift."), 0, List.of("payroll export", "overtime"),
            Map.of("who", List.of("nurses")), "high"),
        r("hostile: churn", "detractor", 2, "Cancelling soon.",
            Map.of(
                "situation", List.of("Don't waste my time. We're seeing a competitor's demo next month. [churn:competitor,demo]",
                    "We were migrating our warehouse stock data and the import failed halfway, twice."),
                "sequence", List.of("Since the update, obviously.", "Since version 5 in October the import stops at about 8,000 rows."),
                "operational", List.of("Imports. [topic:import]",
                    "Any stock import over 8,000 rows stops with a timeout, so we split files by hand for two hours every week."),
                "relational", List.of("Our warehouse leads, five people, and our COO who signed the contract."),
                "expectation", List.of("We were sold unlimited imports.")),
            List.of("They would need imports that don't stop at 8,000 rows, that's all."), 0, List.of("import", "8,000"),
            Map.of("who", List.of("warehouse"), "gap", List.of("unlimited")), "high"),
        r("off-topic: newsletter", "detractor", 5, null,
            Map.of(
                "situation", List.of("Honestly I'm more worried about my daughter's exams this week.",
                    "Right. I was trying to send the monthly newsletter and the editor kept losing my images."),
                "sequence", List.of("We just moved house, so everything is a blur.", "It started three weeks ago after the editor update."),
                "operational", List.of("The editor. [topic:editor]",
                    "When I drag more than two images into the newsletter editor it freezes and I lose the draft, about every second newsletter."),
                "relational", List.of("Our marketing intern, who has to redo the drafts."),
                "expectation", List.of("I expected the editor to autosave every minute.")),
            List.of(), 0, List.of("editor", "images"), Map.of("who", List.of("intern"), "gap", List.of("autosave")), "medium"),
        r("churn: champion leaving", "detractor", 4, "Not what it used to be.",
            Map.of(
                "situation", List.of("Maria, who brought you in, is leaving at the end of the month. [churn:maria,leaving,leave]",
                    "I was covering for Maria and could not find how she had set up the approval workflows."),
                "sequence", List.of("Recently.", "Since the approvals page was redesigned in September."),
                "operational", List.of("Approvals. [topic:approval]",
                    "Approval chains with more than three steps skip the last approver, so purchase orders over 10,000 euros go out unapproved."),
                "relational", List.of("Finance and procurement, and our new CFO wants to consolidate tools. [churn:cfo,consolidat]"),
                "expectation", List.of("We expected approvals to be audited, that's why we chose you.")),
            List.of("Her replacement has not been named; whoever it is will review all our tools.",
                "The CFO would keep you if approvals were reliable and auditable."),
            0, List.of("approv", "skip"), Map.of("who", List.of("procurement"), "gap", List.of("audit")), "high"),
        r("churn: budget cut (passive)", "passive", 7, "Decent.",
            Map.of(
                "works", List.of("The scheduling board works well for our dispatchers."),
                "holds-back", List.of("Our budget was cut by 30% and we have to drop two tools. [churn:budget,cut,drop]",
                    "The route optimisation add-on costs 900 euros a month and we only use it in summer."),
                "better", List.of("Pricing. [topic:pric]", "Seasonal pricing for the add-on would keep us with you.")),
            List.of("Whichever tool is cheaper per dispatcher stays; right now that's not you."), 0,
            List.of("route optimisation", "900"), Map.of(), "high"),
        r("churn: renewal doubt", "detractor", 5, "Meh.",
            Map.of(
                "situation", List.of("Our renewal is in six weeks and I'm not sure we'll renew. [churn:renew]",
                    "I was preparing the renewal case and could not show any time saved."),
                "sequence", List.of("It's been gradual.", "Since we lost the Outlook integration in the summer."),
                "operational", List.of("Outlook. [topic:outlook]",
                    "Since July meetings booked in Outlook no longer sync, so our 25 consultants log their hours twice."),
                "relational", List.of("The consultants. [topic:consultant]",
                    "The consultants spend about an hour a week on double entry and they complain to me every Friday."),
                "expectation", List.of("We expected the Outlook sync to keep working, it was the reason we bought.")),
            List.of("For staying to be easy, the Outlook sync has to work before the renewal."), 0, List.of("outlook", "sync"),
            Map.of("who", List.of("consultants"), "gap", List.of("reason we bought")), "high"),
        r("churn: manager wants alternatives", "detractor", 6, "Could be better.",
            Map.of(
                "situation", List.of("My manager asked me to look at alternatives. [churn:alternative]",
                    "We were onboarding a new client and the project templates did not copy the task owners."),
                "sequence", List.of("Last month.", "It started in May with the new template engine."),
                "operational", List.of("Templates. [topic:template]",
                    "Copying a project template drops every task owner, so I reassign about 120 tasks by hand per new client."),
                "relational", List.of("Project managers. [topic:project manager]", "Our four project managers lose half a day per new client."),
                "expectation", List.of("I expected a template to copy everything, owners included.")),
            List.of("An alternative would need templates that keep owners; that's the test."), 0, List.of("template", "owner"),
            Map.of("who", List.of("project managers"), "gap", List.of("copy everything")), "high"),
        r("promoter: support praise", "promoter", 10, "Great team.",
            Map.of(
                "changed", List.of("Support, mostly. [topic:support]",
                    "Raj from support solved our data import problem within 15 minutes on a Friday evening."),
                "moment", List.of("That Friday.", "When Raj stayed on the call until our import ran, I knew we had picked the right vendor."),
                "peer", List.of("Great support, honestly.", "Tell them the support team actually fixes things the same day."),
                "almost", List.of("The price. [topic:price]", "The price was 20% above the other quote and our CFO nearly said no.")),
            List.of(), 0, List.of("raj", "15 minutes"), Map.of(), "low"),
        r("promoter: terse", "promoter", 9, null,
            Map.of(
                "changed", List.of("Speed. [topic:speed]", "Month-end reports that took a day now take ten minutes."),
                "moment", List.of("Board meeting. [topic:board meeting]",
                    "At the March board meeting the numbers were ready and nobody asked where they came from."),
                "peer", List.of("Just works.", "It just works for finance teams of any size."),
                "almost", List.of("Setup. [topic:setup]", "The Xero connection took two weeks to set up.")),
            List.of(), 0, List.of("ten minutes", "reports"), Map.of(), "low"),
        r("passive: onboarding, terse", "passive", 8, "Fine.",
            Map.of(
                "works", List.of("The mobile app. [topic:mobile app]", "Our drivers use the mobile app to scan deliveries, it's quick."),
                "holds-back", List.of("Onboarding. [topic:onboarding]",
                    "Every new driver needs a two-hour training call because the app has no in-app guide, and we hire ten drivers a month."),
                "better", List.of("A short in-app tutorial for new drivers.")),
            List.of(), 0, List.of("training", "guide"), Map.of(), "low"),
        r("passive: constrained by IT", "passive", 8, "Good, but.",
            Map.of(
                "works", List.of("Reporting. [topic:report]",
                    "The weekly pipeline report goes to our leadership every Monday without me touching it."),
                "holds-back", List.of("Security review. [topic:security]",
                    "Our security team blocked the rollout to other teams because you store data only in the US and we need EU hosting."),
                "better", List.of("EU data hosting, then four more departments would join.")),
            List.of(), 0, List.of("eu", "hosting"), Map.of(), "low"),
        r("vague, then one concrete", "detractor", 3, "Disappointing.",
            Map.of(
                "situation", List.of("It's just not great overall.", "Things in general.",
                    "I was trying to approve timesheets on Friday and the approve button did nothing."),
                "sequence", List.of("Not sure.", "Maybe since the last update."),
                "operational", List.of("The approve button. [topic:approve button]",
                    "The approve button on the timesheet screen does nothing for batches over 50 timesheets, so I approve them one by one for an hour every Friday."),
                "relational", List.of("Payroll waits for me. [topic:payroll]",
                    "Payroll cannot run until all 200 timesheets are approved, so they wait on me every week."),
                "expectation", List.of("I expected bulk approval to just work.")),
            List.of(), 0, List.of("approve button", "50"), Map.of("who", List.of("payroll"), "gap", List.of("bulk approval")), "high"),
        r("wants to stop after a topic", "detractor", 2, "Terrible.",
            Map.of(
                "situation", List.of("Billing. [topic:billing]",
                    "We were charged twice for March, 2,400 dollars each time, and nobody has refunded it."),
                "sequence", List.of("Since March.")),
            List.of(), 3, List.of("charged twice", "2,400"), Map.of(), "high"),
        r("mixed praise and problem", "detractor", 6, "Support is great but the product isn't.",
            Map.of(
                "situation", List.of("Support is great, the product not so much.",
                    "I was running the weekly stock count and the barcode scanner app lost its connection in the cold room."),
                "sequence", List.of("Since winter.", "Since November, when we moved to the new scanner model."),
                "operational", List.of("Scanning. [topic:scan]",
                    "In the cold room the scanner app drops the Wi-Fi connection and loses the last 20 to 30 scans every time."),
                "relational", List.of("The stock team. [topic:stock team]",
                    "Our stock team of four recounts the cold room every Friday, about two hours."),
                "expectation", List.of("We expected offline scanning, it was on the feature list.")),
            List.of(), 0, List.of("scanner app", "scans"), Map.of("who", List.of("stock team"), "gap", List.of("offline")), "medium"),
        r("churn mid-conversation", "detractor", 4, "Frustrating.",
            Map.of(
                "situation", List.of("We were running payroll for 300 employees and the tax tables were out of date."),
                "sequence", List.of("Since January, when the new tax year started."),
                "operational", List.of("Tax tables. [topic:tax table]",
                    "The tax tables were updated three weeks late, so 300 payslips in January had the wrong deductions."),
                "relational", List.of("Honestly, we're looking at alternatives for next year. [churn:alternative]",
                    "Our HR team had to issue 300 corrected payslips and answer angry employees."),
                "expectation", List.of("I expected tax updates on the first day of the year.")),
            List.of("Another provider would need to update the tax tables on time, every time."), 0, List.of("tax tables", "three weeks"),
            Map.of("who", List.of("hr"), "gap", List.of("first day")), "high"),
        r("passive: satisfied, terse", "passive", 7, "OK.",
            Map.of(
                "works", List.of("Notes. [topic:note]", "The meeting notes sync to the CRM automatically."),
                "holds-back", List.of("Nothing special.", "The search. [topic:search]",
                    "Search cannot find words inside attached PDFs, so I open files one by one to find a contract clause."),
                "better", List.of("PDF search.")),
            List.of(), 0, List.of("search", "pdf"), Map.of(), "low"),
        r("promoter with a churn hint", "promoter", 9, "Love the product.",
            Map.of(
                "changed", List.of("Our onboarding time for new customers halved, from ten days to five."),
                "moment", List.of("When our first enterprise client went live in a week."),
                "peer", List.of("Tell them it's the best onboarding tool out there."),
                "almost", List.of("Our champion, Priya, left last month, so I'm not sure the new team will keep it. [churn:priya,left,new team]",
                    "The price nearly stopped us.")),
            List.of("The new head of operations hasn't used it yet; a walkthrough for her would help."), 0, List.of("onboarding", "five"),
            Map.of(), "medium"),
        r("slow, then specific", "detractor", 5, "Slow.",
            Map.of(
                "situation", List.of("Slow.", "I was loading the customer list before a sales call and it took forever."),
                "sequence", List.of("Since the summer.", "Since the July release."),
                "operational", List.of("The customer list. [topic:customer list]",
                    "The customer list takes 40 seconds to open once you have more than 5,000 accounts."),
                "relational", List.of("Sales reps. [topic:sales rep]",
                    "Our 30 sales reps open it before every call, so they waste about an hour a day together."),
                "expectation", List.of("I expected it to open in a second or two.")),
            List.of(), 0, List.of("customer list", "40 seconds"), Map.of("who", List.of("sales reps"), "gap", List.of("second")), "medium"));
  }
}
