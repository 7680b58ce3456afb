package dev.followthrough.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * A wrong method or content type is refused before any controller is chosen, so {@link ProblemHandler}
 * (scoped to REST controllers) never sees it; on the doors machines use ({@code /api/}, {@code /hooks/},
 * {@code /w/}) the answer is still problem+json naming {@code method} or {@code Content-Type}.
 */
@Component
class MachineDoorProblems implements HandlerExceptionResolver, Ordered {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!(path.startsWith("/api/") || path.startsWith("/hooks/") || path.startsWith("/w/"))) return null;
    var problem = switch (ex) {
      case HttpMediaTypeNotSupportedException e -> Problems.withField(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
          "Content-Type", "must be one of " + e.getSupportedMediaTypes());
      case HttpRequestMethodNotSupportedException e -> Problems.withField(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
          "method", request.getMethod() + " is not supported here; use " + String.join(", ", e.getSupportedMethods() == null
              ? new String[0] : e.getSupportedMethods()));
      default -> null;
    };
    if (problem == null) return null;
    try {
      response.setStatus(problem.getStatus());
      response.setContentType(Problems.PROBLEM_JSON.toString());
      response.getWriter().write(JSON.writeValueAsString(problem));
    } catch (IOException e) {
      return null;
    }
    return new ModelAndView();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
