package dev.followthrough.reporting.domain;

import dev.followthrough.reporting.domain.PeriodicReport.Coverage;
import dev.followthrough.reporting.domain.PeriodicReport.Fix;
import dev.followthrough.reporting.domain.PeriodicReport.Intervention;
import dev.followthrough.reporting.domain.PeriodicReport.MatrixCell;
import dev.followthrough.reporting.domain.PeriodicReport.Moment;
import dev.followthrough.reporting.domain.PeriodicReport.Priority;
import dev.followthrough.reporting.domain.PeriodicReport.Quote;
import dev.followthrough.reporting.domain.PeriodicReport.Renewal;
import dev.followthrough.reporting.domain.PeriodicReport.RiskAccount;
import dev.followthrough.reporting.domain.PeriodicReport.RiskSegment;
import dev.followthrough.reporting.domain.PeriodicReport.Theme;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Composes a {@link PeriodicReport} from the period's coded evidence, account risk and interventions. Plain
 * Java with known answers: every rule that ranks or classifies is a small static method tested on its own.
 */
public final class ReportComposer {

  /** One coding of one text (a response comment or an interview transcript) in the period. */
  public record Mention(String sourceType, UUID sourceId, String mechanism, Integer score, String npsCategory,
                        UUID accountId, String accountName, Double arr, String evidence, double confidence,
                        boolean reviewed) {}

  /** A codebook mechanism with its category (the report's "theme"). */
  public record MechanismInfo(String key, String name, String owner, String themeKey, String themeName) {}

  /** An account with its NPS from its contacts' latest scores in the period. */
  public record Account(UUID id, String externalId, String name, String tier, Double arr, LocalDate renewalDate,
                        Double nps, long n) {}

  public record Settings(int renewalWindowDays, double atRiskBelow, int maxRows, int quotesPerMoment) {}

  public record Inputs(ReportPeriod period, ReportPeriod previous, Instant generatedAt, String timeZone,
                       PeriodicReport.Nps nps, long responses, Map<String, Long> codedTexts, List<Mention> mentions,
                       Map<String, MechanismInfo> codebook, List<Account> accounts,
                       Map<String, Intervention> interventions, Settings settings) {}

  static final String PROMOTER = "promoter";
  static final String PASSIVE = "passive";
  static final String DETRACTOR = "detractor";
  static final double SEVERE = 0.4;   // mean severity at or above: the average mention scored 6 or less
  static final double Z95 = dev.followthrough.nps.Statistics.zFor(0.95);

  public static final List<String> METHOD = List.of(
      "NPS = % promoters − % detractors on −100…+100; 95% interval by the adjusted-Wald method; the change from the "
          + "previous period is a two-sample test, called real only when p < 0.05.",
      "Themes are codebook categories; a theme's share of a group is the share of that group's coded comments and "
          + "transcripts that mention any of its mechanisms. Pattern: 'across all groups' when every group with coded "
          + "texts mentions it in at least 10% of them; 'mostly detractors' / 'mostly promoters' when one group's share "
          + "is at least twice the other's; otherwise 'mixed'.",
      "Severity of a mention = (10 − score) ÷ 10 (a 0 is 1.0, a 10 is 0.0); a mechanism's severity is the mean over its "
          + "mentions. Frequent = at least 2 mentions and at least the median count of mentions across mechanisms; "
          + "severe = mean severity ≥ 0.4 (the average mention scored 6 or less). Revenue = ARR of the accounts that mention it.",
      "Damage and advocacy: the odds of a mechanism among detractors' coded texts versus among promoters', with 0.5 "
          + "added to every cell (Haldane) and a 95% interval on the log scale; 'clear' when the interval excludes 1.",
      "Renewal risk: accounts whose NPS (each contact's latest score in the period) is below the at-risk line and "
          + "whose renewal date falls within the window after the period ends.",
      "Fix first: mechanisms with detractor mentions, those without an intervention under way first, then by weight = "
          + "ARR of the accounts with a detractor mention (counted twice when the account renews within the window), "
          + "with each detractor mention that has no account ARR counted at the median ARR of those that do.");

