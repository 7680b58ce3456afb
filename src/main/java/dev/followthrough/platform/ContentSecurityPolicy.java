package dev.followthrough.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The console's and customer pages' Content-Security-Policy: scripts and styles from this origin only
 * (no {@code 'unsafe-inline'}: templates carry no inline script, style element or style attribute), no
 * plugins, forms post here only, and no framing — except the customer pages ({@code /s/}, {@code /i/},
 * {@code /u/}) by the origins {@code followthrough.security.customer-frame-ancestors} names, so a survey
 * can be embedded in the operator's own site.
 */
final class ContentSecurityPolicy implements HeaderWriter {

  static final String BASE = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";

  private final String customerFrameAncestors;

  ContentSecurityPolicy(String customerFrameAncestors) {
    // only origins (or 'self') pass: nothing else can be smuggled into the policy through the setting
    String origins = customerFrameAncestors == null ? "" : java.util.Arrays.stream(customerFrameAncestors.split("[\\s,;]+"))
        .filter(t -> ORIGIN.matcher(t).matches()).collect(java.util.stream.Collectors.joining(" "));
    this.customerFrameAncestors = origins.isEmpty() ? "'none'" : origins;
  }

  private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?|'self'");

  @Override
  public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean customer = path.startsWith("/s/") || path.startsWith("/i/") || path.startsWith("/u/");
    response.setHeader("Content-Security-Policy", BASE + (customer ? customerFrameAncestors : "'none'"));
  }
}
