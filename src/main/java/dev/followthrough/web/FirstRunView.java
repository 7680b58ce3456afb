package dev.followthrough.web;

import java.util.List;

/** The getting-started checklist: each step is done when the state it asks for exists. */
public record FirstRunView(List<Step> steps, boolean demo, boolean canManage, String notice) {

  public record Step(String key, String title, String why, boolean done, String href, String action) {}

  public long done() {
    return steps.stream().filter(Step::done).count();
  }

  public boolean finished() {
    return done() == steps.size();
  }
}
