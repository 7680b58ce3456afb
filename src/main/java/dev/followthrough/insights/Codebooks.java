package dev.followthrough.insights;

import dev.followthrough.insights.domain.Codebook;
import dev.followthrough.insights.domain.DefaultCodebook;
import dev.followthrough.insights.jdbc.JdbcInsights;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The versioned codebook: the current version, saving a new one, and the history of versions. */
@Service
public class Codebooks {

  public record Version(int version, String note, String createdBy, java.time.Instant createdAt) {}

  /** A mechanism of the current codebook, flattened with its category (for pickers and pages). */
  public record MechanismRef(String key, String name, String description, String owner, List<String> examples,
                             String categoryKey, String categoryName) {}

  private final JdbcInsights store;
  private final Clock clock;
  private volatile Codebook cached;

  Codebooks(JdbcInsights store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The newest version; an empty installation gets the default codebook as version 1. */
  public Codebook current() {
    Optional<JdbcInsights.StoredCodebook> latest = store.latestCodebook();
    if (latest.isEmpty()) {
      store.insertCodebook(1, CodebookJson.write(DefaultCodebook.v1()), "default codebook", "system", clock.instant());
      latest = store.latestCodebook();
    }
    if ("system".equals(latest.get().createdBy()) && !latest.get().document().contains("\"praise\"")) {
      // an unedited default from before praise mechanisms existed: the new default becomes the next version
      store.insertCodebook(latest.get().version() + 1, CodebookJson.write(DefaultCodebook.v1()),
          "default codebook: praise mechanisms, and what problem mechanisms are not", "system", clock.instant());
      latest = store.latestCodebook();
    }
    JdbcInsights.StoredCodebook s = latest.orElseThrow();
    Codebook c = cached;
    if (c == null || c.version() != s.version()) {
      c = CodebookJson.read(s.document(), s.version());
      cached = c;
    }
    return c;
  }

  /** Stores a checked codebook as the next version (retrying if another node saved one at the same moment). */
  public Codebook save(Codebook book, String note, String by) {
    for (int attempt = 0; ; attempt++) {
      int next = current().version() + 1;
      if (store.insertCodebook(next, CodebookJson.write(book), note, by, clock.instant())) return book.withVersion(next);
      if (attempt > 5) throw new IllegalStateException("could not store the codebook: too many concurrent saves");
    }
  }

  /** Adds a mechanism (e.g. a promoted emerging theme) to a category, as a new version. */
  public CodebookJson.Parsed addMechanism(String categoryKey, String key, String name, String description, String owner,
                                          List<String> examples, String by) {
    Codebook now = current();
    if (now.categories().stream().noneMatch(c -> c.key().equals(categoryKey)))
      return new CodebookJson.Parsed.Invalid("category", "'" + categoryKey + "' is not a category of codebook version " + now.version());
    Codebook.Mechanism mechanism = new Codebook.Mechanism(key, name, description, examples == null ? List.of() : examples, owner);
    List<Codebook.Category> categories = now.categories().stream().map(c -> {
      if (!c.key().equals(categoryKey)) return c;
      List<Codebook.Mechanism> ms = new java.util.ArrayList<>(c.mechanisms());
      ms.add(mechanism);
      return new Codebook.Category(c.key(), c.name(), c.description(), ms);
    }).toList();
    Codebook next = new Codebook(0, categories);
    var violation = dev.followthrough.insights.domain.CodebookRules.check(next);
    if (violation.isPresent()) {
      String field = violation.get().field().replaceFirst("^categories\\[\\d+]\\.mechanisms\\[\\d+]\\.", "");
      return new CodebookJson.Parsed.Invalid(field, violation.get().reason());
    }
    return new CodebookJson.Parsed.Ok(save(next, "added " + key, by));
  }

  public List<MechanismRef> mechanisms() {
    return current().entries().stream().map(e -> new MechanismRef(e.mechanism().key(), e.mechanism().name(),
        e.mechanism().description(), e.mechanism().owner(), e.mechanism().examples(), e.category().key(),
        e.category().name())).toList();
  }

  public int currentVersion() {
    return current().version();
  }

  /** The current codebook as its JSON document (export, console editor). */
  public String currentJson() {
    return tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
        .writeValueAsString(CodebookJson.of(current()));
  }

  /** Saves a JSON document as the next version, or says which field is wrong. */
  public CodebookJson.Parsed saveJson(String json, String note, String by) {
    CodebookJson.Parsed parsed = CodebookJson.parse(json);
    if (parsed instanceof CodebookJson.Parsed.Ok ok) return new CodebookJson.Parsed.Ok(save(ok.codebook(), note, by));
    return parsed;
  }

  public List<Version> versions() {
    return store.codebookVersions().stream().map(s -> new Version(s.version(), s.note(), s.createdBy(), s.createdAt())).toList();
  }
}
