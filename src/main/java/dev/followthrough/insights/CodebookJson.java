package dev.followthrough.insights;

import dev.followthrough.insights.domain.Codebook;
import dev.followthrough.insights.domain.CodebookRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The codebook's JSON form: what {@code GET/PUT /api/v1/codebook} exchange, what is stored and what export writes. */
public final class CodebookJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public sealed interface Parsed {
    record Ok(Codebook codebook) implements Parsed {}
    record Invalid(String field, String reason) implements Parsed {}
  }

  private CodebookJson() {}

  public static Map<String, Object> of(Codebook book) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", book.version());
    List<Object> categories = new ArrayList<>();
    for (Codebook.Category c : book.categories()) {
      Map<String, Object> cat = new LinkedHashMap<>();
      cat.put("key", c.key());
      cat.put("name", c.name());
      cat.put("description", c.description());
      List<Object> mechanisms = new ArrayList<>();
      for (Codebook.Mechanism m : c.mechanisms()) {
        Map<String, Object> mech = new LinkedHashMap<>();
        mech.put("key", m.key());
        mech.put("name", m.name());
        mech.put("description", m.description());
        mech.put("owner", m.owner());
        mech.put("examples", m.examples());
        mech.put("polarity", m.polarity());
        if (!m.notExamples().isEmpty()) mech.put("notExamples", m.notExamples());
        mechanisms.add(mech);
      }
      cat.put("mechanisms", mechanisms);
      categories.add(cat);
    }
    out.put("categories", categories);
    return out;
  }

  public static String write(Codebook book) {
    return JSON.writeValueAsString(of(book));
  }

  public static Codebook read(String json, int version) {
    return switch (parse(JSON.readTree(json))) {
      case Parsed.Ok ok -> ok.codebook().withVersion(version);
      case Parsed.Invalid x -> throw new IllegalStateException("stored codebook " + version + " is invalid: " + x.field() + " " + x.reason());
    };
  }

  public static Parsed parse(String json) {
    try {
      return parse(JSON.readTree(json));
    } catch (RuntimeException e) {
      return new Parsed.Invalid("body", "not valid JSON");
    }
  }

  /** Reads and checks a codebook; the version in the document, if any, is ignored (the store assigns one). */
  public static Parsed parse(JsonNode root) {
    if (root == null || !root.isObject()) return new Parsed.Invalid("body", "must be a JSON object with \"categories\"");
    JsonNode cats = root.get("categories");
    if (cats == null || !cats.isArray()) return new Parsed.Invalid("categories", "must be an array");
    List<Codebook.Category> categories = new ArrayList<>();
    for (int i = 0; i < cats.size(); i++) {
      String at = "categories[" + i + "]";
      JsonNode c = cats.get(i);
      if (!c.isObject()) return new Parsed.Invalid(at, "must be an object");
      JsonNode mechs = c.get("mechanisms");
      if (mechs == null || !mechs.isArray()) return new Parsed.Invalid(at + ".mechanisms", "must be an array");
      List<Codebook.Mechanism> mechanisms = new ArrayList<>();
      for (int j = 0; j < mechs.size(); j++) {
        String mat = at + ".mechanisms[" + j + "]";
        JsonNode m = mechs.get(j);
        if (!m.isObject()) return new Parsed.Invalid(mat, "must be an object");
        List<String> examples = new ArrayList<>();
        List<String> notExamples = new ArrayList<>();
        Optional<Parsed.Invalid> bad = stringList(m, mat, "examples", examples)
            .or(() -> stringList(m, mat, "notExamples", notExamples))
            .or(() -> strings(m, mat, "key", "name", "description", "owner", "polarity"));
        if (bad.isPresent()) return bad.get();
        mechanisms.add(new Codebook.Mechanism(text(m, "key"), text(m, "name"), text(m, "description"), examples, text(m, "owner"),
            text(m, "polarity"), notExamples));
      }
      Optional<Parsed.Invalid> bad = strings(c, at, "key", "name", "description");
      if (bad.isPresent()) return bad.get();
      categories.add(new Codebook.Category(text(c, "key"), text(c, "name"), text(c, "description"), mechanisms));
    }
    Codebook book = new Codebook(0, categories);
    return CodebookRules.check(book).<Parsed>map(v -> new Parsed.Invalid(v.field(), v.reason())).orElse(new Parsed.Ok(book));
  }

  private static Optional<Parsed.Invalid> stringList(JsonNode m, String mat, String field, List<String> into) {
    JsonNode ex = m.get(field);
    if (ex == null || ex.isNull()) return Optional.empty();
    if (!ex.isArray()) return Optional.of(new Parsed.Invalid(mat + "." + field, "must be an array of strings"));
    for (int k = 0; k < ex.size(); k++) {
      if (!ex.get(k).isString()) return Optional.of(new Parsed.Invalid(mat + "." + field + "[" + k + "]", "must be a string"));
      into.add(ex.get(k).asString().trim());
    }
    return Optional.empty();
  }

  private static Optional<Parsed.Invalid> strings(JsonNode node, String at, String... fields) {
    for (String f : fields) {
      JsonNode v = node.get(f);
      if (v != null && !v.isNull() && !v.isString()) return Optional.of(new Parsed.Invalid(at + "." + f, "must be a string"));
    }
    return Optional.empty();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asString().trim();
  }
}
