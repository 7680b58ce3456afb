package dev.followthrough.interviews.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an answer: how specific it is, whether it is vague, terse, hostile, off the topic or asks to
 * stop, and which churn signals it carries. Lexical cues (numbers, dates, frequencies, named features,
 * vague phrases) are combined with the embedding model's view (similarity to the phase's examples of a
 * specific answer versus typical vague answers). Prototype vectors are computed once per text and kept.
 */
public final class AnswerReader {

  public static final String ALTERNATIVES = "evaluating alternatives";
  public static final String CHAMPION = "champion leaving";
  public static final String RENEWAL = "renewal doubt";
  public static final String BUDGET = "budget cut";

  static final Pattern DIGITS = Pattern.compile("\\d");
  static final Pattern TIME = Pattern.compile("(?i)\\b(monday|tuesday|wednesday|thursday|friday|weekend|yesterday|today|"
      + "last (week|month|quarter|year|time)|this (week|month|quarter)|since|ago|january|february|march|april|may|june|july|"
      + "august|september|october|november|december|q[1-4]|release|update|upgrade|migration|after the|before the|when we)\\b");
  static final Pattern FREQUENCY = Pattern.compile("(?i)\\b(every (day|morning|week|month|time|monday|friday|single)|daily|"
      + "weekly|monthly|always|each time|twice|\\d+ times|several times|constantly|all the time|every other)\\b");
  static final Pattern AMOUNT = Pattern.compile("(?i)(\\$|€|£)\\s?\\d|\\b\\d[\\d,.]*\\s?(%|percent|hours?|hrs?|minutes?|mins?|"
      + "seconds?|days?|weeks?|people|users?|seats?|rows?|records?|contacts?|tickets?|customers?|k\\b|dollars?|euros?)"
      + "|\\b(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|a hundred|"
      + "a dozen|half an?|several)\\s+(hours?|days?|weeks?|months?|minutes?|people|users|times|teams?|customers|deals)\\b");
  static final Pattern CONCRETE = Pattern.compile("(?i)\\b(export|import|report|dashboard|sync|integration|api|login|sso|"
      + "invoice|billing|screen|page|button|setting|csv|excel|salesforce|hubspot|jira|slack|search|filter|upload|download|"
      + "notification|email|mobile app|app|onboarding|support ticket|ticket|workflow|permission|admin|template|chart|"
      + "time(s|d)? out|crash(es|ed)?|error|fails?|failed|broke|froze|lost|duplicate|slow(er)? than|took|stuck|"
      + "setup|set up|demo|contract|price|seat|feature|module|release|data)\\b");
  static final Pattern EPISODE = Pattern.compile("(?i)\\b(i tried|we tried|when i|when we|i had to|we had to|i clicked|"
      + "it showed|it said|it took|we lost|i lost|i spent|we spent|i waited|had to redo|had to)\\b");
  static final Pattern VAGUE = Pattern.compile("(?i)\\b(too complicated|complicated|confusing|not great|not good|bad|poor|"
      + "meh|fine|ok|okay|so-so|stuff|things|everything|in general|overall|generally|hard to use|difficult|not intuitive|"
      + "clunky|frustrating|annoying|disappointing|could be better|not what i expected|sucks|terrible|awful|buggy|slow|"
      + "expensive|issues|problems|not sure|hard to say|various|some things|it depends)\\b");
  static final Pattern STOP = Pattern.compile("(?i)^\\s*(stop|quit|enough|end|bye|goodbye|no more( questions)?|"
      + "i('m| am) done|that'?s (all|enough)|i (have|need|got) to go|leave me alone|can we (stop|end)|i('d| would)? (want|like) to (stop|end|quit)|"
      + "please stop|i don'?t want to (continue|answer|do this)|no time|not now)\\b");
  static final Pattern HOSTILE = Pattern.compile("(?i)(waste of (my )?time|waste (my|our) time|stupid|useless|ridiculous|pointless|"
      + "\\bf+u+c+k|\\bshit|\\bcrap\\b|\\bidiot|why do you (even )?care|just fix it|stop asking|what a joke|"
      + "how many times|i already told you|are you a bot|don'?t care)");
  static final Pattern ALTERNATIVE_CUES = Pattern.compile("(?i)(competitor|alternatives?|other (tools?|vendors?|options|"
      + "solutions|products|providers)|switch(ing)? to|looking (at|around)|evaluat(e|ing)|trial(l)?ing|\\brfp\\b|"
      + "demo of|(competitor|vendor|their|another|other)('s)? demo|moving to|replace (you|it)|shopping around|"
      + "look(ing)? elsewhere|consolidat(e|ing) (our )?tools)");
  static final Pattern CHAMPION_CUES = Pattern.compile("(?i)(left the company|is leaving|has left|\\bleft (in|last|us)\\b|"
      + "quit|new (manager|director|cto|cio|cfo|ceo|coo|vp|head|boss|leadership|owner)|champion|reorg|re-org|"
      + "who (chose|bought|picked|set up|brought in|brought you in) (you|it|the tool)?|who brought you in|"
      + "(is|are) leaving|moving on|no longer (with us|here)|took over)");
  static final Pattern RENEWAL_CUES = Pattern.compile("(?i)(renew|renewal|contract (is )?(up|ends|ending)|"
      + "cancel(l?ing|l?ed)? (our |the |my |this )?(contract|subscription|account|plan|licen[cs]es?|seats)|"
      + "(going|plan(ning)?|want(ing)?|thinking( about| of)?|about) to cancel|\\bcancelling\\b|will cancel|"
      + "not sure we('ll| will) (stay|keep|continue)|reconsider|end of (our|the) contract)");
  static final Pattern BUDGET_CUES = Pattern.compile("(?i)(budget (review|cut|cuts|was cut|is cut|freeze)|(cut|cutting|slashed) (our |the )?budget|"
      + "budget (has been|got|was) (cut|slashed|reduced)|cut(ting)? costs|drop (two|three|some|a few|several)? ?tools|"
      + "(fewer|less) (tools|vendors)|cost(-| )cutting)");

