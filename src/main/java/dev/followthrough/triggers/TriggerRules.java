package dev.followthrough.triggers;

import dev.followthrough.triggers.domain.Decision;
import dev.followthrough.triggers.domain.InMemorySampler;
import dev.followthrough.triggers.domain.Limits;
import dev.followthrough.triggers.domain.Rule;
import dev.followthrough.triggers.domain.RuleBook;
import dev.followthrough.triggers.domain.RuleFormat;
import dev.followthrough.triggers.domain.Subject;
import dev.followthrough.triggers.domain.SubjectFormat;
import dev.followthrough.triggers.jdbc.JdbcRules;
import dev.followthrough.triggers.jdbc.JdbcSampler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The trigger rules: list, edit, reorder, export and import as YAML, and dry-run. Input arrives as
 * plain maps and lists (parsed JSON or YAML) and is read strictly: a rejection names the field.
 */
@Service
public class TriggerRules {

  /** The result of a change. */
  public sealed interface Change {
    record Saved(TriggerRule rule) implements Change {}
    record Ordered(List<TriggerRule> rules) implements Change {}
    record Invalid(String field, String reason) implements Change {}
    record NotFound(UUID id) implements Change {}
    /** Someone saved the rule since {@code expectedVersion} was read. */
    record Conflict(int expectedVersion, int currentVersion) implements Change {}
  }

  public enum ImportMode { REPLACE, MERGE }

  public sealed interface Imported {
    record Done(int created, int updated, int deleted, List<TriggerRule> rules) implements Imported {}
    record Invalid(String field, String reason) implements Imported {}
  }

  public sealed interface Tested {
    record Ok(TriggerDecision decision) implements Tested {}
    record Invalid(String field, String reason) implements Tested {}
  }

  private final JdbcRules rules;
  private final JdbcSampler sampler;
  private final TriggerSettings settings;
  private final Clock clock;

  TriggerRules(JdbcRules rules, JdbcSampler sampler, TriggerSettings settings, Clock clock) {
    this.rules = rules;
    this.sampler = sampler;
    this.settings = settings;
    this.clock = clock;
  }

  public List<TriggerRule> list() {
    return rules.all().stream().map(TriggerRules::view).toList();
  }

  public Optional<TriggerRule> get(UUID id) {
    return rules.find(id).map(TriggerRules::view);
  }

  /**
   * A new rule from its API shape. Without {@code position} it goes before a trailing catch-all
   * (an enabled rule without conditions), so that it can match at all.
   */
  @Transactional
  public Change create(Object body) {
    Rule r;
    try {
      r = RuleFormat.readRule(body, "");
    } catch (RuleFormat.Invalid e) {
      return new Change.Invalid(e.field(), e.reason());
    }
    List<Rule> all = new ArrayList<>(rules.allForUpdate());
    if (nameTaken(all, r.name(), null)) return new Change.Invalid("name", "another rule is already called \"" + r.name() + "\"");
    if (r.position() > all.size() + 1) return new Change.Invalid("position", "must be from 1 to " + (all.size() + 1));
    int index = r.position() > 0 ? r.position() - 1 : insertionIndex(all);
    Rule created = r.withId(UUID.randomUUID()).withPosition(index + 1);
    Instant now = clock.instant();
    all.add(index, created);
    return saved(() -> {
      renumber(all);
      rules.insert(created, now);
    }, created.id());
  }

  /** Replaces the rule's content; the body must carry the {@code version} it was read at. */
  @Transactional
  public Change update(UUID id, Object body) {
    Rule r;
    try {
      r = RuleFormat.readRule(body, "");
    } catch (RuleFormat.Invalid e) {
      return new Change.Invalid(e.field(), e.reason());
    }
    if (body instanceof Map<?, ?> m && m.get("version") == null)
      return new Change.Invalid("version", "is required: the version you read, so no one else's change is overwritten");
    if (r.id() != null && !r.id().equals(id)) return new Change.Invalid("id", "does not match the rule's id in the path");
    List<Rule> all = new ArrayList<>(rules.allForUpdate());
    Rule current = all.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    if (current == null) return new Change.NotFound(id);
    if (current.version() != r.version()) return new Change.Conflict(r.version(), current.version());
    if (nameTaken(all, r.name(), id)) return new Change.Invalid("name", "another rule is already called \"" + r.name() + "\"");
    if (r.position() > all.size()) return new Change.Invalid("position", "must be from 1 to " + all.size());
    all.remove(current);
    int index = r.position() > 0 ? r.position() - 1 : current.position() - 1;
    Rule updated = new Rule(id, r.name(), index + 1, r.enabled(), r.conditions(), r.outcome(), r.description(), r.version());
    all.add(Math.min(index, all.size()), updated);
    Instant now = clock.instant();
    return saved(() -> {
      if (!rules.update(updated, r.version(), now)) throw new IllegalStateException("rule " + id + " changed under a lock");
      renumber(all);
    }, id);
  }

