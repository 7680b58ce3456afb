package dev.followthrough.insights.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into the pieces that are embedded: sentences (and clauses after ';'), with very short
 * ones joined to their neighbour and long ones cut into windows of at most {@code maxWords} words,
 * because the MiniLM tokenizer silently drops everything past 128 tokens (~100 words). Offsets
 * point into the original text, so a segment can be shown as the evidence span.
 */
public final class Segments {

  public record Segment(int start, int end, String text) {
    public int words() {
      return wordCount(text);
    }
  }

  private static final int MIN_WORDS = 3; // "Thanks!", "a bit.": too little to embed alone

  private Segments() {}

  public static List<Segment> of(String text, int maxWords) {
    List<Segment> sentences = sentences(text);
    List<Segment> joined = new ArrayList<>();
    for (Segment s : sentences) {
      Segment last = joined.isEmpty() ? null : joined.getLast();
      if (last != null && (s.words() < MIN_WORDS || last.words() < MIN_WORDS) && last.words() + s.words() <= maxWords) {
        joined.set(joined.size() - 1, new Segment(last.start(), s.end(), text.substring(last.start(), s.end())));
      } else {
        joined.add(s);
      }
    }
    List<Segment> out = new ArrayList<>();
    for (Segment s : joined) out.addAll(windows(text, s, maxWords));
    return out;
  }

  private static final java.util.regex.Pattern CONTRAST = java.util.regex.Pattern.compile(
      "(?i)(?:,\\s*|\\s+[-–—]\\s+|\\s+)(?=(?:but|however|although|though|except that|yet|whereas)\\b)");

  /**
   * The clauses of a text: its sentences, each cut again before a contrast ("Good product, | but exports time out"),
   * because the clause after "but" carries a different reason, often of the other polarity. A piece of one word is
   * joined to its neighbour; sentences are not joined (a two-word "Love it." keeps its own polarity).
   */
  public static List<Segment> clauses(String text, int maxWords) {
    List<Segment> out = new ArrayList<>();
    for (Segment sentence : sentences(text)) {
      List<Segment> pieces = new ArrayList<>();
      java.util.regex.Matcher m = CONTRAST.matcher(sentence.text());
      int from = 0;
      while (m.find()) {
        if (m.start() <= from) continue;
        add(text, sentence.start() + from, sentence.start() + m.start(), pieces);
        from = m.end();
      }
      add(text, sentence.start() + from, sentence.end(), pieces);
      List<Segment> joined = new ArrayList<>();
      for (Segment p : pieces) {
        Segment last = joined.isEmpty() ? null : joined.getLast();
        if (last != null && (p.words() < 2 || last.words() < 2)) {
          joined.set(joined.size() - 1, new Segment(last.start(), p.end(), text.substring(last.start(), p.end())));
        } else {
          joined.add(p);
        }
      }
      for (Segment c : joined) out.addAll(windows(text, c, maxWords));
    }
    Segment last = out.isEmpty() ? null : out.getLast();
    if (out.size() > 1 && last.words() < 2) { // a trailing "Thanks!" joins the clause before it
      Segment before = out.get(out.size() - 2);
      out.set(out.size() - 2, new Segment(before.start(), last.end(), text.substring(before.start(), last.end())));
      out.removeLast();
    }
    return out;
  }

  /** The whole text in windows of at most {@code maxWords} words, ignoring sentence ends. */
  public static List<Segment> chunks(String text, int maxWords) {
    List<Segment> whole = new ArrayList<>();
    add(text, 0, text.length(), whole);
    return whole.isEmpty() ? whole : windows(text, whole.getFirst(), maxWords);
  }

  static List<Segment> sentences(String text) {
    List<Segment> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean end = c == '\n' || c == ';' || c == '!' || c == '?'
          || (c == '.' && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))) && !(i > 0 && Character.isDigit(text.charAt(i - 1)) && i + 1 < n && Character.isDigit(text.charAt(i + 1))));
      if (end) {
        add(text, start, i + 1, out);
        start = i + 1;
      }
    }
    add(text, start, n, out);
    return out;
  }

  private static void add(String text, int start, int end, List<Segment> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) start++;
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
    if (end > start && text.substring(start, end).chars().anyMatch(Character::isLetterOrDigit)) {
      out.add(new Segment(start, end, text.substring(start, end)));
    }
  }

  /** Windows of at most {@code maxWords} words; the last window is evened out with the one before. */
  private static List<Segment> windows(String text, Segment s, int maxWords) {
    List<int[]> words = new ArrayList<>();
    int i = s.start();
    while (i < s.end()) {
      while (i < s.end() && Character.isWhitespace(text.charAt(i))) i++;
      int w = i;
      while (i < s.end() && !Character.isWhitespace(text.charAt(i))) i++;
      if (i > w) words.add(new int[] {w, i});
    }
    if (words.size() <= maxWords) return List.of(s);
    int pieces = (words.size() + maxWords - 1) / maxWords;
    int per = (words.size() + pieces - 1) / pieces;
    List<Segment> out = new ArrayList<>();
    for (int from = 0; from < words.size(); from += per) {
      int to = Math.min(words.size(), from + per);
      int a = words.get(from)[0];
      int b = words.get(to - 1)[1];
      out.add(new Segment(a, b, text.substring(a, b)));
    }
    return out;
  }

  static int wordCount(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
      if (!ws && !in) n++;
      in = !ws;
    }
    return n;
  }
}
