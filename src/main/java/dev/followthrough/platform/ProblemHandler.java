package dev.followthrough.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps framework exceptions of the JSON API to problem+json once, for every controller. */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (BodySizeLimitFilter.isTooLarge(e)) return tooLarge();
    return Problems.response(Problems.withField(HttpStatus.BAD_REQUEST, "Malformed request body", "body",
        "not valid JSON: " + rootMessage(e)));
  }

  @ExceptionHandler(InvalidField.class)
  ResponseEntity<ProblemDetail> invalidField(InvalidField e) {
    return Problems.unprocessable(e.field(), e.reason());
  }

  @ExceptionHandler(BodySizeLimitFilter.BodyTooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge() {
    return Problems.response(Problems.withField(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", "body",
        "exceeds the configured limit"));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
    return Problems.response(Problems.withField(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", "file",
        "exceeds the configured upload limit"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e) {
    return Problems.unprocessable(e.getParameterName(), "is required");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
    return Problems.unprocessable(e.getRequestPartName(), "is required");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return Problems.response(Problems.withField(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getName(),
        "cannot be read as " + (e.getRequiredType() == null ? "the expected type" : e.getRequiredType().getSimpleName())));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
    return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return Problems.response(Problems.withField(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
        "Content-Type", "must be one of " + e.getSupportedMediaTypes()));
  }

  @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException e) {
    return Problems.response(Problems.withField(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "Accept",
        "this endpoint answers " + e.getSupportedMediaTypes()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return Problems.response(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e) {
    return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
  }

  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void rethrowSecurity(RuntimeException e) {
    throw e; // let Spring Security's entry points answer 401/403
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "the request could not be completed; nothing was stored"));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }
}
