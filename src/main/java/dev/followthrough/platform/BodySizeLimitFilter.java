package dev.followthrough.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON request bodies: by Content-Length up front, and by counting for chunked bodies. Batch
 * endpoints get the larger limit; multipart uploads are capped by Spring's multipart settings.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

  static final class BodyTooLarge extends IOException {
    BodyTooLarge() { super("request body exceeds the configured limit"); }
  }

  private final long maxBody;
  private final long maxBatchBody;
  private final tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();

  BodySizeLimitFilter(ApiSettings api) {
    this.maxBody = api.maxRequestSize().toBytes();
    this.maxBatchBody = api.maxBatchRequestSize().toBytes();
  }

  static boolean isTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof BodyTooLarge) return true;
    return false;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String ct = request.getContentType();
    String uri = request.getRequestURI();
    return !(uri.startsWith("/api/") || uri.startsWith("/hooks/")) || (ct != null && ct.startsWith("multipart/"))
        || (ct != null && ct.startsWith("text/csv"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = request.getRequestURI().endsWith("/batch") ? maxBatchBody : maxBody;
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType(Problems.PROBLEM_JSON.toString());
      var p = Problems.withField(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", "body",
          "is " + declared + " bytes; the limit is " + limit + " bytes");
      p.setInstance(java.net.URI.create(request.getRequestURI()));
      response.getWriter().write(mapper.writeValueAsString(p));
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          long count;
          @Override public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++count > limit) throw new BodyTooLarge();
            return b;
          }
          @Override public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0 && (count += n) > limit) throw new BodyTooLarge();
            return n;
          }
          @Override public boolean isFinished() { return in.isFinished(); }
          @Override public boolean isReady() { return in.isReady(); }
          @Override public void setReadListener(ReadListener l) { in.setReadListener(l); }
        };
      }
      return stream;
    }
  }
}
