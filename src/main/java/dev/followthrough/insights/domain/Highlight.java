package dev.followthrough.insights.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which sentence of a text answers a word query, and which of its words matched: the search page marks those
 * words and nothing else. A query word matches a text word when one is a prefix of the other ("export" and
 * "exports"), as PostgreSQL's English stemming roughly does; stop words ("the", "and") never match, as they
 * never match in full-text search either. A query may repeat a word ("support support").
 */
public final class Highlight {

  /** A run of the sentence: matched words are their own pieces. */
  public record Piece(String text, boolean match) {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from",
      "has", "have", "in", "is", "it", "its", "of", "on", "or", "so", "that", "the", "their", "them", "then", "there",
      "they", "this", "to", "was", "we", "were", "with", "you", "our", "your", "not", "no", "do", "does", "did");

  private Highlight() {}

  /** The distinct words of a query that can match (lower case, stop words and one-letter words left out). */
  public static Set<String> queryWords(String query) {
    Set<String> out = new LinkedHashSet<>();
    if (query == null) return out;
    Matcher m = WORD.matcher(query.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.length() > 1 && !STOP.contains(w)) out.add(w);
    }
    return out;
  }

  static boolean matches(String textWord, Set<String> queryWords) {
    String w = textWord.toLowerCase(Locale.ROOT);
    if (STOP.contains(w)) return false;
    for (String q : queryWords) {
      if (w.equals(q)) return true;
      if (w.length() > 2 && q.length() > 2 && (w.startsWith(q) || q.startsWith(w))) return true;
    }
    return false;
  }

  /** The sentence with the most matched words (the earliest on a tie, the first when none matches). */
  public static Segments.Segment bestSentence(String body, String query, int maxWords) {
    Set<String> words = queryWords(query);
    List<Segments.Segment> sentences = Segments.clauses(body, maxWords);
    if (sentences.isEmpty()) return new Segments.Segment(0, body.length(), body);
    return sentences.stream()
        .max(Comparator.comparingLong((Segments.Segment s) -> pieces(s.text(), words).stream().filter(Piece::match).count())
            .thenComparing(s -> -s.start()))
        .get();
  }

  /** The text cut into pieces, each matched word a piece of its own. */
  public static List<Piece> pieces(String text, Set<String> queryWords) {
    List<Piece> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    int at = 0;
    while (m.find()) {
      if (!matches(m.group(), queryWords)) continue;
      if (m.start() > at) out.add(new Piece(text.substring(at, m.start()), false));
      out.add(new Piece(m.group(), true));
      at = m.end();
    }
    if (at < text.length()) out.add(new Piece(text.substring(at), false));
    return out;
  }

  /** HTML of the text, escaped, with each matched word in {@code <mark>}. */
  public static String html(String text, Set<String> queryWords) {
    StringBuilder out = new StringBuilder();
    for (Piece p : pieces(text, queryWords)) {
      if (p.match()) out.append("<mark>").append(escape(p.text())).append("</mark>");
      else out.append(escape(p.text()));
    }
    return out.toString();
  }

  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
