package dev.followthrough.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Every error leaves as {@code application/problem+json} naming the field and the reason. */
public final class Problems {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private Problems() {}

  public static ProblemDetail invalid(String field, String reason) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, field + ": " + reason);
    p.setType(URI.create("https://followthrough.dev/problems/invalid-field"));
    p.setTitle("Invalid field");
    p.setProperty("field", field);
    p.setProperty("reason", reason);
    p.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
    return p;
  }

  public static ProblemDetail of(HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    return p;
  }

  public static ProblemDetail withField(HttpStatus status, String title, String field, String reason) {
    ProblemDetail p = of(status, title, field + ": " + reason);
    p.setProperty("field", field);
    p.setProperty("reason", reason);
    return p;
  }

  public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
  }

  public static ResponseEntity<ProblemDetail> unprocessable(String field, String reason) {
    return response(invalid(field, reason));
  }
}