  /** Each churn signal and the words that carry it. */
  public static final Map<String, Pattern> CHURN_CUES = Map.of(ALTERNATIVES, ALTERNATIVE_CUES, CHAMPION, CHAMPION_CUES,
      RENEWAL, RENEWAL_CUES, BUDGET, BUDGET_CUES);

  static final List<String> VAGUE_PROTOTYPES = List.of("the product is too complicated", "it is not great",
      "things are just bad in general", "it could be better", "I don't know, everything", "it's fine I guess");
  static final Map<String, List<String>> CHURN_PROTOTYPES = Map.of(
      ALTERNATIVES, List.of("we are looking at other tools", "we are evaluating a competitor", "we might switch to another vendor"),
      CHAMPION, List.of("the person who chose this product left the company", "our new manager wants a different tool"),
      RENEWAL, List.of("I am not sure we will renew the contract", "our renewal is coming up and we are reconsidering"));
  static final List<String> STOP_PROTOTYPES = List.of("I don't want to answer any more questions", "please stop asking me",
      "I have no more time for this");
  static final Pattern NOTHING_MORE = Pattern.compile("(?i)^\\s*(like i said,?\\s*)?(that'?s (about )?(it|all)|nothing (else|more)|"
      + "not sure what (else )?to (add|say)|i don'?t know|no idea|can'?t think of anything|no,? that'?s (it|all)|n/?a|nothing)\\b[.! ]*");
  static final List<String> OFF_TOPIC = List.of("the weather and my holiday plans", "my pets and my family at home",
      "football and sports results", "what I had for lunch today", "a movie I watched recently");
  static final List<String> ANCHOR = List.of("using the software product at work", "a problem with the service we pay for",
      "how my team works with the tool");

  private final Encoder encoder;
  private final Map<String, float[]> cache = new ConcurrentHashMap<>();

  public AnswerReader(Encoder encoder) {
    this.encoder = encoder;
  }

