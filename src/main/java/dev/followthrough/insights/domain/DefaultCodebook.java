package dev.followthrough.insights.domain;

import dev.followthrough.insights.domain.Codebook.Category;
import dev.followthrough.insights.domain.Codebook.Mechanism;
import java.util.List;

/**
 * The codebook a new installation starts with (version 1): mechanisms, not labels. "Not seeing value"
 * is a label; "cannot justify the cost to my CFO" and "the price went up" are two different mechanisms
 * with two different owners.
 */
public final class DefaultCodebook {

  private DefaultCodebook() {}

  private static Mechanism m(String key, String name, String description, String owner, String... examples) {
    return new Mechanism(key, name, description, List.of(examples), owner);
  }

  /** A problem mechanism with what it is not: praise or neighbours it must not be confused with. */
  private static Mechanism m(String key, String name, String description, String owner, List<String> not, String... examples) {
    return new Mechanism(key, name, description, List.of(examples), owner, Mechanism.PROBLEM, not);
  }

  /** A praise mechanism: what customers value, so it is kept (and told to the team that earned it). */
  private static Mechanism praise(String key, String name, String description, String owner, String... examples) {
    return new Mechanism(key, name, description, List.of(examples), owner, Mechanism.PRAISE, List.of());
  }

  public static Codebook v1() {
    return new Codebook(1, List.of(
        new Category("product-gaps", "Product gaps", "Something the customer needs is missing from the product.", List.of(
            m("missing-feature", "Missing feature", "A capability the customer needs does not exist, so they work around it or look elsewhere.", "product",
                "we still cannot do X", "please add support for", "the one thing missing is", "I wish it could"),
            m("missing-reporting", "Reporting and export gaps", "Reports, dashboards or exports do not give the customer the data or format they need.", "product",
                "no way to export the data we need", "reports are too basic", "cannot build the dashboard my boss wants"))),
        new Category("reliability", "Reliability and bugs", "The product breaks, errors or loses data.", List.of(
            m("bugs-errors", "Bugs and errors", "Features fail with errors, crash, or behave wrongly.", "product",
                "it keeps crashing", "we get an error every time", "this bug has been open for months", "broke after your update"),
            m("outages", "Outages and downtime", "The service is unavailable or unreliable for periods of time.", "product",
                "the service was down again", "outage during our busiest day", "we could not log in for hours"),
            m("data-loss", "Data loss or corruption", "Customer data went missing, was overwritten or is wrong.", "product",
                "we lost our data", "records disappeared", "the numbers in the system are wrong"))),
        new Category("usability", "Usability", "The product is hard to learn or to use day to day.", List.of(
            m("confusing-ui", "Confusing interface", "Screens, navigation or workflows are confusing or take too many steps.", "product",
                "too many clicks", "I can never find where things are", "the interface is confusing", "clunky to use"))),
        new Category("performance", "Performance", "The product is slow.", List.of(
            m("slow-performance", "Slow performance", "Pages, searches, exports or syncs are slow or time out.", "product",
                "exports keep timing out", "pages take forever to load", "it is painfully slow on large projects"))),
        new Category("service", "Service and support failures", "Getting help fails the customer.", List.of(
            m("slow-support", "Slow support response", "Support takes too long to answer or to resolve issues.", "cs-leadership",
                List.of("support answered within minutes", "a quick reply from support"),
                "waited days for a reply", "tickets sit for weeks", "nobody gets back to us"),
            m("no-ownership", "No ownership of problems", "Customers are bounced between people and nobody owns their problem.", "cs-leadership",
                "three tickets, three different answers", "nobody owns our problem", "we keep repeating ourselves"),
            m("unhelpful-support", "Unhelpful support", "Support answers without solving, or lacks the knowledge to help.", "cs-leadership",
                List.of("support solved it and followed up to make sure it was fixed", "the agent understood the problem right away"),
                "support did not understand the issue", "canned answers that do not help"))),
        new Category("onboarding", "Onboarding breakdowns", "Getting started goes wrong.", List.of(
            m("slow-onboarding", "Slow or failed onboarding", "Setup, implementation or migration took too long or stalled.", "onboarding",
                "implementation took months", "we are still not set up", "the migration was painful"),
            m("training-gaps", "Training gaps", "Users were not trained or cannot find guidance to adopt the product.", "onboarding",
                "nobody showed us how to use it", "the documentation is lacking", "new users get lost"))),
        new Category("pricing-value", "Pricing and value articulation", "Money, and whether the value is visible to the people who pay.", List.of(
            m("price-sensitivity", "Price sensitivity", "The price itself is too high or rose too much for this customer.", "product-marketing",
                "too expensive", "the price increase is too much", "cheaper options exist"),
            m("value-articulation", "Cannot justify the cost internally", "The customer sees value but cannot show it to the budget holder (CFO, procurement).", "product-marketing",
                "I can't justify the cost to my CFO", "hard to explain the ROI to finance", "procurement asks what we get for the money"))),
        new Category("competition", "Competitive displacement", "A competitor is winning the customer.", List.of(
            m("competitor-switch", "Switching to a competitor", "The customer is evaluating or moving to a competing product.", "product-marketing",
                "we are moving to a competitor", "another tool does this better", "we are evaluating alternatives"))),
        new Category("champion", "Internal champion loss", "The person who chose and drove the product is gone.", List.of(
            m("champion-left", "Champion left", "The sponsor or power user left or changed role, and nobody drives adoption.", "cs-leadership",
                "our admin left the company", "the person who bought this is gone", "new management does not know the tool"))),
        new Category("value-realisation", "Value realisation failures", "The customer does not get the outcome they bought the product for.", List.of(
            m("no-outcomes", "Outcomes not achieved", "The product is used but the expected business results do not show up.", "cs-leadership",
                "not seeing the value", "we have not seen results", "it has not made a difference for us"),
            m("low-adoption", "Low adoption", "Few people use the product, so its value never materialises.", "cs-leadership",
                "the team does not use it", "only two people log in", "adoption is low"))),
        new Category("integrations", "Integration gaps", "The product does not connect to the customer's other systems.", List.of(
            m("missing-integration", "Missing or broken integration", "An integration (CRM, SSO, API, data sync) is missing, limited or fails.", "product",
                "no Salesforce integration", "SSO broke", "the API is missing endpoints", "sync with our CRM fails"))),
        new Category("billing", "Billing", "Invoices and payments go wrong.", List.of(
            m("billing-errors", "Billing errors", "Invoices are wrong, charges unexpected, or refunds and corrections are slow.", "finance",
                "the invoice was wrong", "we were charged twice", "took weeks to correct the bill"))),
        new Category("praise", "What customers value", "What works and should be kept: praise, not a problem.", List.of(
            praise("praise-people", "Great people", "A named person or team (account manager, support agent, consultant, trainer) is praised for their care and knowledge.", "cs-leadership",
                "Maria is fantastic, always on top of our account", "our CSM really knows our business", "the consultant was brilliant", "great team, very friendly"),
            praise("praise-speed-of-help", "Fast, effective help", "Support answered quickly and solved the problem, or followed up to make sure it was fixed.", "cs-leadership",
                "support solved it within 15 minutes", "quick and helpful answer from support", "they followed up the next day to make sure it was fixed", "problem fixed the same day"),
            praise("praise-feature", "A feature they value", "A specific feature or capability (dashboards, reports, automations, integrations) works well and is valued.", "product",
                "the new dashboards are great", "automations save us hours", "the integration just works", "love the reporting"),
            praise("praise-ease-of-use", "Easy to use", "The product is easy to learn and pleasant to use; onboarding or training made it click.", "product",
                "super intuitive", "easy to use, my team picked it up in a day", "onboarding was smooth", "the training was exactly the right depth"),
            praise("praise-reliability", "Reliable", "The product just works, without outages or surprises.", "product",
                "it just works", "rock solid, not a single outage this year", "reliable and stable", "nothing ever breaks"),
            praise("praise-value", "Worth the money", "The product saves time or money and pays for itself.", "product-marketing",
                "saves us hours every week", "paid for itself in the first quarter", "great value for money", "we cut our reporting time in half")))));
  }
}
