package dev.followthrough.interviews.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An interview guide: data, editable and versioned. The moderator walks its phases in order, asking
 * a phase's questions and laddering deeper with its probes until an answer is specific enough.
 *
 * @param kind      detractor, passive or promoter
 * @param intro     the honest framing shown before the first question: who asks, why, how long, what happens
 * @param segments  sub-populations recognised from the first answers (the passive guide's three); may be empty
 * @param summaryLead how the closing summary starts ("Here is what I heard:")
 * @param closing   the last message after the customer confirmed or corrected the summary
 * @param invitation an optional last invitation (the promoter guide's referral or review ask)
 * @param avoid     topics the moderator must not raise (guardrails for the LLM moderator too)
 */
public record Guide(String key, String kind, int version, String title, String intro, List<Segment> segments,
                    List<Phase> phases, String summaryLead, String closing, String invitation, List<String> avoid) {

  /**
   * One step of the guide. {@code cues}: phrases of an answer that would count as specific for this phase
   * (the moderator compares answers with them). {@code variants}: follow-up probes per segment key, asked
   * first once the customer's segment is recognised.
   */
  public record Phase(String key, String name, String goal, List<String> questions, List<String> probes,
                      List<String> cues, Map<String, List<String>> variants) {
    public Phase {
      questions = questions == null ? List.of() : List.copyOf(questions);
      probes = probes == null ? List.of() : List.copyOf(probes);
      cues = cues == null ? List.of() : List.copyOf(cues);
      variants = variants == null ? Map.of() : Map.copyOf(variants);
    }

    /** The probes for a segment first (its own follow-ups), then the general ones. */
    public List<String> probesFor(String segment) {
      List<String> out = new ArrayList<>();
      if (segment != null) out.addAll(variants.getOrDefault(segment, List.of()));
      out.addAll(probes);
      return out;
    }
  }

  /** A sub-population: its key, a name, and how its members tend to talk. */
  public record Segment(String key, String name, List<String> examples) {
    public Segment {
      examples = examples == null ? List.of() : List.copyOf(examples);
    }
  }

  public Guide {
    segments = segments == null ? List.of() : List.copyOf(segments);
    phases = phases == null ? List.of() : List.copyOf(phases);
    avoid = avoid == null ? List.of() : List.copyOf(avoid);
  }

  public Optional<Phase> phase(String phaseKey) {
    return phases.stream().filter(p -> p.key().equals(phaseKey)).findFirst();
  }

  public int phaseIndex(String phaseKey) {
    for (int i = 0; i < phases.size(); i++) if (phases.get(i).key().equals(phaseKey)) return i;
    return -1;
  }

  public Guide withVersion(int newVersion) {
    return new Guide(key, kind, newVersion, title, intro, segments, phases, summaryLead, closing, invitation, avoid);
  }

  /** What is wrong with this guide as a field name and a reason; empty when it can be used. */
  public Optional<String[]> problem() {
    if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,62}")) return Optional.of(new String[] {"key", "must be lower-case letters, digits and dashes"});
    if (kind == null || !List.of("detractor", "passive", "promoter").contains(kind)) {
      return Optional.of(new String[] {"kind", "must be detractor, passive or promoter"});
    }
    if (title == null || title.isBlank()) return Optional.of(new String[] {"title", "is required"});
    if (intro == null || intro.isBlank()) return Optional.of(new String[] {"intro", "is required: tell the customer who asks, why and for how long"});
    if (phases.isEmpty()) return Optional.of(new String[] {"phases", "needs at least one phase"});
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (int i = 0; i < phases.size(); i++) {
      Phase p = phases.get(i);
      String at = "phases[" + i + "]";
      if (p.key() == null || p.key().isBlank()) return Optional.of(new String[] {at + ".key", "is required"});
      if (!keys.add(p.key())) return Optional.of(new String[] {at + ".key", "is used twice: " + p.key()});
      if (p.questions().isEmpty()) return Optional.of(new String[] {at + ".questions", "needs at least one question"});
      for (String q : p.questions()) if (q == null || q.isBlank()) return Optional.of(new String[] {at + ".questions", "must not contain empty questions"});
      for (String q : p.probes()) if (q == null || q.isBlank()) return Optional.of(new String[] {at + ".probes", "must not contain empty probes"});
      for (String s : p.variants().keySet()) {
        if (segments.stream().noneMatch(seg -> seg.key().equals(s))) return Optional.of(new String[] {at + ".variants", "names an unknown segment: " + s});
      }
    }
    if (summaryLead == null || summaryLead.isBlank()) return Optional.of(new String[] {"summaryLead", "is required"});
    if (closing == null || closing.isBlank()) return Optional.of(new String[] {"closing", "is required"});
    return Optional.empty();
  }
}
