package dev.followthrough.responses.web;

import dev.followthrough.responses.ResponseQueries.ResponseView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a stored response (nulls omitted). */
final class ResponseJson {
  private ResponseJson() {}

  static Map<String, Object> of(ResponseView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("source", v.source());
    m.put("sourceId", v.sourceId());
    m.put("score", v.score());
    m.put("category", v.category());
    put(m, "comment", v.comment());
    m.put("respondedAt", v.respondedAt());
    m.put("receivedAt", v.receivedAt());
    m.put("updatedAt", v.updatedAt());
    put(m, "program", v.program());
    put(m, "kind", v.kind());
    put(m, "touchpoint", v.touchpoint());
    put(m, "language", v.language());
    put(m, "commentLanguage", v.commentLanguage());
    m.put("attributes", v.attributes());
    m.put("revision", v.revision());
    put(m, "contact", v.contact());
    put(m, "account", v.account());
    return m;
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) m.put(k, v);
  }
}
