package dev.followthrough.web;

import dev.followthrough.outreach.Templates.Preview;
import dev.followthrough.outreach.Templates.Template;
import java.util.List;
import java.util.Map;

/** The template editor: the list, the template being edited, its live preview and the variables. */
public record OutreachTemplateView(List<Template> all, Template current, String subject, String body, String comment,
                                   Preview preview, Map<String, String> variables, boolean canManage, String notice,
                                   String error) {

  /** The variables in alphabetical order, for the reference beside the editor. */
  public List<Map.Entry<String, String>> variableList() {
    return variables.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }

  public String placeholder(String name) {
    return "{{" + name + "}}";
  }
}
