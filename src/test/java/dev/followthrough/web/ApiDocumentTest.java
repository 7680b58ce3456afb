package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.followthrough.responses.web.ResponseRequestParser;
import dev.followthrough.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAPI document is the contract: every {@code /api/v1} route is in it, and every example in it is valid. */
class ApiDocumentTest extends IntegrationTest {

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private JsonNode document() {
    Reply r = get("/api/openapi.json");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  @Test
  void every_api_route_is_in_the_document() {
    JsonNode doc = document();
    assertThat(doc.path("openapi").asString()).startsWith("3.1");
    Set<String> routes = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      if (info.getPathPatternsCondition() == null) return;
      Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
      for (String path : info.getPathPatternsCondition().getPatternValues()) {
        if (!path.startsWith("/api/v1/")) continue;
        assertThat(verbs).as("%s has an HTTP method", path).isNotEmpty();
        for (RequestMethod verb : verbs) routes.add(verb.name().toLowerCase(Locale.ROOT) + " " + path);
      }
    });
    assertThat(routes).as("the application's /api/v1 routes").hasSizeGreaterThan(100);
    List<String> missing = new ArrayList<>();
    for (String route : routes) {
      String verb = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      JsonNode op = doc.path("paths").path(path).path(verb);
      if (op.isMissingNode()) missing.add(route);
      else {
        assertThat(op.path("responses").size()).as("%s documents its answers", route).isPositive();
        if (!op.has("security") || !op.path("security").isEmpty())
          assertThat(op.path("responses").has("401")).as("%s documents 401", route).isTrue();
      }
    }
    assertThat(missing).as("routes missing from /api/openapi.json").isEmpty();
  }

  @Test
  void every_example_validates_against_its_schema() {
    JsonNode doc = document();
    List<String> failures = new ArrayList<>();
    int[] checked = {0};
    doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      String where = op.getKey() + " " + path.getKey();
      JsonNode body = op.getValue().path("requestBody").path("content");
      body.properties().forEach(media -> checkExamples(doc, where + " request " + media.getKey(), media.getValue(), failures, checked));
      op.getValue().path("responses").properties().forEach(resp -> resp.getValue().path("content").properties().forEach(media ->
          checkExamples(doc, where + " " + resp.getKey() + " " + media.getKey(), media.getValue(), failures, checked)));
    }));
    assertThat(failures).isEmpty();
    // the problem answers alone give several hundred; the intake and case routes add their own
    assertThat(checked[0]).as("examples checked").isGreaterThan(300);
  }

  @Test
  void the_main_intake_routes_carry_schemas_and_examples() {
    JsonNode paths = document().path("paths");
    for (String route : List.of("post /api/v1/responses", "post /api/v1/responses/batch", "post /api/v1/cases/{id}/close",
        "post /api/v1/cases/{id}/status", "post /api/v1/cases/{id}/attempts", "post /api/v1/accounts/{id}/events")) {
      String[] p = route.split(" ");
      JsonNode media = paths.path(p[1]).path(p[0]).path("requestBody").path("content").path("application/json");
      assertThat(media.path("schema").isMissingNode()).as("%s has a request schema", route).isFalse();
      assertThat(media.has("examples") || media.has("example")).as("%s has a request example", route).isTrue();
    }
    // the hand-written parser (docs/adr/003) takes the documented example as it stands
    JsonNode example = paths.path("/api/v1/responses").path("post").path("requestBody").path("content").path("application/json")
        .path("examples").path("detractor").path("value");
    assertThat(ResponseRequestParser.parse(example, "api")).isInstanceOf(ResponseRequestParser.Parsed.Ok.class);
    JsonNode created = paths.path("/api/v1/responses").path("post").path("responses").path("201").path("content").path("application/json");
    assertThat(created.has("examples")).as("201 of POST /responses has an example").isTrue();
  }

  @Test
  void a_wrong_example_is_caught() {
    JsonNode doc = document();
    ObjectNode media = JSON.createObjectNode();
    media.set("schema", JSON.readTree("{\"$ref\": \"#/components/schemas/Problem\"}"));
    media.set("example", JSON.readTree("{\"title\": \"x\", \"status\": \"four hundred\"}"));
    List<String> failures = new ArrayList<>();
    checkExamples(doc, "made up", media, failures, new int[1]);
    assertThat(failures).hasSize(1);
  }

  @Test
  void the_document_needs_a_key_or_a_session_and_the_page_is_behind_the_login() {
    Reply anonymous = send(HttpRequest.newBuilder(URI.create(url("/api/openapi.json"))).GET());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");

    ConsoleSession visitor = new ConsoleSession(port);
    assertThat(visitor.get("/api-docs").location()).contains("/login");
    assertThat(visitor.get("/swagger-ui/index.html").location()).contains("/login");

    ConsoleSession user = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    assertThat(user.get("/swagger-ui/index.html").status()).isEqualTo(200);
    ConsoleSession.Page json = user.getJson("/api/openapi.json");
    assertThat(json.status()).as(json.toString()).isEqualTo(200);
    assertThat(json.body()).contains("\"/api/v1/responses\"");
    ConsoleSession.Page config = user.getJson("/api/openapi.json/swagger-config");
    assertThat(config.status()).as(config.toString()).isEqualTo(200);
    assertThat(config.body()).contains("/api/openapi.json");
  }

  private static String defs(String json) {
    return json.replace("\"#/components/schemas/", "\"#/$defs/");
  }

  private static void checkExamples(JsonNode doc, String where, JsonNode media, List<String> failures, int[] checked) {
    JsonNode schema = media.path("schema");
    if (schema.isMissingNode()) return;
    List<JsonNode> examples = new ArrayList<>();
    if (media.has("example")) examples.add(media.get("example"));
    media.path("examples").properties().forEach(e -> {
      if (e.getValue().has("value")) examples.add(e.getValue().get("value"));
    });
    if (examples.isEmpty()) return;
    // the schema's $refs point into the document's components: give it those as $defs at its root
    ObjectNode root = (ObjectNode) JSON.readTree(defs(schema.toString()));
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("$defs", JSON.readTree(defs(doc.path("components").path("schemas").toString())));
    var validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
    for (JsonNode example : examples) {
      checked[0]++;
      var errors = validator.validate(example);
      if (!errors.isEmpty()) failures.add(where + ": " + errors + " in " + example);
    }
  }
}