  private ReportComposer() {}

  public static PeriodicReport compose(Inputs in, Function<UUID, String> caseLinks) {
    Evidence ev = new Evidence(in.period());
    Map<String, List<Mention>> byMechanism = new LinkedHashMap<>();
    for (Mention m : in.mentions()) byMechanism.computeIfAbsent(m.mechanism(), k -> new ArrayList<>()).add(m);
    long codedP = in.codedTexts().getOrDefault(PROMOTER, 0L);
    long codedA = in.codedTexts().getOrDefault(PASSIVE, 0L);
    long codedD = in.codedTexts().getOrDefault(DETRACTOR, 0L);
    long coded = codedP + codedA + codedD;
    Coverage coverage = new Coverage(in.responses(), coded, codedP, codedA, codedD, in.mentions().size());

    List<Theme> themes = themes(in.mentions(), in.codebook(), codedP, codedA, codedD, ev);
    List<MatrixCell> matrix = severity(byMechanism, in.codebook(), coded, ev);
    List<Moment> moments = moments(byMechanism, in.codebook(), codedD, codedP, ev);
    List<Moment> damage = moments.stream().filter(m -> m.oddsRatio() > 1 && m.detractors() > 0)
        .sorted(Comparator.comparing(Moment::clear).reversed().thenComparing(Comparator.comparingDouble(Moment::oddsRatio).reversed())
            .thenComparing(Moment::mechanism))
        .limit(in.settings().maxRows()).toList();
    List<Moment> advocacy = moments.stream().filter(m -> m.oddsRatio() < 1 && m.promoters() > 0)
        .sorted(Comparator.comparing(Moment::clear).reversed().thenComparingDouble(Moment::oddsRatio).thenComparing(Moment::mechanism))
        .limit(in.settings().maxRows()).toList();
    List<Quote> quotes = quotes(byMechanism, in.codebook(), damage, advocacy, in.settings().quotesPerMoment(), ev, caseLinks);
    LocalDate asOf = in.period().end();
    Renewal renewal = renewal(in.accounts(), asOf, in.settings(), ev);
    Set<UUID> renewing = new HashSet<>();
    for (RiskAccount a : renewal.accounts()) renewing.add(a.id());
    Set<UUID> renewingAny = renewingWithin(in.accounts(), asOf, in.settings().renewalWindowDays());
    List<Fix> fixes = fixes(byMechanism, in.codebook(), in.interventions(), renewingAny, ev);
    List<Priority> fixFirst = fixFirst(fixes, byMechanism, damage, in.settings().renewalWindowDays(), in.settings().maxRows());
    String title = "NPS follow-up report · " + in.period().label();
    return new PeriodicReport(title, in.period(), in.previous(), in.generatedAt(), in.timeZone(), in.nps(), coverage, themes,
        matrix, damage, advocacy, quotes, renewal, fixes.stream().limit(in.settings().maxRows()).toList(), fixFirst, METHOD);
  }

  // ---- themes -------------------------------------------------------------------------------------------------

