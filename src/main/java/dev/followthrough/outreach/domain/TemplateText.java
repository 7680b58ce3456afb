package dev.followthrough.outreach.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small template language of editable messages: {@code {{name}}} inserts a variable,
 * {@code {{#name}}…{{/name}}} keeps its content only when the variable is not empty,
 * {@code {{^name}}…{{/name}}} only when it is. Unknown variables render empty. The HTML part is
 * the rendered text, escaped as a whole (template and customer text alike), with paragraphs and links.
 */
public final class TemplateText {

  private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])\\s*([\\w.]+)\\s*}}(.*?)\\{\\{/\\s*\\2\\s*}}", Pattern.DOTALL);
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}");
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

  private TemplateText() {}

  public static String render(String template, Map<String, String> vars) {
    if (template == null) return "";
    String s = template;
    for (int i = 0; i < 5; i++) { // sections may hold sections: a few passes, innermost names first
      Matcher m = SECTION.matcher(s);
      StringBuilder out = new StringBuilder();
      boolean found = false;
      while (m.find()) {
        found = true;
        String v = vars.get(m.group(2));
        boolean present = v != null && !v.isBlank();
        boolean keep = m.group(1).equals("#") == present;
        m.appendReplacement(out, Matcher.quoteReplacement(keep ? m.group(3) : ""));
      }
      m.appendTail(out);
      s = out.toString();
      if (!found) break;
    }
    Matcher m = VARIABLE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = vars.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
    }
    m.appendTail(out);
    return out.toString().replaceAll("\\n{3,}", "\n\n").strip() + "\n";
  }

  /** Text to safe HTML: everything escaped, blank lines make paragraphs, URLs become links. */
  public static String html(String text) {
    StringBuilder body = new StringBuilder();
    for (String para : text.strip().split("\\n\\s*\\n")) {
      String escaped = escape(para.strip()).replace("\n", "<br>\n");
      Matcher m = URL.matcher(escaped);
      StringBuilder linked = new StringBuilder();
      while (m.find()) {
        String url = m.group();
        m.appendReplacement(linked, Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>"));
      }
      m.appendTail(linked);
      body.append("<p style=\"margin:0 0 1em\">").append(linked).append("</p>\n");
    }
    return "<!doctype html>\n<html><head><meta charset=\"utf-8\"></head>"
        + "<body style=\"font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;max-width:560px\">\n"
        + body + "</body></html>\n";
  }

  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
