package dev.followthrough.responses.demo;

import dev.followthrough.nps.Category;
import dev.followthrough.responses.demo.DemoComments.Theme;
import dev.followthrough.responses.demo.DemoNames.Country;
import dev.followthrough.responses.domain.AccountData;
import dev.followthrough.responses.domain.ContactData;
import dev.followthrough.responses.domain.Kind;
import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.domain.Score;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A year of an invented B2B software company's NPS program, ending at {@code now}: about 300 accounts in three tiers,
 * their surveyed contacts, and the relational and transactional responses they gave, with comments.
 *
 * <p>The same seed and instant always give the same program, down to every comment, so two nodes loading the demo at
 * once produce identical responses that the intake recognises as duplicates by their source ids.
 *
 * <p>The year has stories a dashboard should surface: a support backlog that sinks small-business scores for one
 * month and lingers into the next, enterprise exports struggling on big projects in the middle of the year,
 * mid-market NPS rising after new dashboards ship in the last quarter, onboarding scoring below relational but
 * improving, a handful of troubled accounts, and contacts whose scores slide month after month.
 */
public final class DemoProgram {

  public static final String SOURCE = "demo";

  /** An account with the contacts who answer for it. */
  public record Account(AccountData data, List<ContactData> contacts) {}

  private final List<Account> accounts;
  private final List<ResponseCommand> responses;

  private DemoProgram(List<Account> accounts, List<ResponseCommand> responses) {
    this.accounts = List.copyOf(accounts);
    this.responses = List.copyOf(responses);
  }

  /** The account owners (customer success managers) of every tier, each once. */
  public static List<String> owners() {
    return CSMS.values().stream().flatMap(List::stream).distinct().sorted().toList();
  }

  public static DemoProgram generate(long seed, Instant now) {
    return new Generator(new Random(seed), now).run();
  }

  public List<Account> accounts() {
    return accounts;
  }

  public int contactCount() {
    return accounts.stream().mapToInt(a -> a.contacts().size()).sum();
  }

  /** In the order they were given, oldest first. */
  public List<ResponseCommand> responses() {
    return responses;
  }

  // ---------------------------------------------------------------- the invented company

  static final String ENTERPRISE = "enterprise";
  static final String MID_MARKET = "mid-market";
  static final String SMB = "smb";

  static final String RELATIONAL = "relational";
  static final String SUPPORT = "support";
  static final String ONBOARDING = "onboarding";
  static final String TRAINING = "training";
  static final String RENEWAL = "renewal";

  private static final Map<String, List<String>> CSMS = Map.of(
      ENTERPRISE, List.of("Priya Raman", "Marcus Bell", "Elena Sokolova"),
      MID_MARKET, List.of("Daniel Okafor", "Sofia Lindqvist", "Hannah Weiss", "Tom Brennan"),
      SMB, List.of("Aisha Khan", "Leo Martins"));
  private static final List<String> AGENTS = List.of("Lena", "Raj", "Mateo", "Chloe", "Sam", "Yuki", "Ibrahim",
      "Grace", "Noor", "Felipe");
  private static final List<String> CONSULTANTS = List.of("Elif Demir", "Jonas Berg", "Nadia Haddad", "Owen Pryce");
  private static final List<String> COURSES = List.of("Admin essentials", "Automation rules 101",
      "Reporting deep dive", "Portfolio management", "Getting started for team members");

  /** Month of the support backlog, counted back from the current month. */
  static final int SUPPORT_BACKLOG_MONTHS_AGO = 4;

  private static final class Acct {
    String externalId;
    String name;
    String domain;
    String tier;
    Country country;
    String industry;
    String plan;
    String owner;
    String consultant;
    BigDecimal arr;
    int seats;
    LocalDate renewal;
    LocalDate customerSince;
    double effect;
    Set<Theme> issues;
    final List<Person> people = new ArrayList<>();
    AccountData data;
  }

  private static final class Person {
    Acct account;
    String externalId;
    String name;
    String email;
    String role;
    String title;
    String language;
    Instant joined;
    double effect;
    double trend; // points gained (or lost) over the year
    ContactData data;
  }

