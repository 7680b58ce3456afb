package dev.followthrough.web;

import dev.followthrough.interviews.InterviewReply;
import dev.followthrough.interviews.Interviews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /i/{token}}: the customer's interview page, authorised by the signed token in the link (no login,
 * no session, no cookies we set, no tracking). Works as plain forms (answer, stop — each POST redirects back,
 * so a reload never resends); {@code /assets/interview.js} turns it into a chat over the JSON API.
 */
@Controller
class InterviewPageController {

  private final Interviews interviews;
  private final CustomerPages pages;

  InterviewPageController(Interviews interviews, CustomerPages pages) {
    this.interviews = interviews;
    this.pages = pages;
  }

  @GetMapping("/i/{token}")
  String page(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
    return render(interviews.open(token), token, null, text(token, request), model, response);
  }

  @PostMapping("/i/{token}")
  String answer(@PathVariable String token, @RequestParam(required = false) String text,
                @RequestParam(required = false) Integer turn, HttpServletRequest request, Model model,
                HttpServletResponse response) {
    InterviewReply r = interviews.answer(token, text, turn);
    if (r instanceof InterviewReply.Ok) return "redirect:/i/" + token;
    CustomerText t = text(token, request);
    String error = r instanceof InterviewReply.Refused x ? t.get(x.field().equals("text") ? "interview.emptyAnswer" :
        "interview.alreadyAnswered") : null;
    if (r instanceof InterviewReply.Refused) response.setStatus(x(r) ? 409 : 422);
    return render(r instanceof InterviewReply.NotFound ? r : interviews.open(token), token, error, t, model, response);
  }

  @PostMapping("/i/{token}/stop")
  String stop(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
    InterviewReply r = interviews.stop(token);
    if (r instanceof InterviewReply.Ok) return "redirect:/i/" + token;
    return render(r, token, null, text(token, request), model, response);
  }

  /** The page's chrome (buttons, labels) in the contact's language; the questions come from the guide. */
  private CustomerText text(String token, HttpServletRequest request) {
    return pages.forContact(request, pages.contactOf(token));
  }

  private static boolean x(InterviewReply r) {
    return r instanceof InterviewReply.Refused f && f.conflict();
  }

  private static String render(InterviewReply r, String token, String error, CustomerText t, Model model,
                               HttpServletResponse response) {
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    if (r instanceof InterviewReply.Ok ok) {
      model.addAttribute("view", ok.view());
    } else {
      if (response.getStatus() < 400) response.setStatus(404);
      model.addAttribute("view", null);
    }
    model.addAttribute("token", token);
    model.addAttribute("error", error);
    model.addAttribute("t", t);
    // the page needs no console shell: building one would read the CSRF token and so start a session (a cookie)
    model.addAttribute("shell", new Shell(null, null, null, false, "_csrf", null, java.util.List.of()));
    return "interview/page";
  }
}
