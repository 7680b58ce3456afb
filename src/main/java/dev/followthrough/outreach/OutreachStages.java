package dev.followthrough.outreach;

import dev.followthrough.followup.CaseOpened;
import dev.followthrough.platform.Stage;
import dev.followthrough.responses.ResponseRecorded;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pipeline's outreach stages: batches of opened cases become their invitations, owner alerts, Slack
 * posts and webhooks; batches of recorded responses become {@code response.recorded} webhooks (off the
 * intake transaction, and queued only while someone subscribes). Every message has an idempotency key, so a
 * batch handled twice queues nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class OutreachStages {

  @Bean
  Stage<CaseOpened> outreachCaseOpenedStage(Composer composer) {
    return new Stage<>() {
      @Override
      public String name() {
        return "outreach.case-opened";
      }

      @Override
      public Class<CaseOpened> type() {
        return CaseOpened.class;
      }

      @Override
      public void handle(List<CaseOpened> batch) {
        boolean hooks = composer.hasWebhookSubscribers("case.opened");
        for (CaseOpened e : batch) {
          composer.invitation(e.caseId(), 1);
          composer.ownerAlert(e.caseId());
          composer.slackNewDetractor(e.caseId());
          if (hooks) composer.webhook("case.opened", e, e.openedAt(), e.caseId(), e.contactId());
        }
      }
    };
  }

  @Bean
  Stage<ResponseRecorded> outreachResponseWebhookStage(Composer composer) {
    return new Stage<>() {
      @Override
      public String name() {
        return "outreach.response-webhook";
      }

      @Override
      public Class<ResponseRecorded> type() {
        return ResponseRecorded.class;
      }

      /** Queued only when someone subscribes (the subscriptions are cached, as they were for the intake listener). */
      @Override
      public boolean accepts(ResponseRecorded e) {
        return composer.hasWebhookSubscribers("response.recorded");
      }

      @Override
      public void handle(List<ResponseRecorded> batch) {
        if (!composer.hasWebhookSubscribers("response.recorded")) return;
        for (ResponseRecorded e : batch) composer.webhook("response.recorded", e, null, null, e.contactId());
      }
    };
  }
}
