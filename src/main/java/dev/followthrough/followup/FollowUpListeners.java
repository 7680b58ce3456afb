package dev.followthrough.followup;

import dev.followthrough.responses.ResponseRecorded;
import dev.followthrough.triggers.FollowUpRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Events in: a rule asked for a follow-up; a contact scored again (recovery, re-survey answer). */
@Component
class FollowUpListeners {

  private final FollowUps followUps;

  FollowUpListeners(FollowUps followUps) {
    this.followUps = followUps;
  }

  @ApplicationModuleListener
  void on(FollowUpRequested request) {
    followUps.open(request);
  }

  @ApplicationModuleListener
  void on(ResponseRecorded recorded) {
    followUps.onResponse(recorded);
  }
}