  private static final class Draft {
    Person who;
    String touchpoint;
    String program;
    Kind kind;
    Instant at;
    Map<String, Object> attributes = new LinkedHashMap<>();
    String agent;
    String course;
  }

  private static final class Generator {

    private final Random rng;
    private final Instant now;
    private final Instant start;
    private final LocalDate today;
    private final YearMonth thisMonth;

    Generator(Random rng, Instant now) {
      this.rng = rng;
      this.now = now;
      this.start = now.minus(Duration.ofDays(365));
      this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      this.thisMonth = YearMonth.from(today);
    }

    DemoProgram run() {
      List<Acct> accounts = accounts();
      int contactNo = 0;
      for (Acct a : accounts) contactNo = people(a, contactNo);
      List<Draft> drafts = new ArrayList<>();
      for (Acct a : accounts) {
        renewalCheckIns(a, drafts);
        for (Person p : a.people) {
          relational(p, drafts);
          support(p, drafts);
          onboarding(p, drafts);
          training(p, drafts);
        }
      }
      drafts.removeIf(d -> d.at.isBefore(start) || !d.at.isBefore(now));
      drafts.sort(Comparator.comparing(d -> d.at)); // stable: equal instants keep generation order
      int ticket = 38_000 + rng.nextInt(500);
      List<ResponseCommand> responses = new ArrayList<>(drafts.size());
      for (int i = 0; i < drafts.size(); i++) {
        Draft d = drafts.get(i);
        if (d.touchpoint.equals(SUPPORT)) {
          ticket += 2 + rng.nextInt(9); // most tickets get no survey answer
          d.attributes.put("ticket", "SUP-" + ticket);
        }
        responses.add(respond(d, "demo-%06d".formatted(i + 1)));
      }
      return new DemoProgram(accounts.stream().map(a -> new Account(a.data,
          a.people.stream().map(p -> p.data).toList())).toList(), responses);
    }

    // ---------------------------------------------------------------- accounts and people

    private List<Acct> accounts() {
      List<String> tiers = new ArrayList<>();
      tiers.addAll(Collections.nCopies(30, ENTERPRISE));
      tiers.addAll(Collections.nCopies(90, MID_MARKET));
      tiers.addAll(Collections.nCopies(180, SMB));
      Collections.shuffle(tiers, rng);
      Set<String> names = new HashSet<>();
      Set<String> domains = new HashSet<>();
      List<Acct> out = new ArrayList<>();
      for (String tier : tiers) {
        Acct a = new Acct();
        a.externalId = "demo-acct-%03d".formatted(out.size() + 1);
        a.tier = tier;
        a.country = weighted(DemoNames.COUNTRIES, DemoNames.COUNTRY_WEIGHTS);
        a.industry = DemoNames.pick(rng, DemoNames.INDUSTRIES);
        DemoNames.Company company;
        do company = DemoNames.company(rng, a.industry, a.country);
        while (!names.add(company.name()) | !domains.add(company.domain()));
        a.name = company.name();
        a.domain = company.domain();
        a.arr = arr(tier);
        a.seats = seats(tier, a.arr);
        a.plan = switch (tier) {
          case ENTERPRISE -> "Enterprise";
          case MID_MARKET -> rng.nextDouble() < 0.8 ? "Business" : "Enterprise";
          default -> rng.nextDouble() < 0.7 ? "Team" : "Business";
        };
        a.owner = DemoNames.pick(rng, CSMS.get(tier));
        a.consultant = DemoNames.pick(rng, CONSULTANTS);
        a.renewal = today.plusDays(1 + rng.nextInt(365));
        a.customerSince = a.renewal.minusYears(rng.nextDouble() < 0.2 ? 1 : 2 + rng.nextInt(5))
            .minusDays(rng.nextInt(3));
        a.effect = rng.nextGaussian() * 0.8 + (rng.nextDouble() < 0.1 ? -1.8 : 0); // a few accounts are in trouble
        a.issues = EnumSet.noneOf(Theme.class);
        int issues = 1 + rng.nextInt(2);
        while (a.issues.size() < issues) a.issues.add(DemoNames.pick(rng, DemoComments.ACCOUNT_ISSUES));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("region", a.country.region());
        attributes.put("country", a.country.code());
        attributes.put("industry", a.industry);
        attributes.put("plan", a.plan);
        attributes.put("seats", a.seats);
        attributes.put("customerSince", a.customerSince.toString());
        a.data = new AccountData(a.externalId, a.name, tier, a.arr, a.renewal, a.owner, attributes);
        out.add(a);
      }
      return out;
    }