  /** Reads an answer given in a phase ({@code phase} may be null, e.g. for the closing confirmation). */
  public Reading read(String text, Guide.Phase phase) {
    String t = text == null ? "" : text.strip();
    List<String> sentences = sentences(t);
    int words = t.isEmpty() ? 0 : t.split("\\s+").length;
    String lower = t.toLowerCase(Locale.ROOT);

    List<String> proto = new ArrayList<>(VAGUE_PROTOTYPES);
    List<String> cues = phase == null ? List.of() : topic(phase);
    proto.addAll(cues);
    CHURN_PROTOTYPES.values().forEach(proto::addAll);
    proto.addAll(STOP_PROTOTYPES);
    proto.addAll(ANCHOR);
    proto.addAll(OFF_TOPIC);
    vectors(proto);
    float[] v = encoder.encode(List.of(t.isEmpty() ? "-" : t)).getFirst();

    double vague = max(v, VAGUE_PROTOTYPES);
    double cue = phase == null ? 0 : max(v, phase.cues().isEmpty() ? cues : phase.cues());
    double relevance = Math.max(phase == null ? 0 : max(v, cues), max(v, ANCHOR));

    double lex = 0;
    if (DIGITS.matcher(t).find()) lex += 0.2;
    if (TIME.matcher(t).find()) lex += 0.12;
    if (FREQUENCY.matcher(t).find()) lex += 0.12;
    if (AMOUNT.matcher(t).find()) lex += 0.12;
    int concrete = count(CONCRETE, t);
    lex += Math.min(0.3, 0.12 * concrete);
    if (EPISODE.matcher(t).find()) lex += 0.12;
    if (words >= 12) lex += 0.08;
    if (words >= 25) lex += 0.06;
    int vagueHits = count(VAGUE, t);
    double emb = (cue - vague);
    double specificity = clamp(0.12 + lex - 0.08 * Math.min(vagueHits, 3) + 0.6 * emb);
    if (words <= 4) specificity = Math.min(specificity, 0.25);

    boolean stop = STOP.matcher(lower).find() || (words <= 12 && max(v, STOP_PROTOTYPES) > 0.72);
    boolean hostile = HOSTILE.matcher(t).find();
    boolean terse = words <= 3 && !stop;
    Set<String> churn = new LinkedHashSet<>();
    if (ALTERNATIVE_CUES.matcher(t).find() || max(v, CHURN_PROTOTYPES.get(ALTERNATIVES)) > 0.72) churn.add(ALTERNATIVES);
    if (CHAMPION_CUES.matcher(t).find() || max(v, CHURN_PROTOTYPES.get(CHAMPION)) > 0.72) churn.add(CHAMPION);
    if (RENEWAL_CUES.matcher(t).find() || max(v, CHURN_PROTOTYPES.get(RENEWAL)) > 0.72) churn.add(RENEWAL);
    if (BUDGET_CUES.matcher(t).find()) churn.add(BUDGET);
    boolean nothingMore = NOTHING_MORE.matcher(t).matches();
    String topic = words <= SHORT && specificity < 0.5 && !nothingMore && !stop ? topic(t) : null;
    double off = max(v, OFF_TOPIC);
    boolean offTopic = !stop && !terse && !nothingMore && churn.isEmpty() && vagueHits == 0 && words >= 4 && topic == null
        && (off > relevance + 0.05 || (relevance < 0.15 && concrete == 0));
    boolean specific = specificity >= 0.5;
    boolean isVague = !specific && (vagueHits > 0 || vague > cue || words < 12);
    return new Reading(t, words, specificity, specific, isVague, terse, stop, hostile, offTopic, nothingMore, churn,
        vagueHits > 0 ? phrase(sentences) : null, relevance, sentences, topic);
  }

  /** Answers of at most this many words are short: one that names a topic gets a question about that topic. */
  static final int SHORT = 8;

