package dev.followthrough.surveys;

import dev.followthrough.surveys.domain.Fatigue;
import dev.followthrough.surveys.domain.Spread;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Survey distribution: fatigue rules, when waves go out, the widget's origins and signature age. */
@ConfigurationProperties("followthrough.surveys")
public record SurveySettings(
    @DefaultValue("90d") Duration contactCooldown,       // at most one survey per contact in this time, across programs
    @DefaultValue("10") int accountMonthlyBudget,        // at most this many contacts of one account per month (0: no limit)
    @DefaultValue("09:00") String morningFrom,           // relational sends go out on weekdays between these local times
    @DefaultValue("11:00") String morningTo,
    @DefaultValue("30s") Duration tick,                  // how often planned sends, reminders and fallbacks are looked at
    @DefaultValue("500") int sendBatch,                  // sends handed to outreach per transaction
    @DefaultValue("") String widgetOrigins,              // comma-separated origins allowed to call /w/** (CORS)
    @DefaultValue("10m") Duration widgetSignatureMaxAge, // a widget signature older (or newer) than this is refused
    @DefaultValue("1s") Duration botWindow) {            // 3+ different scale links of one email in this window: a scanner

  public Fatigue.Rules fatigue() {
    return new Fatigue.Rules(contactCooldown, Math.max(0, accountMonthlyBudget));
  }

  public Spread.Morning morning() {
    return new Spread.Morning(LocalTime.parse(morningFrom.strip()), LocalTime.parse(morningTo.strip()));
  }

  public List<String> origins() {
    return Arrays.stream(widgetOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
