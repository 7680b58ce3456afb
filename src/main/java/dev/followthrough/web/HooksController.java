package dev.followthrough.web;

import dev.followthrough.reporting.ReportingSettings;
import dev.followthrough.responses.hooks.HookSource;
import dev.followthrough.responses.hooks.HookSources;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Survey sources (admin): create one, copy its URL and secret into the vendor, watch its deliveries
 * arrive, send a signed test through the real endpoint. A secret is in the page only after a click
 * ({@code ?reveal}) or right after it was created or rotated.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class HooksController {

  private final HookSources sources;
  private final ZoneId zone;

  HooksController(HookSources sources, ReportingSettings settings) {
    this.sources = sources;
    this.zone = settings.timeZone();
  }

  @GetMapping("/settings/sources")
  String list(Model model, HttpServletRequest request) {
    model.addAttribute("view", listPage(request, new HooksView.Form("", "delighted", "", "", "", "", Map.of()), null));
    return "hooks/list";
  }

  @PostMapping("/settings/sources")
  String create(@RequestParam Map<String, String> params, Model model, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes redirect) {
    Map<String, String> mapping = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      if (k.startsWith("mapping.") && v != null && !v.isBlank()) mapping.put(k.substring(8), v);
    });
    HooksView.Form form = new HooksView.Form(params.getOrDefault("key", ""), params.getOrDefault("vendor", ""),
        params.getOrDefault("program", ""), params.getOrDefault("kind", ""), params.getOrDefault("touchpoint", ""),
        params.getOrDefault("secret", ""), mapping);
    var created = sources.create(new HookSources.NewSource(form.key(), form.vendor(), form.secret(), form.program(),
        form.kind(), form.touchpoint(), mapping));
    return switch (created) {
      case HookSources.Created.Invalid x -> {
        response.setStatus(422);
        model.addAttribute("view", listPage(request, form, Fmt.title(x.field()) + " " + x.reason() + "."));
        yield "hooks/list";
      }
      case HookSources.Created.Ok ok -> {
        redirect.addFlashAttribute("fresh", "created");
        yield "redirect:/settings/sources/" + ok.source().key();
      }
    };
  }

  @GetMapping("/settings/sources/{key}")
  String detail(@PathVariable String key, @RequestParam(required = false) String reveal, Model model,
                HttpServletRequest request) {
    HookSource s = source(key);
    String fresh = (String) model.getAttribute("fresh");
    boolean show = reveal != null || fresh != null;
    String base = base(request);
    Integer testStatus = (Integer) model.getAttribute("testStatus");
    model.addAttribute("view", new HooksView.DetailPage(s, sources.endpoint(s, base),
        show ? sources.pasteUrl(s, base) : null, show ? s.secret() : null, fresh != null, sources.deliveries(key),
        testStatus, (String) model.getAttribute("testBody"), (String) model.getAttribute("notice"),
        (String) model.getAttribute("error"), zone));
    return "hooks/detail";
  }

  @PostMapping("/settings/sources/{key}/rotate")
  String rotate(@PathVariable String key, RedirectAttributes redirect) {
    source(key);
    sources.rotate(key);
    redirect.addFlashAttribute("fresh", "rotated");
    redirect.addFlashAttribute("notice", "A new secret is in force; the old one stopped working. Update it in the vendor now.");
    return "redirect:/settings/sources/" + key;
  }

  @PostMapping("/settings/sources/{key}/secret")
  String replaceSecret(@PathVariable String key, @RequestParam(defaultValue = "") String secret, RedirectAttributes redirect) {
    source(key);
    String problem = sources.replaceSecret(key, secret);
    if (problem != null) redirect.addFlashAttribute("error", "The secret " + problem + ".");
    else redirect.addFlashAttribute("notice", "The vendor's secret is saved; deliveries are now verified with it.");
    return "redirect:/settings/sources/" + key;
  }

  @PostMapping("/settings/sources/{key}/enabled")
  String enable(@PathVariable String key, @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
    source(key);
    sources.enable(key, enabled);
    redirect.addFlashAttribute("notice", enabled ? "The source accepts deliveries again." : "The source refuses deliveries (403) until enabled.");
    return "redirect:/settings/sources/" + key;
  }

  @PostMapping("/settings/sources/{key}/test")
  String test(@PathVariable String key, HttpServletRequest request, RedirectAttributes redirect) {
    source(key);
    var result = sources.sendTest(key, "http://127.0.0.1:" + request.getLocalPort() + request.getContextPath()).orElseThrow();
    redirect.addFlashAttribute("testStatus", result.status());
    redirect.addFlashAttribute("testBody", result.body().length() > 2000 ? result.body().substring(0, 2000) : result.body());
    return "redirect:/settings/sources/" + key;
  }

  private HooksView.ListPage listPage(HttpServletRequest request, HooksView.Form form, String error) {
    String base = base(request);
    return new HooksView.ListPage(sources.list().stream()
        .map(s -> new HooksView.Row(s.key(), s.vendor().label(), s.enabled(), sources.endpoint(s, base))).toList(), form, error);
  }

  private HookSource source(String key) {
    return sources.find(key).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
        "no source " + key));
  }

  private static String base(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
  }
}
