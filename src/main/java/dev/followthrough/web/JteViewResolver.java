package dev.followthrough.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Renders a controller's view name {@code "dashboard/page"} as the precompiled template
 * {@code dashboard/page.jte}, with the model as its parameters. Every page gets a {@code shell}
 * (user, role, navigation, CSRF token, demo banner), so controllers — including Spring's error
 * controller — need not add it. Names without a template fall through to the next resolver.
 */
@Component
public class JteViewResolver implements ViewResolver, Ordered {

  // The Maven plugin compiles src/main/jte into classes on the classpath; nothing is compiled at runtime.
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final ShellFactory shells;

  JteViewResolver(ShellFactory shells) {
    this.shells = shells;
  }

  @Override
  public View resolveViewName(String viewName, Locale locale) {
    if (viewName.contains(":")) return null; // redirect:, forward:
    String template = viewName + ".jte";
    return engine.hasTemplate(template) ? new JteView(template) : null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  private final class JteView implements View {
    private final String template;

    JteView(String template) {
      this.template = template;
    }

    @Override
    public String getContentType() {
      return "text/html;charset=UTF-8";
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
      Map<String, Object> params = model == null ? new HashMap<>() : new HashMap<>(model);
      params.computeIfAbsent("shell", k -> shells.shell(request));
      // Rendered into a buffer first: a template that fails halfway must give a clean 500, not half a page.
      Utf8ByteOutput out = new Utf8ByteOutput();
      engine.render(template, params, out);
      response.setContentType(getContentType());
      response.setHeader("Cache-Control", "no-store");
      response.setContentLength(out.getContentLength());
      out.writeTo(response.getOutputStream());
    }
  }
}
