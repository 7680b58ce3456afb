package dev.followthrough.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** htmx: the demo banner's progress line, polled while the demo loads in the background. */
@Controller
class DemoProgressController {

  @GetMapping("/demo/progress")
  String progress(org.springframework.ui.Model model) {
    model.addAttribute("polled", true);
    return "parts/demo-progress";
  }
}
