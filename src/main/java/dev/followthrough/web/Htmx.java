package dev.followthrough.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** htmx asks for the part of a page it swaps; anything else (a bookmark, a reload, history) gets the page. */
final class Htmx {
  private Htmx() {}

  static boolean partial(HttpServletRequest request, HttpServletResponse response) {
    // a cache in between must not hand a fragment to a full-page request, or the reverse
    response.addHeader("Vary", "HX-Request");
    return "true".equals(request.getHeader("HX-Request"))
        && request.getHeader("HX-History-Restore-Request") == null
        && request.getHeader("HX-Boosted") == null;
  }
}
