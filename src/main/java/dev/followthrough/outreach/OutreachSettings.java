package dev.followthrough.outreach;

import dev.followthrough.outreach.domain.Backoff;
import dev.followthrough.outreach.domain.QuietHours;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Outreach settings; the SMTP server itself is Spring's {@code spring.mail.*}. */
@ConfigurationProperties("followthrough.outreach")
public record OutreachSettings(
    @DefaultValue("Followthrough <followthrough@localhost>") String from,  // From: of every email
    @DefaultValue("") String replyTo,                  // Reply-To: of customer emails (empty: none)
    @DefaultValue("The customer team") String senderName, // signs customer emails ({{sender}})
    @DefaultValue("our product") String productName,   // {{product}} in customer emails
    @DefaultValue("21:00-08:00") String quietHours,     // no customer email in this local window ("off": none)
    @DefaultValue("UTC") ZoneId defaultTimeZone,        // a contact's zone when neither contact nor account has a "timezone" attribute
    @DefaultValue("en") String defaultLanguage,         // template language when the customer's is unknown
    @DefaultValue("6") int maxAttempts,                 // tries per message before the dead-letter list
    @DefaultValue("1m") Duration backoffBase,           // wait after the first failure; doubles each time
    @DefaultValue("6h") Duration backoffMax,            // longest wait between tries
    @DefaultValue("14d") Duration linkExpiry,           // interview and survey links stop working after this
    @DefaultValue("08:00") String digestTime,           // daily digest, in digest-time-zone
    @DefaultValue("UTC") ZoneId digestTimeZone,
    @DefaultValue("true") boolean digestEnabled,
    @DefaultValue("10s") Duration httpTimeout,          // Slack and webhook requests
    @DefaultValue("100") int sendBatchSize,             // messages a sender claims and sends at once (one SMTP session)
    @DefaultValue("2m") Duration sendLease) {           // a claim older than this (its node died) is sent again

  public QuietHours quiet() {
    return QuietHours.parse(quietHours);
  }

  public Backoff backoff() {
    return new Backoff(backoffBase, backoffMax, Math.max(1, maxAttempts));
  }

  public LocalTime digestAt() {
    return LocalTime.parse(digestTime.strip());
  }
}