    /** Log-normal around a typical deal size, redrawn (not clamped) outside the tier's range. */
    private BigDecimal arr(String tier) {
      double median = switch (tier) { case ENTERPRISE -> 175_000; case MID_MARKET -> 33_000; default -> 4_800; };
      double sigma = switch (tier) { case ENTERPRISE -> 0.5; case MID_MARKET -> 0.4; default -> 0.6; };
      double low = switch (tier) { case ENTERPRISE -> 80_000; case MID_MARKET -> 15_000; default -> 1_000; };
      double high = switch (tier) { case ENTERPRISE -> 600_000; case MID_MARKET -> 80_000; default -> 15_000; };
      double round = switch (tier) { case ENTERPRISE -> 500; case MID_MARKET -> 100; default -> 12; };
      double v;
      do v = Math.round(median * Math.exp(sigma * rng.nextGaussian()) / round) * round;
      while (v < low || v > high);
      return BigDecimal.valueOf(v).setScale(2);
    }

    private int seats(String tier, BigDecimal arr) {
      double perSeat = switch (tier) { case ENTERPRISE -> 140 + rng.nextInt(80); case MID_MARKET -> 180 + rng.nextInt(80); default -> 240 + rng.nextInt(120); };
      return Math.max(3, (int) Math.round(arr.doubleValue() / perSeat));
    }

    private int people(Acct a, int contactNo) {
      List<String> roles = new ArrayList<>();
      switch (a.tier) {
        case ENTERPRISE -> {
          roles.addAll(List.of("executive sponsor", "admin", "IT"));
          if (rng.nextDouble() < 0.7) roles.add("finance");
          if (rng.nextDouble() < 0.5) roles.add("admin");
          int n = 6 + rng.nextInt(7);
          while (roles.size() < n) roles.add("end user");
        }
        case MID_MARKET -> {
          roles.add("admin");
          if (rng.nextDouble() < 0.5) roles.add("executive sponsor");
          if (rng.nextDouble() < 0.3) roles.add("finance");
          int n = Math.max(roles.size(), 3 + rng.nextInt(5));
          while (roles.size() < n) roles.add("end user");
        }
        default -> {
          roles.add("admin");
          int n = 1 + rng.nextInt(3);
          while (roles.size() < n) roles.add(rng.nextDouble() < 0.3 ? "executive sponsor" : "end user");
        }
      }
      int emailStyle = a.tier.equals(SMB) ? rng.nextInt(3) : rng.nextInt(2);
      Set<String> locals = new HashSet<>();
      Instant since = a.customerSince.atStartOfDay().toInstant(ZoneOffset.UTC);
      boolean newAccount = since.isAfter(start.minus(Duration.ofDays(30)));
      for (String role : roles) {
        Person p = new Person();
        p.account = a;
        p.externalId = "demo-contact-%04d".formatted(++contactNo);
        p.language = rng.nextDouble() < a.country.localLanguageShare() ? a.country.language() : "en";
        p.name = DemoNames.personName(rng, a.country.names());
        String local = DemoNames.emailLocalPart(p.name, emailStyle);
        for (int k = 2; !locals.add(local); k++) local = DemoNames.emailLocalPart(p.name, emailStyle) + k;
        p.email = local + "@" + a.domain;
        p.role = role;
        p.title = title(role, a.tier);
        if (newAccount) p.joined = since.plus(Duration.ofDays(role.equals("end user") ? 7 + rng.nextInt(30) : rng.nextInt(5)));
        else if (rng.nextDouble() < 0.12) p.joined = start.plus(Duration.ofDays(rng.nextInt(330)));  // a new user
        else p.joined = since;
        p.effect = rng.nextGaussian() * 0.6 + switch (role) {
          case "executive sponsor" -> 0.3; case "IT" -> -0.4; case "finance" -> -0.5; case "end user" -> -0.1; default -> 0;
        };
        double r = rng.nextDouble();
        // a few contacts sour over the year (a champion losing faith), a few warm up
        p.trend = r < 0.07 ? -(3.5 + 2 * rng.nextDouble()) : r < 0.15 ? 2 + 1.5 * rng.nextDouble() : 0;
        p.data = new ContactData(p.externalId, p.email, p.name, role, Map.of("title", p.title));
        a.people.add(p);
      }
      return contactNo;
    }

