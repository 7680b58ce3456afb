package dev.followthrough.actions.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a person asks for when creating or editing an intervention; {@link #check} names the first wrong field. */
public record Proposal(String title, String team, String outcome, LocalDate dueOn, String notes, Integer resurveyDays,
                       List<String> mechanisms) {

  public record Invalid(String field, String reason) {}

  public Optional<Invalid> check(Set<String> knownMechanisms) {
    if (title == null || title.isBlank()) return Optional.of(new Invalid("title", "is required"));
    if (title.length() > 200) return Optional.of(new Invalid("title", "must be at most 200 characters"));
    if (team != null && (team.isBlank() || team.length() > 80)) return Optional.of(new Invalid("team", "must be 1 to 80 characters"));
    if (outcome != null && outcome.length() > 1000) return Optional.of(new Invalid("outcome", "must be at most 1000 characters"));
    if (notes != null && notes.length() > 10000) return Optional.of(new Invalid("notes", "must be at most 10000 characters"));
    if (resurveyDays != null && (resurveyDays < 1 || resurveyDays > 365)) {
      return Optional.of(new Invalid("resurveyDays", "must be from 1 to 365 days (or null for no re-survey)"));
    }
    if (mechanisms == null || mechanisms.isEmpty()) return Optional.of(new Invalid("mechanisms", "name at least one mechanism"));
    for (String m : mechanisms) {
      if (!knownMechanisms.contains(m)) return Optional.of(new Invalid("mechanisms", "'" + m + "' is not a mechanism of the current codebook"));
    }
    return Optional.empty();
  }
}
