package dev.followthrough.web;

import dev.followthrough.outreach.Links;
import dev.followthrough.responses.ContactPreferences;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /u/{token}}: a customer's own unsubscribe page, authorised by the signed token in the link
 * (no session, no CSRF token: a mail client's RFC 8058 one-click POST must work). GET asks to
 * confirm — link scanners follow GETs, so GET never opts anyone out; POST opts the contact out.
 */
@Controller
class UnsubscribeController {

  private final Links links;
  private final ContactPreferences preferences;
  private final CustomerPages pages;

  UnsubscribeController(Links links, ContactPreferences preferences, CustomerPages pages) {
    this.links = links;
    this.preferences = preferences;
    this.pages = pages;
  }

  @GetMapping("/u/{token}")
  String confirm(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
    Optional<UUID> contact = links.unsubscribeContact(token);
    model.addAttribute("t", pages.forContact(request, contact));
    model.addAttribute("state", contact.isPresent() ? "confirm" : "invalid");
    model.addAttribute("token", token);
    if (contact.isEmpty()) response.setStatus(404);
    response.setHeader("Referrer-Policy", "no-referrer");
    return "unsubscribe/page";
  }

  @PostMapping("/u/{token}")
  String unsubscribe(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
    Optional<UUID> contact = links.unsubscribeContact(token);
    model.addAttribute("t", pages.forContact(request, contact));
    boolean done = contact.isPresent() && preferences.setOptedOut(contact.get(), true);
    model.addAttribute("state", done ? "done" : "invalid");
    model.addAttribute("token", token);
    if (!done) response.setStatus(404);
    response.setHeader("Referrer-Policy", "no-referrer");
    return "unsubscribe/page";
  }
}