  static final Set<String> FILLER = Set.of("mostly", "mainly", "obviously", "honestly", "probably", "basically", "really",
      "just", "definitely", "especially", "well", "oh", "um", "uh", "so", "hmm", "again",
      "too", "though", "also", "actually", "frankly", "the", "a", "an", "this", "that", "these", "those", "all", "whole",
      "only", "maybe", "perhaps", "like", "said", "yes", "yeah", "no", "ok", "okay", "sure", "and", "stuff", "things");
  static final Set<String> POSSESSIVE = Set.of("our", "my", "your", "their", "his", "her");
  /** Words that end the noun phrase an answer starts with (verbs, prepositions, conjunctions). */
  static final Set<String> BREAK = Set.of("is", "are", "was", "were", "be", "been", "got", "gets", "get", "has", "have",
      "had", "does", "do", "did", "doesn't", "don't", "didn't", "isn't", "aren't", "wasn't", "keeps", "kept", "can", "can't",
      "cannot", "could", "will", "won't", "would", "should", "waits", "waited", "takes", "took", "broke", "breaks", "fails",
      "failed", "crashes", "crashed", "paid", "works", "worked", "went", "goes", "needs", "need", "wants", "want", "makes",
      "made", "fix", "fixed", "for", "of", "to", "with", "in", "on", "at", "from", "by", "about", "since", "after", "before",
      "when", "because", "but", "or", "not", "never", "always", "it", "it's", "they", "we", "you", "me", "us", "them",
      "who", "which", "where", "what", "how", "why", "if", "than", "then", "there", "here", "am", "i", "i'm", "we're", "that's",
      "there's", "what's", "i've", "we've", "they're", "you're", "he's", "she's", "i'd", "we'd");
  /** Words that are not a topic on their own: qualities, moods, times, hedges. */
  static final Set<String> NOT_TOPIC = Set.of("busy", "fine", "good", "great", "bad", "poor", "slow", "fast", "faster",
      "slower", "better", "worse", "ok", "okay", "meh", "terrible", "awful", "horrible", "nice", "recently", "lately", "while",
      "ago", "always", "sometimes", "often", "everything", "nothing", "anything", "something", "everyone", "nobody",
      "sure", "unsure", "idea", "clue", "depends", "dunno", "whatever", "forever", "today", "yesterday", "week", "month",
      "year", "spring", "summer", "autumn", "fall", "winter", "morning", "evening", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "january", "february", "monday", "tuesday", "wednesday",
      "thursday", "friday", "weekend", "gradual", "gradually", "sorry", "thanks", "thank", "hello", "hi", "bot", "joke",
      "waste", "time", "stupid", "useless", "pointless", "ridiculous", "special", "wrong", "right", "hard", "difficult",
      "easy", "simple", "complicated", "confusing", "frustrating", "annoying", "expensive", "cheap", "broken", "buggy",
      "quick", "quicker", "more", "less", "lot", "lots", "much", "many", "few", "some", "various", "general", "overall",
      "working", "live", "new", "old", "big", "small", "first", "last", "next", "other", "same", "different", "experience",
      "disappointing", "disappointed", "love", "like", "hate", "happy", "unhappy", "exactly", "kind", "sort", "bit",
      // the product as a whole names nothing to ask about: "The product is too complicated" is laddered on instead
      "product", "tool", "software", "platform", "system", "solution", "thing", "company", "vendor", "whole");
  /** Qualities an answer may start with before the thing it names ("Wrong numbers." → "numbers"). */
  static final Set<String> QUALITY = Set.of("wrong", "bad", "poor", "slow", "slower", "faster", "better", "more", "less",
      "new", "old", "big", "live", "great", "good", "quick", "quicker", "cheaper", "broken", "buggy", "missing", "fewer");
  /** Common nouns of the work and the product, written in lower case when they begin an answer. */
  static final Set<String> COMMON = Set.of("support", "reports", "report", "reporting", "billing", "invoices", "invoice",
      "pricing", "price", "onboarding", "training", "setup", "exports", "export", "imports", "import", "sync", "integration",
      "integrations", "dashboards", "dashboard", "search", "editor", "app", "mobile", "login", "approvals", "approval",
      "templates", "template", "notes", "speed", "performance", "security", "finance", "tickets", "ticket", "scanning",
      "payroll", "sales", "board", "customer", "customers", "team", "staff", "documentation", "docs", "permissions",
      "notifications", "emails", "email", "data", "tax", "stock", "project", "reliability", "uptime", "bugs",
      "features", "feature", "account", "accounts", "management", "contract", "users", "admin", "admins", "boss", "manager", "managers", "service", "help", "communication", "ux", "design", "interface", "navigation");

  /**
   * The topic a short answer names, in the customer's words ("Support, mostly." → "support"; "Our staff got paid
   * wrong." → "your staff"; "Tom." → "Tom"), or null when it names none ("Busy.", "Since spring.", "Just fix it.").
   * The clauses are tried from the last one back: "Are you a bot? Support, obviously." → "support".
   */
  public static String topic(String text) {
    if (text == null || text.isBlank()) return null;
    List<String> clauses = new ArrayList<>();
    for (String s : text.split("[.!?;,:()\u2014\u2013]+|\\s-\\s")) if (!s.isBlank()) clauses.add(s.strip());
    for (int i = clauses.size() - 1; i >= 0; i--) {
      String np = nounPhrase(clauses.get(i));
      if (np != null) return np;
    }
    return null;
  }

  static final Pattern HEDGE = Pattern.compile("(?i)^(i (guess|think|suppose|mean|'d say|would say)|you know|to be honest|"
      + "if i'?m honest)\\b[\\s,]*");

