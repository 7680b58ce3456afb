package dev.followthrough.web;

import dev.followthrough.surveys.SurveyAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /s/{token}}: the customer's survey page (program sends and follow-up re-surveys), authorised by
 * the signed token (no login, no session, no tracking). A GET never records anything — mail scanners
 * open every link — and a scale link's score is only pre-selected; the answer is saved by a POST (sent
 * by the page's script after a moment, or by the visible button).
 */
@Controller
class SurveyPageController {

  private final SurveyAnswers answers;
  private final CustomerPages pages;

  SurveyPageController(SurveyAnswers answers, CustomerPages pages) {
    this.answers = answers;
    this.pages = pages;
  }

  @GetMapping("/s/{token}")
  String page(@PathVariable String token, @RequestParam(required = false) String score, HttpServletRequest request,
              Model model, HttpServletResponse response) {
    Integer s = score(score);
    var visit = answers.visit(token, request.getMethod(), request.getHeader("User-Agent"), s);
    if (visit.isEmpty()) return invalid(token, request, model, response);
    var page = visit.get().page();
    Integer shown = s != null ? s : page.score();
    boolean auto = s != null && visit.get().botReason() == null;
    return render(new SurveyPageView(page.answered() && s == null ? "thanks" : "form", token, page, shown, auto,
        s != null ? "email" : "link", null, pages.text(request, page.language())), model, response);
  }

  @PostMapping("/s/{token}")
  String answer(@PathVariable String token, @RequestParam(required = false) String score,
                @RequestParam(required = false) String comment, @RequestParam(required = false) String followUpOptIn,
                @RequestParam(required = false) String anonymous, @RequestParam(required = false) String via,
                HttpServletRequest request, Model model, HttpServletResponse response) {
    var page = answers.open(token);
    if (page.isEmpty()) return invalid(token, request, model, response);
    var t = pages.text(request, page.get().language());
    Integer s = score(score);
    if (s == null) {
      response.setStatus(422);
      return render(new SurveyPageView("form", token, page.get(), null, false, clean(via), t.get("survey.chooseScore"), t), model, response);
    }
    var result = answers.answer(token, new SurveyAnswers.Submission(s, comment, followUpOptIn != null, anonymous != null,
        clean(via), request.getHeader("User-Agent")));
    return switch (result) {
      case SurveyAnswers.Answered.Recorded r -> render(new SurveyPageView("thanks", token, r.page(), s, false, "link", null, t),
          model, response);
      case SurveyAnswers.Answered.Bot b -> {
        response.setStatus(403);
        yield render(new SurveyPageView("form", token, page.get(), s, false, clean(via), null, t), model, response);
      }
      case SurveyAnswers.Answered.Invalid x -> {
        response.setStatus(422);
        yield render(new SurveyPageView("form", token, page.get(), s, false, clean(via), x.field() + ": " + x.reason(), t),
            model, response);
      }
      case SurveyAnswers.Answered.NotFound n -> invalid(token, request, model, response);
    };
  }

  private static String clean(String via) {
    return "email".equals(via) ? "email" : "link";
  }

  private static Integer score(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      int v = Integer.parseInt(s.strip());
      return v >= 0 && v <= 10 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String invalid(String token, HttpServletRequest request, Model model, HttpServletResponse response) {
    response.setStatus(404);
    return render(new SurveyPageView("invalid", token, null, null, false, "link", null, pages.text(request)), model, response);
  }

  private static String render(SurveyPageView view, Model model, HttpServletResponse response) {
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex");
    model.addAttribute("view", view);
    // no console shell: building one would read the CSRF token and so start a session (a cookie)
    model.addAttribute("shell", new Shell(null, null, null, false, "_csrf", null, java.util.List.of()));
    return "survey/page";
  }
}
