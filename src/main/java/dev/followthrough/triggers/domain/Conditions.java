package dev.followthrough.triggers.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a rule applies. Every condition is optional (null or empty: not checked); a rule matches when
 * all its set conditions hold. Text comparisons ignore case and surrounding blanks.
 *
 * @param attributes  attribute name → accepted values; looked up in the response, then the contact, then the account
 * @param droppedBy   the score fell by at least this many points since the contact's previous score
 * @param firstScore  true: the contact has no earlier score; false: the contact has one
 * @param renewalWithinDays the account renews within this many days (from the decision time)
 */
public record Conditions(Set<String> categories, Integer scoreMin, Integer scoreMax, Set<String> tiers,
                         BigDecimal arrMin, BigDecimal arrMax, Set<String> programs, Set<String> kinds,
                         Set<String> touchpoints, CommentPresence comment, Set<String> languages,
                         Map<String, Set<String>> attributes, Integer droppedBy, Boolean firstScore,
                         Integer renewalWithinDays) {

  public enum CommentPresence { PRESENT, ABSENT }

  public static final Set<String> CATEGORIES = Set.of("detractor", "passive", "promoter");

  public static Conditions none() {
    return new Conditions(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public Conditions {
    categories = lower(categories);
    tiers = lower(tiers);
    programs = lower(programs);
    kinds = lower(kinds);
    touchpoints = lower(touchpoints);
    languages = lower(languages);
    if (attributes == null || attributes.isEmpty()) attributes = Map.of();
    else {
      Map<String, Set<String>> copy = new LinkedHashMap<>();
      attributes.forEach((k, v) -> copy.put(k, lower(v)));
      attributes = java.util.Collections.unmodifiableMap(copy);
    }
  }

  private static Set<String> lower(Set<String> values) {
    if (values == null || values.isEmpty()) return Set.of();
    Set<String> out = values.stream().map(Subject::norm).collect(Collectors.toCollection(LinkedHashSet::new));
    return java.util.Collections.unmodifiableSet(out);
  }

  public boolean matches(Subject s, Instant now) {
    if (!categories.isEmpty() && !categories.contains(s.category())) return false;
    if (scoreMin != null && s.score() < scoreMin) return false;
    if (scoreMax != null && s.score() > scoreMax) return false;
    if (!in(tiers, s.tier())) return false;
    if (arrMin != null && (s.arr() == null || s.arr().compareTo(arrMin) < 0)) return false;
    if (arrMax != null && (s.arr() == null || s.arr().compareTo(arrMax) > 0)) return false;
    if (!in(programs, s.program())) return false;
    if (!in(kinds, s.kind())) return false;
    if (!in(touchpoints, s.touchpoint())) return false;
    if (comment != null && (comment == CommentPresence.PRESENT) != s.hasComment()) return false;
    if (!in(languages, s.language())) return false;
    for (var e : attributes.entrySet()) {
      if (!in(e.getValue(), Subject.norm(s.attributes().get(e.getKey())))) return false; // normalised here: rare
    }
    if (droppedBy != null && (s.drop() == null || s.drop() < droppedBy)) return false;
    if (firstScore != null && firstScore != s.firstScore()) return false;
    if (renewalWithinDays != null) {
      if (s.renewalDate() == null) return false;
      long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, ZoneOffset.UTC), s.renewalDate());
      if (days < 0 || days > renewalWithinDays) return false;
    }
    return true;
  }

  private static boolean in(Set<String> accepted, String value) {
    return accepted.isEmpty() || (value != null && accepted.contains(value)); // both sides already normalised
  }

  /** The conditions in words, e.g. "category = detractor, tier = enterprise". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    set(parts, "category", categories);
    if (scoreMin != null && scoreMax != null) parts.add("score " + scoreMin + "–" + scoreMax);
    else if (scoreMin != null) parts.add("score ≥ " + scoreMin);
    else if (scoreMax != null) parts.add("score ≤ " + scoreMax);
    set(parts, "tier", tiers);
    if (arrMin != null) parts.add("ARR ≥ " + arrMin.toPlainString());
    if (arrMax != null) parts.add("ARR ≤ " + arrMax.toPlainString());
    set(parts, "program", programs);
    set(parts, "kind", kinds);
    set(parts, "touchpoint", touchpoints);
    if (comment != null) parts.add(comment == CommentPresence.PRESENT ? "has a comment" : "no comment");
    set(parts, "language", languages);
    attributes.forEach((k, v) -> set(parts, k, v));
    if (droppedBy != null) parts.add("dropped ≥ " + droppedBy + " points since the previous score");
    if (firstScore != null) parts.add(firstScore ? "first score of the contact" : "not the contact's first score");
    if (renewalWithinDays != null) parts.add("renewal within " + renewalWithinDays + " days");
    return parts.isEmpty() ? "no conditions" : String.join(", ", parts);
  }

  private static void set(List<String> parts, String name, Set<String> values) {
    if (values.isEmpty()) return;
    parts.add(values.size() == 1 ? name + " = " + values.iterator().next() : name + " in " + String.join("/", values));
  }
}
