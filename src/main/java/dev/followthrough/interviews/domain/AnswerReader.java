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
  static final Pattern HOSTILE = Pattern.compile("(?i)(waste of (my )?time|stupid|useless|ridiculous|pointless|"
      + "\\bf+u+c+k|\\bshit|\\bcrap\\b|\\bidiot|why do you (even )?care|just fix it|stop asking|what a joke|"
      + "how many times|i already told you|are you a bot|don'?t care)");
  static final Pattern ALTERNATIVE_CUES = Pattern.compile("(?i)(competitor|alternatives?|other (tools?|vendors?|options|"
      + "solutions|products|providers)|switch(ing)? to|looking (at|around)|evaluat(e|ing)|trial(l)?ing|\\brfp\\b|"
      + "demo of|moving to|replace (you|it)|shopping around)");
  static final Pattern CHAMPION_CUES = Pattern.compile("(?i)(left the company|is leaving|has left|\\bleft (in|last|us)\\b|"
      + "quit|new (manager|director|cto|cio|vp|head|boss|leadership)|champion|reorg|re-org|who (chose|bought|picked|set up) "
      + "(you|it|the tool)|no longer (with us|here)|took over)");
  static final Pattern RENEWAL_CUES = Pattern.compile("(?i)(renew|renewal|contract (is )?(up|ends|ending)|cancel|budget "
      + "(review|cut|cuts)|cut(ting)? costs|not sure we('ll| will) (stay|keep|continue)|reconsider|end of (our|the) contract)");

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
    boolean nothingMore = NOTHING_MORE.matcher(t).matches();
    double off = max(v, OFF_TOPIC);
    boolean offTopic = !stop && !terse && !nothingMore && churn.isEmpty() && vagueHits == 0 && words >= 4
        && (off > relevance + 0.05 || (relevance < 0.15 && concrete == 0));
    boolean specific = specificity >= 0.5;
    boolean isVague = !specific && (vagueHits > 0 || vague > cue || words < 12);
    return new Reading(t, words, specificity, specific, isVague, terse, stop, hostile, offTopic, nothingMore, churn,
        vagueHits > 0 ? phrase(sentences) : null, relevance, sentences);
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