  private static String nounPhrase(String clause) {
    String[] tokens = HEDGE.matcher(clause).replaceFirst("").split("\\s+");
    List<String> kept = new ArrayList<>();
    boolean started = false;
    String possessive = null;
    for (String raw : tokens) {
      String w = raw.replaceAll("^[\"'“”‘’]+|[\"'“”‘’]+$", "");
      String l = w.toLowerCase(Locale.ROOT);
      if (l.isEmpty()) continue;
      if (BREAK.contains(l)) {
        if (started) break;
        return null; // "It is ...", "Since spring": a sentence, not a topic
      }
      if (!started && POSSESSIVE.contains(l)) {
        possessive = l.equals("my") || l.equals("our") ? "your" : l;
        continue;
      }
      if (!started && FILLER.contains(l)) continue;
      if (started && FILLER.contains(l)) break;
      started = true;
      kept.add(w);
      if (kept.size() > 4) return null;
    }
    while (kept.size() > 1 && QUALITY.contains(kept.getFirst().toLowerCase(Locale.ROOT))) kept.removeFirst();
    if (kept.isEmpty() || kept.stream().allMatch(w -> NOT_TOPIC.contains(w.toLowerCase(Locale.ROOT)))) return null;
    if (kept.stream().anyMatch(w -> DIGITS.matcher(w).find())) return null;
    String first = kept.getFirst();
    boolean restCapitalised = kept.stream().skip(1).anyMatch(w -> Character.isUpperCase(w.charAt(0)));
    boolean acronym = first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT));
    if (!acronym && (COMMON.contains(first.toLowerCase(Locale.ROOT)) || kept.size() > 1 && !restCapitalised)) {
      kept.set(0, first.toLowerCase(Locale.ROOT));
    }
    String np = String.join(" ", kept);
    return possessive == null ? np : possessive + " " + np;
  }

  /** The sentence of an answer that carries this churn signal (the whole answer when none does on its own). */
  public static String churnClause(String text, String signal) {
    Pattern p = CHURN_CUES.get(signal);
    for (String s : sentences(text)) if (p != null && p.matcher(s).find()) return s;
    return text;
  }

  /** How specific one sentence is, from the lexical cues alone (for choosing quotes and specifics). */
  public static double lexicalSpecificity(String s) {
    double x = 0;
    if (DIGITS.matcher(s).find()) x += 0.25;
    if (TIME.matcher(s).find()) x += 0.15;
    if (FREQUENCY.matcher(s).find()) x += 0.15;
    if (AMOUNT.matcher(s).find()) x += 0.15;
    x += Math.min(0.3, 0.12 * count(CONCRETE, s));
    if (EPISODE.matcher(s).find()) x += 0.1;
    x -= 0.1 * Math.min(count(VAGUE, s), 2);
    int words = s.isBlank() ? 0 : s.strip().split("\\s+").length;
    if (words >= 8) x += 0.05;
    return x;
  }

  /** Similarity of a question to an answer, for choosing the most relevant probe. */
  public double similarity(String a, String b) {
    List<float[]> v = vectors(List.of(a, b));
    return Encoder.cosine(v.get(0), v.get(1));
  }

  /** Index of the text in {@code candidates} closest to {@code text}. */
  public int closest(String text, List<String> candidates) {
    List<String> all = new ArrayList<>(candidates);
    all.add(text);
    List<float[]> v = vectors(all);
    float[] t = v.getLast();
    int best = 0;
    double bestSim = -2;
    for (int i = 0; i < candidates.size(); i++) {
      double s = Encoder.cosine(t, v.get(i));
      if (s > bestSim) {
        bestSim = s;
        best = i;
      }
    }
    return best;
  }

  /** The segment whose examples are closest to what the customer said; null when the guide has none. */
  public String segment(Guide guide, String said) {
    if (guide.segments().isEmpty() || said.isBlank()) return null;
    List<String> texts = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Guide.Segment s : guide.segments()) {
      for (String e : s.examples()) {
        texts.add(e);
        keys.add(s.key());
      }
    }
    return keys.get(closest(said, texts));
  }

  private static List<String> topic(Guide.Phase phase) {
    List<String> t = new ArrayList<>(phase.cues());
    t.add(phase.goal());
    t.addAll(phase.questions());
    return t;
  }

  private double max(float[] v, List<String> texts) {
    double m = -1;
    for (float[] p : vectors(texts)) m = Math.max(m, Encoder.cosine(v, p));
    return m;
  }

  private List<float[]> vectors(List<String> texts) {
    List<String> missing = texts.stream().filter(s -> !cache.containsKey(s)).distinct().toList();
    if (!missing.isEmpty()) {
      List<float[]> v = encoder.encode(missing);
      for (int i = 0; i < missing.size(); i++) cache.put(missing.get(i), v.get(i));
    }
    return texts.stream().map(cache::get).toList();
  }

  /** The clause with the customer's vague words, to ladder on it in their own words. */
  private static String phrase(List<String> sentences) {
    for (String s : sentences) {
      Matcher m = VAGUE.matcher(s);
      if (m.find()) {
        String clause = s.replaceAll("[.!?]+$", "").strip();
        if (clause.length() > 90) {
          int from = Math.max(0, m.start() - 40);
          int to = Math.min(clause.length(), m.end() + 40);
          clause = clause.substring(from, to).strip();
        }
        return clause;
      }
    }
    return null;
  }

  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : text.split("(?<=[.!?])\\s+|\\n+")) if (!s.isBlank()) out.add(s.strip());
    return out;
  }

  private static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }
}