    private String title(String role, String tier) {
      List<String> titles = switch (role) {
        case "executive sponsor" -> tier.equals(SMB) ? List.of("Founder", "CEO", "Managing Director", "Owner")
            : List.of("VP Operations", "COO", "Director of PMO", "Head of Delivery", "CIO", "VP Engineering");
        case "admin" -> List.of("Operations Manager", "PMO Lead", "Systems Administrator", "Project Coordinator",
            "Business Applications Manager");
        case "IT" -> List.of("IT Manager", "Identity & Access Engineer", "IT Director", "Security Engineer");
        case "finance" -> List.of("Finance Manager", "Controller", "Procurement Lead", "FP&A Analyst");
        default -> List.of("Project Manager", "Team Lead", "Designer", "Engineer", "Account Manager", "Analyst",
            "Site Supervisor", "Marketing Manager", "Consultant", "Product Owner");
      };
      return DemoNames.pick(rng, titles);
    }

    // ---------------------------------------------------------------- surveys

    /** Each contact is invited about twice a year, on a phase of their own, once they have used the product a while. */
    private void relational(Person p, List<Draft> out) {
      Instant invite = start.plus(Duration.ofHours(rng.nextInt(182 * 24)));
      double rate = p.role.equals("executive sponsor") ? 0.55 : 0.7;
      for (; invite.isBefore(now); invite = invite.plus(Duration.ofDays(167 + rng.nextInt(31)))) {
        if (invite.isBefore(p.joined.plus(Duration.ofDays(90))) || rng.nextDouble() >= rate) continue;
        LocalDate day = LocalDate.ofInstant(invite, ZoneOffset.UTC).plusDays((long) (-Math.log(1 - rng.nextDouble()) * 1.5));
        LocalDate wave = LocalDate.ofInstant(invite, ZoneOffset.UTC);
        Draft d = draft(p, RELATIONAL, "Relational Q" + wave.get(IsoFields.QUARTER_OF_YEAR) + " " + wave.getYear(),
            Kind.RELATIONAL, day);
        out.add(d);
      }
    }

    /** Tickets arrive at a rate by role; the backlog month brings more of them, above all from small customers. */
    private void support(Person p, List<Draft> out) {
      double perYear = switch (p.role) {
        case "admin" -> 10; case "IT" -> 6; case "end user" -> 4; case "finance" -> 1.5; default -> 0.6;
      } * (p.account.tier.equals(SMB) ? 1.1 : 1.0);
      LocalDate first = LocalDate.ofInstant(p.joined.isAfter(start) ? p.joined : start, ZoneOffset.UTC);
      for (YearMonth month = YearMonth.from(first); !month.isAfter(thisMonth); month = month.plusMonths(1)) {
        LocalDate from = month.atDay(1).isBefore(first) ? first : month.atDay(1);
        LocalDate to = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        double factor = monthsAgo(from) == SUPPORT_BACKLOG_MONTHS_AGO ? (p.account.tier.equals(SMB) ? 1.5 : 1.15) : 1;
        for (int tickets = poisson(perYear * factor * days / 365); tickets > 0; tickets--) {
          Draft d = draft(p, SUPPORT, "Support CSAT-NPS", Kind.TRANSACTIONAL, from.plusDays(rng.nextInt(days)));
          d.agent = DemoNames.pick(rng, AGENTS);
          d.attributes.put("channel", DemoNames.pick(rng, List.of("email", "email", "chat", "chat", "chat", "phone")));
          d.attributes.put("agent", d.agent);
          out.add(d);
        }
      }
    }

