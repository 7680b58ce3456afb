package dev.followthrough.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TranslatedTemplatesTest {

  static Set<String> variables(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("\\{\\{[#^/]?\\s*([\\w.]+)\\s*}}").matcher(text);
    while (m.find()) out.add(m.group(1));
    out.remove("firstName"); // English says "Hi there"; the others leave an unknown name out
    return out;
  }

  @Test
  void every_customer_message_is_shipped_in_each_language_with_the_same_variables_as_english() {
    for (String language : DefaultTemplates.TRANSLATED) {
      for (DefaultTemplates.Kind k : DefaultTemplates.KINDS) {
        if (!k.customer()) {
          assertThat(DefaultTemplates.shipped(k.key(), language)).as(k.key() + " " + language).isFalse();
          continue;
        }
        var english = DefaultTemplates.find(k.key(), "en").orElseThrow();
        var t = DefaultTemplates.find(k.key(), language).orElseThrow();
        assertThat(t.language()).isEqualTo(language);
        assertThat(t.body()).as(k.key() + " " + language).isNotEqualTo(english.body());
        assertThat(variables(t.subject() + t.body())).as(k.key() + " " + language)
            .isEqualTo(variables(english.subject() + english.body()));
      }
    }
  }

  @Test
  void an_unknown_first_name_greets_without_a_name_outside_english() {
    var fr = DefaultTemplates.find("invitation.recover", "fr").orElseThrow();
    String none = TemplateText.render(fr.body(), Map.of("firstName", DefaultTemplates.firstName(null, "fr"), "score", "3"));
    assertThat(none).startsWith("Bonjour,");
    String named = TemplateText.render(fr.body(), Map.of("firstName", DefaultTemplates.firstName("Dana Ruiz", "fr"), "score", "3"));
    assertThat(named).startsWith("Bonjour Dana,");
    assertThat(DefaultTemplates.firstName(null, "en")).isEqualTo("there");
  }

  @Test
  void a_broken_translation_file_is_refused_with_the_reason() {
    assertThatThrownBy(() -> DefaultTemplates.parse("xx", "== invitation.recover\nno subject line\n"))
        .hasMessageContaining("Subject");
    assertThatThrownBy(() -> DefaultTemplates.parse("xx", "== nope\nSubject: a\n\nb\n")).hasMessageContaining("unknown template nope");
    assertThatThrownBy(() -> DefaultTemplates.parse("xx", "== survey\nSubject: a\n\nb\n")).hasMessageContaining("is missing");
  }
}
