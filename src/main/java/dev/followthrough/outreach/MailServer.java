package dev.followthrough.outreach;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether an SMTP server is configured ({@code spring.mail.host} set and not blank): then email goes
 * out through {@link SmtpMailer}, otherwise {@link MailCatcher} keeps it for the outbox viewer.
 */
final class MailServer {
  private MailServer() {}

  static boolean configured(org.springframework.core.env.Environment env) {
    return StringUtils.hasText(env.getProperty("spring.mail.host"));
  }

  static final class Configured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return configured(context.getEnvironment());
    }
  }

  static final class Missing implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !configured(context.getEnvironment());
    }
  }
}
