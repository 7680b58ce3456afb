package dev.followthrough.insights.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a clause does: names a problem, praises, suggests, or none of these. Read from the words and the score
 * together: cue words for praise ("solved", "quick", "helpful", "love") and for problems ("slow", "broken",
 * "waited"), a negation just before a cue turns it around ("not helpful", "never had an issue", "still not fixed"),
 * words after a contrast ("but", "however") weigh double, and a wish ("would be nice", "please add", "I wish")
 * makes a suggestion. Where the words are silent or balanced, the score decides: a promoter's clause is praise,
 * a detractor's a problem, a passive's neutral.
 */
public enum Polarity {
  PROBLEM, PRAISE, SUGGESTION, NEUTRAL;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Polarity ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }

  /** The polarity a mechanism of this polarity is coded with: suggestions and neutral clauses code to problems. */
  public static boolean codesTo(Polarity clause, Polarity mechanism) {
    return clause == PRAISE ? mechanism == PRAISE : mechanism == PROBLEM;
  }

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

  private static final Pattern SUGGESTION_CUE = Pattern.compile(
      "\\bwould (?:be|make it) (?:nice|great|good|helpful|better|awesome|perfect|ideal|a (?:\\d+|ten))\\b"
          + "|\\b(?:i'?d|i would|we'?d|we would|would) love\\b|\\blove to see\\b|\\bwish(?:es)?\\b"
          + "|\\bplease (?:add|make|let|give|bring|allow|support|fix|consider|provide|include|improve|offer|put|show|document|warn)\\b"
          + "|\\bwould score higher\\b|\\bi'?d give (?:a|it)\\b|\\b(?:easy|an?) (?:10|ten) (?:if|with)\\b|\\bperfect if\\b"
          + "|\\bcould you\\b|\\bit would help\\b|\\byou should\\b|\\bshould (?:add|have|let|allow|offer)\\b|\\bgive us\\b"
          + "|\\blet us\\b|\\bonly thing missing\\b|\\bfeature request\\b|\\bi suggest\\b|\\bsuggestion\\b|\\bwould be a \\d+\\b"
          + "|\\bneeds? to be\\b|\\bhoping (?:for|you)\\b");

  /** "within 15 minutes", "in under an hour", "in minutes": speed of help. */
  private static final Pattern FAST = Pattern.compile(
      "\\b(?:within|in under|under|in) (?:\\d+|a few|an?|half an|the) ?(?:minutes?|mins?|hours?|hour)\\b|\\bin minutes\\b"
          + "|\\bsame (?:day|morning|afternoon)\\b|\\bnext (?:day|morning)\\b|\\bfollowed up\\b|\\bmade sure\\b|\\bmake sure\\b"
          + "|\\babove and beyond\\b|\\bjust works\\b|\\bpaid for itself\\b|\\bno (?:complaints?|issues?|problems?)\\b"
          + "|\\b(?:didn't|did not|never|don't) (?:have|need) to\\b|\\bno need to\\b|\\bcan'?t imagine (?:going back|working without|life without)\\b"
          + "|\\bcut (?:\\w+ ){0,4}from \\S+ (?:\\w+ )?to\\b|\\bwent from \\S+ (?:\\w+ )?to\\b");

  private static final Pattern SLOW = Pattern.compile(
      "\\b(?:time|times|timed|timing) out\\b|\\btake[sn]? (?:forever|ages|days|weeks|months)\\b|\\btook (?:forever|ages|days|weeks|months)\\b"
          + "|\\bgets? back to\\b(?=.*\\bnever\\b)|\\blogs? (?:people |us |me )?out\\b|\\bnot what we were sold\\b|\\bback to spreadsheets\\b"
          + "|\\bcuts? off\\b");

  private static final Set<String> PRAISE_WORDS = Set.of("solved", "solve", "solves", "fixed", "resolved", "quick", "quickly",
      "fast", "prompt", "promptly", "speedy", "helpful", "love", "loved", "loves", "lovely", "great", "excellent", "fantastic",
      "awesome", "brilliant", "amazing", "superb", "wonderful", "outstanding", "easy", "easily", "simple", "intuitive",
      "reliable", "reliably", "stable", "smooth", "smoothly", "seamless", "seamlessly", "thanks", "thank", "happy", "pleased",
      "glad", "friendly", "responsive", "best", "recommend", "recommended", "perfect", "nice", "good", "solid", "useful",
      "valuable", "worth", "saves", "saved", "efficient", "clear", "kind", "patient", "knowledgeable", "professional",
      "impressed", "impressive", "kudos", "fan", "backbone", "listens", "understood", "enjoy", "enjoyed", "favourite",
      "favorite", "super", "top", "rocks", "star", "gem", "cheers", "better", "improved", "delighted", "convenient");

  private static final Set<String> PROBLEM_WORDS = Set.of("slow", "slowly", "slower", "broken", "broke", "break", "breaks",
      "fail", "fails", "failed", "failing", "failure", "error", "errors", "crash", "crashes", "crashing", "crashed", "bug",
      "bugs", "buggy", "issue", "issues", "problem", "problems", "timeout", "freeze", "freezes", "frozen", "lag", "laggy",
      "outage", "outages", "downtime", "expensive", "pricey", "overpriced", "wrong", "lost", "lose", "losing", "missing",
      "lacking", "lacks", "confusing", "confused", "clunky", "hard", "difficult", "painful", "frustrating", "frustrated",
      "frustration", "disappointed", "disappointing", "annoying", "terrible", "awful", "horrible", "bad", "worse", "worst",
      "poor", "useless", "unacceptable", "waiting", "waited", "forever", "stuck", "stalled", "dragged", "delay", "delayed",
      "ignored", "cancel", "unhappy", "complain", "complaint", "complaints", "mess", "unable", "impossible", "struggle",
      "struggling", "hate", "sucks", "meh", "brutal", "punishes", "flaky", "runaround", "canned", "gripe", "hurts",
      "duplicate", "duplicates", "disappear", "disappeared", "empty", "tough", "overwhelming", "ridiculous",
      "sadly", "unfortunately", "can't", "cannot", "couldn't", "won't", "doesn't", "didn't", "isn't", "wasn't", "don't",
      "nobody", "never", "limited", "lacked", "spin", "spins", "junk", "garbage", "glitch", "glitches", "glitchy", "drain",
      "drains", "ads", "leaving", "alternatives", "competitor", "switch", "switching", "renew", "churn", "escalate");

  private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "nobody", "without", "hardly", "barely",
      "can't", "cannot", "couldn't", "won't", "doesn't", "didn't", "isn't", "wasn't", "don't", "aren't", "weren't", "haven't",
      "hasn't", "wouldn't", "shouldn't", "zero", "less");

  /** Words skipped between a negation and the cue it turns ("not a single outage", "never had an issue"). */
  private static final Set<String> FILLERS = Set.of("a", "an", "the", "single", "any", "one", "really", "very", "so", "too",
      "that", "much", "even", "ever", "had", "have", "has", "got", "seen", "been", "be", "is", "was", "quite", "overly",
      "particularly", "exactly", "all", "as", "it", "at", "to", "of", "major", "real", "big", "more", "always");

  private static final Set<String> CONTRAST = Set.of("but", "however", "though", "although", "yet", "except", "still");

  /** The clause's polarity from its words, the score breaking a tie ({@code score} may be null). */
  public static Polarity of(String clause, Integer score) {
    String lower = clause.toLowerCase(Locale.ROOT).replace('’', '\'');
    if (SUGGESTION_CUE.matcher(lower).find()) return SUGGESTION;
    double balance = balance(lower);
    double prior = score == null ? 0 : score >= 9 ? 0.75 : score <= 6 ? -0.75 : 0;
    if (Math.abs(balance) < 1e-9) return prior > 0 ? PRAISE : prior < 0 ? PROBLEM : NEUTRAL;
    double total = balance + prior;
    if (total > 0) return PRAISE;
    if (total < 0) return PROBLEM;
    return NEUTRAL;
  }

  /** Praise cues minus problem cues, after negation, with cues after a contrast weighing double. */
  static double balance(String lower) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(lower);
    while (m.find()) tokens.add(m.group());
    double praise = 0, problem = 0;
    Matcher fast = FAST.matcher(lower);
    while (fast.find()) praise += 1;
    Matcher slow = SLOW.matcher(lower);
    while (slow.find()) problem += 1;
    double weight = 1;
    boolean[] consumed = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (CONTRAST.contains(t) && i > 0) weight = 2;
      boolean isPraise = PRAISE_WORDS.contains(t);
      boolean isProblem = PROBLEM_WORDS.contains(t);
      if (!isPraise && !isProblem) continue;
      int negator = negatorBefore(tokens, i);
      if (negator >= 0 && !consumed[negator]) {
        consumed[negator] = true;
        if (isPraise) problem += weight; else praise += weight;
      } else if (NEGATORS.contains(t) && i + 1 < tokens.size() && negatorTarget(tokens, i) >= 0) {
        // a negation word that turns a cue further on is counted there, not here
      } else {
        if (isPraise) praise += weight; else problem += weight;
      }
    }
    return praise - problem;
  }

  private static int negatorBefore(List<String> tokens, int i) {
    for (int j = i - 1; j >= 0 && j >= i - 4; j--) {
      String t = tokens.get(j);
      if (NEGATORS.contains(t)) return j;
      if (!FILLERS.contains(t)) return -1;
    }
    return -1;
  }

  private static int negatorTarget(List<String> tokens, int i) {
    for (int j = i + 1; j < tokens.size() && j <= i + 4; j++) {
      String t = tokens.get(j);
      if (PRAISE_WORDS.contains(t) || PROBLEM_WORDS.contains(t)) return j;
      if (!FILLERS.contains(t)) return -1;
    }
    return -1;
  }
}