  static List<Theme> themes(List<Mention> mentions, Map<String, MechanismInfo> book, long codedP, long codedA, long codedD,
                            Evidence ev) {
    Map<String, Map<String, Set<String>>> textsByThemeAndGroup = new TreeMap<>();
    Map<String, Set<String>> mechanismsOfTheme = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Mention m : mentions) {
      MechanismInfo info = info(book, m.mechanism());
      names.put(info.themeKey(), info.themeName());
      mechanismsOfTheme.computeIfAbsent(info.themeKey(), k -> new LinkedHashSet<>()).add(info.name());
      textsByThemeAndGroup.computeIfAbsent(info.themeKey(), k -> new HashMap<>())
          .computeIfAbsent(String.valueOf(m.npsCategory()), k -> new HashSet<>()).add(m.sourceType() + ":" + m.sourceId());
    }
    List<Theme> out = new ArrayList<>();
    for (var e : textsByThemeAndGroup.entrySet()) {
      long p = e.getValue().getOrDefault(PROMOTER, Set.of()).size();
      long a = e.getValue().getOrDefault(PASSIVE, Set.of()).size();
      long d = e.getValue().getOrDefault(DETRACTOR, Set.of()).size();
      double ps = share(p, codedP);
      double as = share(a, codedA);
      double ds = share(d, codedD);
      out.add(new Theme(e.getKey(), names.get(e.getKey()), p, a, d, ps, as, ds,
          pattern(ps, as, ds, codedP, codedA, codedD), List.copyOf(mechanismsOfTheme.get(e.getKey())), ev.impact()));
    }
    out.sort(Comparator.comparingLong((Theme t) -> t.promoters() + t.passives() + t.detractors()).reversed()
        .thenComparing(Theme::key));
    return out;
  }

  /** Where a theme sits across the three groups (see {@link #METHOD}). */
  static String pattern(double promoterShare, double passiveShare, double detractorShare, long codedP, long codedA, long codedD) {
    boolean everywhere = (codedP == 0 || promoterShare >= 0.10) && (codedA == 0 || passiveShare >= 0.10)
        && (codedD == 0 || detractorShare >= 0.10) && (codedP + codedA + codedD > 0);
    if (everywhere) return "across all groups";
    if (detractorShare > 0 && detractorShare >= 2 * promoterShare) return "mostly detractors";
    if (promoterShare > 0 && promoterShare >= 2 * detractorShare) return "mostly promoters";
    if (passiveShare > 0 && detractorShare == 0 && promoterShare == 0) return "passives only";
    return "mixed";
  }

  // ---- severity matrix ----------------------------------------------------------------------------------------

  static double severity(Integer score) {
    return score == null ? 0.5 : (10 - score) / 10.0;
  }

  static List<MatrixCell> severity(Map<String, List<Mention>> byMechanism, Map<String, MechanismInfo> book, long coded,
                                   Evidence ev) {
    long[] counts = byMechanism.values().stream().mapToLong(List::size).sorted().toArray();
    double medianMentions = median(counts);
    List<MatrixCell> out = new ArrayList<>();
    for (var e : byMechanism.entrySet()) {
      List<Mention> ms = e.getValue();
      MechanismInfo info = info(book, e.getKey());
      double meanSeverity = ms.stream().mapToDouble(m -> severity(m.score())).average().orElse(0);
      double meanScore = ms.stream().filter(m -> m.score() != null).mapToInt(Mention::score).average().orElse(Double.NaN);
      Map<UUID, Double> arrByAccount = new HashMap<>();
      for (Mention m : ms) if (m.accountId() != null) arrByAccount.put(m.accountId(), m.arr() == null ? 0 : m.arr());
      double revenue = arrByAccount.values().stream().mapToDouble(Double::doubleValue).sum();
      out.add(new MatrixCell(e.getKey(), info.name(), info.themeName(), ms.size(), share(ms.size(), coded), meanSeverity,
          Double.isNaN(meanScore) ? 0 : meanScore, quadrant(ms.size(), medianMentions, meanSeverity), revenue,
          arrByAccount.size(), ev.mechanism(e.getKey())));
    }
    out.sort(Comparator.comparingDouble((MatrixCell c) -> c.mentions() * c.meanSeverity()).reversed()
        .thenComparing(MatrixCell::mechanism));
    return out;
  }

  static String quadrant(long mentions, double medianMentions, double meanSeverity) {
    boolean frequent = mentions >= 2 && mentions >= medianMentions;
    boolean severe = meanSeverity >= SEVERE;
    return frequent ? (severe ? "frequent and severe" : "frequent but mild") : (severe ? "rare but severe" : "rare and mild");
  }

  // ---- damage and advocacy ------------------------------------------------------------------------------------

  /** Odds ratio (detractors vs promoters) with Haldane's 0.5 and its 95% interval: {ratio, low, high}. */
  static double[] oddsRatio(long d, long detractors, long p, long promoters) {
    double a = d + 0.5;
    double b = Math.max(0, detractors - d) + 0.5;
    double c = p + 0.5;
    double e = Math.max(0, promoters - p) + 0.5;
    double log = Math.log((a / b) / (c / e));
    double se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / e);
    return new double[] {Math.exp(log), Math.exp(log - Z95 * se), Math.exp(log + Z95 * se)};
  }

  static List<Moment> moments(Map<String, List<Mention>> byMechanism, Map<String, MechanismInfo> book, long codedD,
                              long codedP, Evidence ev) {
    List<Moment> out = new ArrayList<>();
    if (codedD == 0 && codedP == 0) return out;
    for (var e : byMechanism.entrySet()) {
      long d = texts(e.getValue(), DETRACTOR);
      long p = texts(e.getValue(), PROMOTER);
      if (d == 0 && p == 0) continue;
      double[] or = oddsRatio(d, codedD, p, codedP);
      boolean clear = or[1] > 1 || or[2] < 1;
      out.add(new Moment(e.getKey(), info(book, e.getKey()).name(), d, p, share(d, codedD), share(p, codedP), or[0], or[1],
          or[2], clear, ev.mechanism(e.getKey())));
    }
    return out;
  }

  // ---- quotes -------------------------------------------------------------------------------------------------

  /**
   * Evidence for the top three damage and advocacy moments: detractors' words for damage, promoters' for
   * advocacy; reviewed codings first, then the most confident, then the strongest feeling (lowest or highest score).
   */
  static List<Quote> quotes(Map<String, List<Mention>> byMechanism, Map<String, MechanismInfo> book, List<Moment> damage,
                            List<Moment> advocacy, int perMoment, Evidence ev, Function<UUID, String> caseLinks) {
    List<Quote> out = new ArrayList<>();
    for (Moment m : damage.stream().limit(3).toList()) {
      out.addAll(pick(byMechanism.get(m.mechanism()), DETRACTOR, perMoment, book, ev, caseLinks,
          "damages trust: " + times(m.oddsRatio()) + " as likely among detractors"));
    }
    for (Moment m : advocacy.stream().limit(3).toList()) {
      out.addAll(pick(byMechanism.get(m.mechanism()), PROMOTER, perMoment, book, ev, caseLinks,
          "creates advocacy: " + times(1 / m.oddsRatio()) + " as likely among promoters"));
    }
    return out;
  }

  static List<Quote> pick(List<Mention> ms, String group, int n, Map<String, MechanismInfo> book, Evidence ev,
                          Function<UUID, String> caseLinks, String why) {
    Comparator<Mention> feeling = Comparator.comparingInt(m -> m.score() == null ? 5 : m.score());
    if (PROMOTER.equals(group)) feeling = feeling.reversed();
    return ms.stream().filter(m -> group.equals(m.npsCategory()) && m.evidence() != null && !m.evidence().isBlank())
        .sorted(Comparator.comparing(Mention::reviewed).reversed()
            .thenComparing(Comparator.comparingDouble(Mention::confidence).reversed()).thenComparing(feeling)
            .thenComparing(m -> m.sourceId().toString()))
        .limit(n)
        .map(m -> new Quote(m.mechanism(), info(book, m.mechanism()).name(), why, m.sourceType(), m.sourceId(), m.score(),
            m.npsCategory(), m.accountName(), m.evidence().strip(), ev.source(m.sourceType(), m.sourceId()),
            "response".equals(m.sourceType()) ? caseLinks.apply(m.sourceId()) : null))
        .toList();
  }

  // ---- renewal risk -------------------------------------------------------------------------------------------

  static boolean renews(Account a, LocalDate asOf, int windowDays) {
    return a.renewalDate() != null && !a.renewalDate().isBefore(asOf) && !a.renewalDate().isAfter(asOf.plusDays(windowDays));
  }

  static Set<UUID> renewingWithin(List<Account> accounts, LocalDate asOf, int windowDays) {
    Set<UUID> out = new HashSet<>();
    for (Account a : accounts) if (renews(a, asOf, windowDays)) out.add(a.id());
    return out;
  }

  static Renewal renewal(List<Account> accounts, LocalDate asOf, Settings s, Evidence ev) {
    List<RiskAccount> risky = accounts.stream()
        .filter(a -> a.n() > 0 && a.nps() != null && a.nps() < s.atRiskBelow() && renews(a, asOf, s.renewalWindowDays()))
        .map(a -> new RiskAccount(a.id(), a.externalId(), a.name(), a.tier(), a.arr() == null ? 0 : a.arr(), a.renewalDate(),
            ChronoUnit.DAYS.between(asOf, a.renewalDate()), a.nps(), a.n(), ev.account(a.externalId())))
        .sorted(Comparator.comparingDouble(RiskAccount::arr).reversed().thenComparing(RiskAccount::renewalDate)
            .thenComparing(a -> a.id().toString()))
        .toList();
    Map<String, double[]> byTier = new TreeMap<>();
    for (RiskAccount a : risky) {
      double[] t = byTier.computeIfAbsent(a.tier() == null ? "(no tier)" : a.tier(), k -> new double[2]);
      t[0]++;
      t[1] += a.arr();
    }
    List<RiskSegment> segments = byTier.entrySet().stream().map(e -> new RiskSegment(e.getKey(), (long) e.getValue()[0], e.getValue()[1]))
        .sorted(Comparator.comparingDouble(RiskSegment::arr).reversed().thenComparing(RiskSegment::tier)).toList();
    return new Renewal(s.renewalWindowDays(), s.atRiskBelow(), asOf, risky.stream().mapToDouble(RiskAccount::arr).sum(),
        risky, segments);
  }

  // ---- fixes --------------------------------------------------------------------------------------------------

  static List<Fix> fixes(Map<String, List<Mention>> byMechanism, Map<String, MechanismInfo> book,
                         Map<String, Intervention> interventions, Set<UUID> renewing, Evidence ev) {
    List<Fix> out = new ArrayList<>();
    for (var e : byMechanism.entrySet()) {
      List<Mention> ds = e.getValue().stream().filter(m -> DETRACTOR.equals(m.npsCategory())).toList();
      if (ds.isEmpty()) continue;
      Map<UUID, Double> arr = new HashMap<>();
      for (Mention m : ds) if (m.accountId() != null) arr.put(m.accountId(), m.arr() == null ? 0 : m.arr());
      double total = arr.values().stream().mapToDouble(Double::doubleValue).sum();
      double renewingArr = arr.entrySet().stream().filter(a -> renewing.contains(a.getKey())).mapToDouble(Map.Entry::getValue).sum();
      MechanismInfo info = info(book, e.getKey());
      out.add(new Fix(e.getKey(), info.name(), info.owner(), ds.size(), arr.size(), total, renewingArr,
          interventions.get(e.getKey()), ev.mechanism(e.getKey())));
    }
    out.sort(Comparator.comparingDouble(Fix::detractorArr).reversed().thenComparing(Comparator.comparingLong(Fix::detractors).reversed())
        .thenComparing(Fix::mechanism));
    return out;
  }

  /** Stage of a mechanism's fix: 0 none or only proposed, 1 committed or in progress, 2 shipped or verified. */
  static int stage(Intervention i) {
    if (i == null) return 0;
    return i.shipped() ? 2 : i.underway() ? 1 : 0;
  }

  /** The weight that orders "fix first" (see {@link #METHOD}). */
  static double weight(Fix f, List<Mention> mentions, double medianArr) {
    long anonymous = mentions.stream().filter(m -> DETRACTOR.equals(m.npsCategory()) && (m.accountId() == null || m.arr() == null || m.arr() == 0)).count();
    return f.detractorArr() + f.renewingArr() + anonymous * medianArr;
  }

  static List<Priority> fixFirst(List<Fix> fixes, Map<String, List<Mention>> byMechanism, List<Moment> damage, int window,
                                 int maxRows) {
    double medianArr = median(byMechanism.values().stream().flatMap(List::stream)
        .filter(m -> m.accountId() != null && m.arr() != null && m.arr() > 0)
        .collect(java.util.stream.Collectors.toMap(Mention::accountId, Mention::arr, (a, b) -> a)).values().stream()
        .mapToDouble(Double::doubleValue).toArray());
    if (medianArr == 0) medianArr = 1; // no ARR known anywhere: detractor mentions alone decide
    Map<String, Moment> lifts = new HashMap<>();
    for (Moment m : damage) lifts.put(m.mechanism(), m);
    record Weighted(Fix fix, double weight) {}
    List<Weighted> ws = new ArrayList<>();
    for (Fix f : fixes) ws.add(new Weighted(f, weight(f, byMechanism.get(f.mechanism()), medianArr)));
    ws.sort(Comparator.comparingInt((Weighted w) -> stage(w.fix().intervention()))
        .thenComparing(Comparator.comparingDouble(Weighted::weight).reversed())
        .thenComparing(Comparator.comparingLong((Weighted w) -> w.fix().detractors()).reversed())
        .thenComparing(w -> w.fix().mechanism()));
    List<Priority> out = new ArrayList<>();
    for (Weighted w : ws) {
      if (out.size() >= maxRows) break;
      out.add(new Priority(out.size() + 1, w.fix().mechanism(), w.fix().name(), reason(w.fix(), lifts.get(w.fix().mechanism()), window),
          w.fix().link()));
    }
    return out;
  }

  static String reason(Fix f, Moment lift, int window) {
    StringBuilder s = new StringBuilder();
    s.append(f.detractors()).append(" detractor mention").append(f.detractors() == 1 ? "" : "s");
    if (f.detractorAccounts() > 0) {
      s.append(" from ").append(f.detractorAccounts()).append(" account").append(f.detractorAccounts() == 1 ? "" : "s")
          .append(" (").append(money(f.detractorArr())).append(" ARR");
      if (f.renewingArr() > 0) s.append(", ").append(money(f.renewingArr())).append(" renewing within ").append(window).append(" days");
      s.append(")");
    }
    if (lift != null) {
      s.append("; ").append(times(lift.oddsRatio())).append(" as likely among detractors as among promoters")
          .append(lift.clear() ? "" : " (not yet clear)");
    }
    Intervention i = f.intervention();
    if (i == null) s.append("; no intervention yet — owner: ").append(f.owner() == null || f.owner().isBlank() ? "unassigned" : f.owner());
    else if (i.shipped()) s.append("; fix ").append(i.status()).append(": \"").append(i.title()).append("\" — watch whether detractor mentions fall");
    else if (i.underway()) s.append("; fix ").append(i.status().replace('_', ' ')).append(": \"").append(i.title()).append("\"");
    else s.append("; proposed: \"").append(i.title()).append("\" — not committed yet");
    return s.toString();
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  static MechanismInfo info(Map<String, MechanismInfo> book, String key) {
    MechanismInfo i = book.get(key);
    return i != null ? i : new MechanismInfo(key, key + " (retired)", "", "other", "Other");
  }

  static long texts(List<Mention> ms, String group) {
    return ms.stream().filter(m -> group.equals(m.npsCategory())).map(m -> m.sourceType() + ":" + m.sourceId()).distinct().count();
  }

  static double share(long k, long n) {
    return n == 0 ? 0 : (double) k / n;
  }

  static double median(long[] sorted) {
    if (sorted.length == 0) return 0;
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  static double median(double[] values) {
    if (values.length == 0) return 0;
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static String times(double ratio) {
    return String.format(Locale.ROOT, "%.1f×", ratio);
  }

  public static String money(double v) {
    if (Math.abs(v) >= 1_000_000) return String.format(Locale.ROOT, "$%.1fM", v / 1_000_000);
    if (Math.abs(v) >= 1_000) return String.format(Locale.ROOT, "$%.0fk", v / 1_000);
    return String.format(Locale.ROOT, "$%.0f", v);
  }
}
