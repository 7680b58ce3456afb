package dev.followthrough.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
class DashboardController {

  private final Dashboards dashboards;

  DashboardController(Dashboards dashboards) {
    this.dashboards = dashboards;
  }

  @GetMapping("/")
  String dashboard(@RequestParam Map<String, String> params, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
    model.addAttribute("view", dashboards.dashboard(ConsoleFilter.of(params),
        ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()));
    return Htmx.partial(request, response) ? "dashboard/body" : "dashboard/page";
  }
}