    private void onboarding(Person p, List<Draft> out) {
      Acct a = p.account;
      Instant since = a.customerSince.atStartOfDay().toInstant(ZoneOffset.UTC);
      if (since.isAfter(start.minus(Duration.ofDays(30)))) {
        // a new customer: the admins and a few users are asked at kickoff and at go-live
        if (p.role.equals("end user") && a.people.indexOf(p) > 5) return;
        for (var step : List.of(Map.entry("kickoff + 3 weeks", 21), Map.entry("go-live", 60))) {
          if (rng.nextDouble() >= 0.65) continue;
          Draft d = draft(p, ONBOARDING, "Onboarding pulse", Kind.TRANSACTIONAL,
              a.customerSince.plusDays(step.getValue() + rng.nextInt(6)));
          d.attributes.put("milestone", step.getKey());
          out.add(d);
        }
      } else if (p.joined.isAfter(start) && rng.nextDouble() < 0.55) {
        Draft d = draft(p, ONBOARDING, "Onboarding pulse", Kind.TRANSACTIONAL,
            LocalDate.ofInstant(p.joined, ZoneOffset.UTC).plusDays(28 + rng.nextInt(7)));
        d.attributes.put("milestone", "first 30 days");
        out.add(d);
      }
    }

    private void training(Person p, List<Draft> out) {
      if (p.role.equals("executive sponsor") || p.role.equals("finance")) return;
      boolean newcomer = p.joined.isAfter(start);
      int courses = poisson(newcomer ? 1.2 : 0.45);
      for (int i = 0; i < courses; i++) {
        LocalDate day = newcomer
            ? LocalDate.ofInstant(p.joined, ZoneOffset.UTC).plusDays(10 + rng.nextInt(110))
            : LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(rng.nextInt(366));
        Draft d = draft(p, TRAINING, "Academy course feedback", Kind.TRANSACTIONAL, day);
        d.course = DemoNames.pick(rng, p.role.equals("admin") || p.role.equals("IT") ? COURSES.subList(0, 4) : COURSES.subList(1, 5));
        d.attributes.put("course", d.course);
        out.add(d);
      }
    }

    /** After last year's renewal (the coming renewal date minus a year), the people who signed and paid are asked. */
    private void renewalCheckIns(Acct a, List<Draft> out) {
      LocalDate renewed = a.renewal.minusYears(1);
      if (!a.customerSince.isBefore(renewed)) return; // a first-year customer has not renewed yet
      for (Person p : a.people) {
        if (!Set.of("executive sponsor", "finance", "admin").contains(p.role) || rng.nextDouble() >= 0.55) continue;
        Draft d = draft(p, RENEWAL, "Renewal check-in", Kind.TRANSACTIONAL, renewed.plusDays(10 + rng.nextInt(16)));
        d.attributes.put("renewedOn", renewed.toString());
        out.add(d);
      }
    }

    private Draft draft(Person p, String touchpoint, String program, Kind kind, LocalDate day) {
      Draft d = new Draft();
      d.who = p;
      d.touchpoint = touchpoint;
      d.program = program;
      d.kind = kind;
      d.at = workingHours(day, p.account.country);
      return d;
    }

    /** Most answers come in office hours on a working day, local to the customer. */
    private Instant workingHours(LocalDate day, Country country) {
      if (day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue() && rng.nextDouble() < 0.85)
        day = day.plusDays(8 - day.getDayOfWeek().getValue());
      int minuteOfDay = (int) Math.round(60 * (8 + Math.min(11.5, Math.abs(rng.nextGaussian() * 0.5 + rng.nextDouble() * 9.5))));
      LocalDateTime local = day.atStartOfDay().plusMinutes(minuteOfDay).plusSeconds(rng.nextInt(60));
      return local.toInstant(ZoneOffset.ofTotalSeconds(utcOffsetMinutes(country) * 60));
    }

    private int utcOffsetMinutes(Country c) {
      return switch (c.code()) {
        case "US" -> -60 * (5 + rng.nextInt(4));
        case "CA" -> -300;
        case "GB", "IE" -> 0;
        case "AU" -> 600;
        case "SG" -> 480;
        case "IN" -> 330;
        case "JP" -> 540;
        case "MX" -> -360;
        case "BR", "AR" -> -180;
        case "CL" -> -240;
        default -> 60;
      };
    }

    // ---------------------------------------------------------------- scores and comments

