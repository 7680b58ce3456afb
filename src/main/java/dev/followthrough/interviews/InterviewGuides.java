package dev.followthrough.interviews;

import dev.followthrough.interviews.domain.Guide;
import dev.followthrough.interviews.jdbc.JdbcInterviews;
import dev.followthrough.interviews.jdbc.JdbcInterviews.GuideRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Guides are data: listed, read and saved as JSON; every save is a new version (sessions keep the version
 * they ran, so a transcript always names the guide it followed).
 */
@Service
public class InterviewGuides {

  public record GuideSummary(String key, String kind, int version, String title, int phases, Instant savedAt, String savedBy) {}

  public sealed interface Saved {
    record Created(GuideSummary guide) implements Saved {}

    /** Identical to the latest version: nothing new stored. */
    record Unchanged(GuideSummary guide) implements Saved {}

    record Invalid(String field, String reason) implements Saved {}
  }

  private final JdbcInterviews store;
  private final Interviews interviews;

  InterviewGuides(JdbcInterviews store, Interviews interviews) {
    this.store = store;
    this.interviews = interviews;
  }

  public List<GuideSummary> list() {
    interviews.seed();
    return store.latestGuides().stream().map(InterviewGuides::summary).toList();
  }

  public List<GuideSummary> versions(String key) {
    interviews.seed();
    return store.versions(key).stream().map(InterviewGuides::summary).toList();
  }

  /** The guide's latest version (or the given one) as JSON. */
  public Optional<Map<String, Object>> json(String key, Integer version) {
    interviews.seed();
    Optional<Guide> g = version == null ? store.latest(key).map(GuideRow::guide) : store.guide(key, version);
    return g.map(x -> JdbcInterviews.JSON.convertValue(x, new TypeReference<Map<String, Object>>() {}));
  }

  /** Saves a guide (JSON text) as the next version of {@code key}. */
  @Transactional
  public Saved save(String key, String json, String by) {
    interviews.seed();
    Guide g;
    try {
      Map<String, Object> m = JdbcInterviews.JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
      m.put("key", key);
      m.put("version", 0);
      m.remove("versions"); // as GET shows it
      g = JdbcInterviews.JSON.convertValue(m, Guide.class);
    } catch (JacksonException | IllegalArgumentException e) {
      return new Saved.Invalid("body", "is not a guide: " + firstLine(e.getMessage()));
    }
    Optional<String[]> problem = g.problem();
    if (problem.isPresent()) return new Saved.Invalid(problem.get()[0], problem.get()[1]);
    store.lockGuide(key);
    Optional<GuideRow> latest = store.latest(key);
    if (latest.isPresent() && latest.get().guide().withVersion(0).equals(g)) return new Saved.Unchanged(summary(latest.get()));
    if (latest.isPresent() && !latest.get().guide().kind().equals(g.kind())) {
      return new Saved.Invalid("kind", "cannot change from " + latest.get().guide().kind() + "; save it under another key");
    }
    Guide next = g.withVersion(latest.map(r -> r.guide().version() + 1).orElse(1));
    Instant now = interviews.clock().instant();
    store.insertGuide(next, by, now);
    return new Saved.Created(summary(new GuideRow(next, now, by)));
  }

  private static GuideSummary summary(GuideRow r) {
    Guide g = r.guide();
    return new GuideSummary(g.key(), g.kind(), g.version(), g.title(), g.phases().size(), r.createdAt(), r.createdBy());
  }

  private static String firstLine(String s) {
    if (s == null) return "unreadable JSON";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
