package dev.followthrough.surveys.web;

import dev.followthrough.platform.CustomerLanguages;
import dev.followthrough.platform.InvalidField;
import dev.followthrough.platform.Problems;
import dev.followthrough.surveys.SurveySettings;
import dev.followthrough.surveys.SurveyWidget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JsonNode;

/**
 * {@code /w/v1/check} and {@code /w/v1/answer}: the in-app widget's endpoints, called from the customer's
 * product (CORS for {@code followthrough.surveys.widget-origins}). No session, no API key: every call
 * carries {@code contact}, {@code timestamp} and {@code signature} from the customer's backend.
 */
@RestController
class WidgetController {

  static final List<String> WORDS = List.of("label", "question", "reason", "send", "close", "thanks", "failed");

  private final SurveyWidget widget;
  private final CustomerLanguages languages;
  private final MessageSource messages;

  WidgetController(SurveyWidget widget, CustomerLanguages languages, MessageSource messages) {
    this.widget = widget;
    this.languages = languages;
    this.messages = messages;
  }

  @Configuration(proxyBeanMethods = false)
  static class Cors implements WebMvcConfigurer {
    private final SurveySettings settings;

    Cors(SurveySettings settings) {
      this.settings = settings;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
      var origins = settings.origins();
      if (origins.isEmpty()) return;
      registry.addMapping("/w/**").allowedOrigins(origins.toArray(String[]::new)).allowedMethods("POST", "GET", "OPTIONS")
          .allowedHeaders("Content-Type").allowCredentials(false).maxAge(600);
    }
  }

  @PostMapping("/w/v1/check")
  ResponseEntity<?> check(@RequestBody JsonNode body, @RequestHeader(name = "Accept-Language", required = false) String accept) {
    var r = widget.check(signed(body));
    if (r instanceof SurveyWidget.Result.Eligible e && e.show()) {
      // the widget's words in the contact's language (else the browser's, else the workspace default)
      String lang = languages.forPage(accept, e.language());
      Locale locale = Locale.forLanguageTag(lang);
      Map<String, String> text = new LinkedHashMap<>();
      for (String w : WORDS) text.put(w, messages.getMessage("widget." + w, null, locale));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("show", true);
      out.put("program", e.program());
      out.put("language", lang);
      out.put("dir", CustomerLanguages.direction(lang));
      out.put("text", text);
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(out);
    }
    return reply(r);
  }

  @PostMapping("/w/v1/answer")
  ResponseEntity<?> answer(@RequestBody JsonNode body) {
    JsonNode score = body.get("score");
    if (score == null || !score.isIntegralNumber()) throw new InvalidField("score", "must be a whole number 0..10");
    String comment = ProgramJson.text(body, "comment");
    return reply(widget.answer(signed(body), score.asInt(), comment));
  }

  private static SurveyWidget.Signed signed(JsonNode body) {
    if (body == null || !body.isObject()) throw new InvalidField("body", "must be a JSON object");
    JsonNode ts = body.get("timestamp");
    if (ts == null || !ts.isIntegralNumber()) throw new InvalidField("timestamp", "must be unix seconds");
    JsonNode contact = body.get("contact");
    JsonNode sig = body.get("signature");
    return new SurveyWidget.Signed(contact != null && contact.isString() ? contact.asString() : null, ts.asLong(),
        sig != null && sig.isString() ? sig.asString() : null);
  }

  private static ResponseEntity<?> reply(SurveyWidget.Result r) {
    return switch (r) {
      case SurveyWidget.Result.Eligible e -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
          .body(Map.of("show", false));
      case SurveyWidget.Result.Answered a -> ResponseEntity.ok(Map.of("recorded", true, "changed", a.changed()));
      case SurveyWidget.Result.Unauthorized u -> Problems.response(
          Problems.withField(HttpStatus.UNAUTHORIZED, "Unauthorized", u.field(), u.reason()));
      case SurveyWidget.Result.Forbidden f -> Problems.response(
          Problems.withField(HttpStatus.FORBIDDEN, "Forbidden", f.field(), f.reason()));
      case SurveyWidget.Result.Invalid x -> Problems.unprocessable(x.field(), x.reason());
    };
  }
}