  @Transactional
  public boolean delete(UUID id) {
    List<Rule> all = new ArrayList<>(rules.allForUpdate());
    if (!all.removeIf(r -> r.id().equals(id))) return false;
    rules.delete(id);
    renumber(all);
    return true;
  }

  /** The rules in this order; the list must name every rule exactly once. */
  @Transactional
  public Change reorder(List<UUID> ids) {
    List<Rule> all = rules.allForUpdate();
    Map<UUID, Rule> byId = new HashMap<>();
    all.forEach(r -> byId.put(r.id(), r));
    if (new LinkedHashSet<>(ids).size() != ids.size()) return new Change.Invalid("ids", "lists a rule twice");
    for (int i = 0; i < ids.size(); i++) {
      if (!byId.containsKey(ids.get(i))) return new Change.Invalid("ids[" + i + "]", "is not a rule");
    }
    if (ids.size() != all.size())
      return new Change.Invalid("ids", "must list all " + all.size() + " rules, listed " + ids.size());
    renumber(ids.stream().map(byId::get).toList());
    return new Change.Ordered(list());
  }

  // ---------------------------------------------------------------- YAML

  /** Block-style YAML as the export writes it, for any value (e.g. one rule's {@link TriggerRule#asMap}). */
  public static String toYaml(Object value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(120);
    return new Yaml(options).dump(value);
  }

  public String exportYaml() {
    String header = "# Followthrough trigger rules. Ordered: the first enabled rule that matches decides.\n"
        + "# Import with POST /api/v1/rules/import?mode=replace (or merge, by name).\n";
    return header + toYaml(RuleFormat.writeBook(rules.all()));
  }

  /** Parses YAML safely: no custom types, no duplicate keys, bounded aliases and size. */
  public static Object parseYaml(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setCodePointLimit(5 * 1024 * 1024);
    options.setNestingDepthLimit(20);
    return new Yaml(new SafeConstructor(options)).load(yaml);
  }

