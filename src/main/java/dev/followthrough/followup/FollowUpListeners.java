package dev.followthrough.followup;

import dev.followthrough.platform.Stage;
import dev.followthrough.responses.ResponseRecorded;
import dev.followthrough.triggers.FollowUpRequested;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Work in, as pipeline stages (batches from the work queue, one transaction each): a rule asked for a
 * follow-up; a contact scored again (recovery, re-survey answer). Each batch takes its contacts' locks in
 * one order (by contact id), so that two nodes' batches cannot deadlock on them; a contact's items keep
 * their order.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpListeners {

  static final Comparator<UUID> CONTACTS = Comparator.nullsFirst(Comparator.naturalOrder());

  @Bean
  Stage<FollowUpRequested> followupOpenStage(FollowUps followUps) {
    return new Stage<>() {
      @Override
      public String name() {
        return "followup.open";
      }

      @Override
      public Class<FollowUpRequested> type() {
        return FollowUpRequested.class;
      }

      @Override
      public void handle(List<FollowUpRequested> batch) {
        batch.stream().sorted(Comparator.comparing(FollowUpRequested::contactId, CONTACTS)).forEach(followUps::open);
      }
    };
  }

  @Bean
  Stage<ResponseRecorded> followupRecoveryStage(FollowUps followUps) {
    return Stage.of("followup.recovery", ResponseRecorded.class, e -> e.contactId() != null && e.revision() == 1,
        followUps::onResponses);
  }
}