    private ResponseCommand respond(Draft d, String sourceId) {
      Person p = d.who;
      Acct a = p.account;
      int monthsAgo = monthsAgo(LocalDate.ofInstant(d.at, ZoneOffset.UTC));
      double yearElapsed = Duration.between(start, d.at).toHours() / (365.0 * 24);
      double latent = switch (a.tier) { case ENTERPRISE -> 8.85; case MID_MARKET -> 8.55; default -> 8.5; }
          + switch (d.touchpoint) { case SUPPORT -> 0.3; case ONBOARDING -> -0.8; case TRAINING -> 0.4; case RENEWAL -> -0.3; default -> 0; }
          + a.effect + p.effect + p.trend * yearElapsed + drift(a.tier, d.touchpoint, monthsAgo)
          + rng.nextGaussian() * 1.35
          + (rng.nextDouble() < 0.07 ? -(1.5 + 3.5 * rng.nextDouble()) : 0); // the odd bad day
      int score = (int) Math.max(0, Math.min(10, Math.round(latent)));
      Category category = Category.of(score);

      double commentRate = switch (category) { case DETRACTOR -> 0.82; case PASSIVE -> 0.57; case PROMOTER -> 0.51; };
      String comment = null;
      if (rng.nextDouble() < commentRate) {
        comment = DemoComments.write(rng, new DemoComments.Context(category, score, d.touchpoint, a.tier, p.language,
            LocalDate.ofInstant(d.at, ZoneOffset.UTC), a.owner, d.agent, a.consultant, a.plan, d.course, a.seats, a.issues,
            stories(a.tier, d.touchpoint, monthsAgo)));
      }
      return new ResponseCommand(SOURCE, sourceId, new Score(score), comment, d.at, d.program, d.kind, d.touchpoint,
          p.language, d.attributes, p.data, a.data);
    }

    /** How this month's events move a tier's scores at a touchpoint, in score points (0..10 scale). */
    private static double drift(String tier, String touchpoint, int monthsAgo) {
      double d = 0;
      if (touchpoint.equals(SUPPORT) && monthsAgo == SUPPORT_BACKLOG_MONTHS_AGO) d -= tier.equals(SMB) ? 1.2 : 0.3;
      if (touchpoint.equals(SUPPORT) && monthsAgo == SUPPORT_BACKLOG_MONTHS_AGO - 1 && tier.equals(SMB)) d -= 0.5;
      if (tier.equals(ENTERPRISE) && monthsAgo >= 6 && monthsAgo <= 8) d -= 0.5; // exports on big projects
      if (tier.equals(MID_MARKET) && monthsAgo <= 2) d += 0.55; // the new dashboards
      if (touchpoint.equals(ONBOARDING)) d += (11 - Math.min(11, monthsAgo)) * 0.05;
      return d;
    }

    /** What customers write about more in the months those stories happen. */
    private static Set<Theme> stories(String tier, String touchpoint, int monthsAgo) {
      Set<Theme> s = EnumSet.noneOf(Theme.class);
      if (touchpoint.equals(SUPPORT) && (monthsAgo == SUPPORT_BACKLOG_MONTHS_AGO
          || (monthsAgo == SUPPORT_BACKLOG_MONTHS_AGO - 1 && tier.equals(SMB)))) s.add(Theme.SUPPORT_SLOW);
      if (tier.equals(ENTERPRISE) && monthsAgo >= 6 && monthsAgo <= 8) { s.add(Theme.EXPORTS); s.add(Theme.PERFORMANCE); }
      if (tier.equals(MID_MARKET) && monthsAgo <= 2) s.add(Theme.TIME_SAVED);
      return s;
    }

    private int monthsAgo(LocalDate day) {
      return (int) YearMonth.from(day).until(thisMonth, ChronoUnit.MONTHS);
    }

    // ---------------------------------------------------------------- randomness

    private int poisson(double mean) {
      double l = Math.exp(-mean);
      double p = 1;
      int k = 0;
      do { k++; p *= rng.nextDouble(); } while (p > l);
      return k - 1;
    }

    private <T> T weighted(List<T> items, double[] weights) {
      double total = 0;
      for (double w : weights) total += w;
      double r = rng.nextDouble() * total;
      for (int i = 0; i < items.size(); i++) {
        r -= weights[i];
        if (r < 0) return items.get(i);
      }
      return items.getLast();
    }
  }
}