  /**
   * Replace: the file is the whole rule set (rules matched by name keep their id and sampling state;
   * the rest are deleted). Merge: rules matched by name are updated in place, new ones go before a
   * trailing catch-all, the others stay. Invalid input changes nothing.
   */
  @Transactional
  public Imported importYaml(String yaml, ImportMode mode) {
    List<Rule> incoming;
    try {
      Object doc = parseYaml(yaml);
      if (doc == null) return new Imported.Invalid("body", "is empty: expected version: 1 and a list of rules");
      incoming = RuleFormat.readBook(doc);
    } catch (YAMLException e) {
      return new Imported.Invalid("body", "not valid YAML: " + firstLine(e.getMessage()));
    } catch (RuleFormat.Invalid e) {
      return new Imported.Invalid(e.field(), e.reason());
    }
    List<Rule> existing = rules.allForUpdate();
    Map<String, Rule> byName = new HashMap<>();
    existing.forEach(r -> byName.put(key(r.name()), r));
    Instant now = clock.instant();
    int created = 0, updated = 0, deleted = 0;
    List<Rule> order = new ArrayList<>();
    if (mode == ImportMode.REPLACE) {
      Map<String, Rule> kept = new HashMap<>();
      for (Rule r : incoming) kept.put(key(r.name()), r);
      for (Rule old : existing) {
        if (!kept.containsKey(key(old.name()))) {
          rules.delete(old.id());
          deleted++;
        }
      }
      for (Rule r : incoming) order.add(r);
    } else {
      order.addAll(existing);
      int insertAt = insertionIndex(existing);
      for (Rule r : incoming) {
        Rule old = byName.get(key(r.name()));
        if (old != null) order.set(order.indexOf(old), r);
        else order.add(insertAt++, r);
      }
    }
    List<Rule> placed = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      Rule r = order.get(i);
      Rule old = byName.get(key(r.name()));
      if (existing.contains(r)) { // merge: untouched rule
        placed.add(r);
        continue;
      }
      if (old != null) {
        Rule next = new Rule(old.id(), r.name(), i + 1, r.enabled(), r.conditions(), r.outcome(), r.description(), old.version());
        if (!sameContent(old, next)) {
          rules.update(next, old.version(), now);
          updated++;
        }
        placed.add(next);
      } else {
        Rule fresh = r.withId(UUID.randomUUID()).withPosition(i + 1);
        rules.insert(fresh, now);
        created++;
        placed.add(fresh);
      }
    }
    renumber(placed);
    return new Imported.Done(created, updated, deleted, list());
  }

  // ---------------------------------------------------------------- dry run

  /**
   * What the rules would decide for a sample response, without recording anything or moving a sample:
   * with {@code rule} given, that rule alone (a draft); else the stored rules, sampled from their
   * current state.
   */
  @Transactional(readOnly = true)
  public Tested test(Object rule, Object sampleResponse) {
    Instant now = clock.instant();
    try {
      Subject s = SubjectFormat.read(sampleResponse, "response.", now);
      Decision d;
      if (rule != null) {
        Rule draft = RuleFormat.readRule(rule, "rule.");
        draft = new Rule(draft.id() == null ? UUID.randomUUID() : draft.id(), draft.name(), 1, true, draft.conditions(),
            draft.outcome(), draft.description(), draft.version());
        d = new RuleBook(List.of(draft), limits()).evaluate(s, new InMemorySampler(), now);
      } else {
        d = new RuleBook(rules.all(), limits()).evaluate(s, sampler.peek(), now);
      }
      return new Tested.Ok(view(s, d, now));
    } catch (RuleFormat.Invalid e) {
      return new Tested.Invalid(e.field(), e.reason());
    }
  }

  Limits limits() {
    return new Limits(settings.maxResponseAge(), settings.quietPeriod());
  }

  // ---------------------------------------------------------------- helpers

  static TriggerDecision view(Subject s, Decision d, Instant now) {
    return switch (d) {
      case Decision.FollowUp f -> new TriggerDecision(s.responseId(), s.revision(), f.rule().id(), f.rule().name(), true,
          f.reason(), f.reasons(), f.priority(), f.factors(), RuleFormat.key(f.outcome().channel()),
          RuleFormat.key(f.outcome().play()), now);
      case Decision.NoFollowUp n -> new TriggerDecision(s.responseId(), s.revision(),
          n.rule() == null ? null : n.rule().id(), n.rule() == null ? null : n.rule().name(), false, n.reason(),
          n.reasons(), null, List.of(), null, null, now);
    };
  }

  static TriggerRule view(Rule r) {
    return new TriggerRule(r.id(), r.name(), r.position(), r.enabled(), r.description(), RuleFormat.write(r.conditions()),
        RuleFormat.write(r.outcome()), r.conditions().describe(), r.version());
  }

  private Change saved(Runnable write, UUID id) {
    try {
      write.run();
    } catch (DuplicateKeyException e) {
      return new Change.Invalid("name", "another rule is already called that");
    }
    return new Change.Saved(view(rules.find(id).orElseThrow()));
  }

  /** Positions 1..n in this order (the unique check on position is deferred to commit). */
  private void renumber(List<Rule> ordered) {
    for (int i = 0; i < ordered.size(); i++) rules.setPosition(ordered.get(i).id(), i + 1);
  }

  /** Before a trailing enabled catch-all (no conditions, no follow-up), else at the end. */
  private static int insertionIndex(List<Rule> ordered) {
    if (ordered.isEmpty()) return 0;
    Rule last = ordered.getLast();
    boolean catchAll = last.enabled() && last.conditions().describe().equals("no conditions");
    return catchAll ? ordered.size() - 1 : ordered.size();
  }

  private static boolean nameTaken(List<Rule> all, String name, UUID except) {
    return all.stream().anyMatch(r -> key(r.name()).equals(key(name)) && !r.id().equals(except));
  }

  private static boolean sameContent(Rule a, Rule b) {
    return a.name().equals(b.name()) && a.enabled() == b.enabled() && a.conditions().equals(b.conditions())
        && a.outcome().equals(b.outcome()) && java.util.Objects.equals(a.description(), b.description());
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static String firstLine(String s) {
    if (s == null) return "unreadable";
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) : one;
  }
}
