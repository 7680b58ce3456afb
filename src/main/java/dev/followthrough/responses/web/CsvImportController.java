package dev.followthrough.responses.web;

import dev.followthrough.platform.Problems;
import dev.followthrough.responses.ResponseIntake;
import dev.followthrough.responses.domain.Kind;
import dev.followthrough.responses.domain.ResponseCommand;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/imports/responses}: responses from a CSV file, either uploaded as
 * {@code multipart/form-data} ({@code file} part, optional {@code mapping} part holding a JSON object
 * target field → column header) or sent as a raw {@code text/csv} body with the mapping as
 * {@code map.<field>=<column>} query parameters. Both stream: the body is read row by row and stored
 * in chunks of {@value CsvImport#CHUNK_ROWS}, each its own transaction (see {@link CsvImport}).
 *
 * <p>Options, as query parameters or form fields: {@code source} (default {@code csv}),
 * {@code program}, {@code kind}, {@code touchpoint}, {@code language} (defaults for every row),
 * {@code dateFormat} (a {@link DateTimeFormatter} pattern, tried before the ISO shapes),
 * {@code timezone} (for dates without an offset; default UTC), {@code delimiter} (default: guessed
 * from the header among {@code , ; tab}), {@code charset} (default: the part's or body's
 * Content-Type charset, else UTF-8).
 *
 * <p>Answers 200 with counts ({@code rows} = data rows, blank rows not counted; {@code accepted} =
 * recorded + updated) and the first {@value CsvImport#MAX_ERRORS} row errors, each with {@code row}
 * as a spreadsheet numbers it (header = 1) and {@code line}, where the row starts in the file; 422
 * before anything is stored when the options, the header or the mapping cannot work. An import cut
 * short leaves its finished chunks stored; sending the same file again is safe, since every row has a
 * stable source id (see {@link CsvRowIds}): what is stored comes back as duplicates.
 */
@RestController
@RequestMapping("/api/v1/imports/responses")
class CsvImportController {

  private static final Logger log = LoggerFactory.getLogger(CsvImportController.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> PARAMETERS = Set.of("source", "program", "kind", "touchpoint", "language",
      "dateFormat", "timezone", "delimiter", "charset", "mapping", "file");
  private static final int MAX_MAPPING_BYTES = 64 * 1024;

  private final ResponseIntake intake;

  CsvImportController(ResponseIntake intake) {
    this.intake = intake;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> upload(HttpServletRequest request) throws IOException, ServletException {
    Part file = request.getPart("file");
    if (file == null) return Problems.unprocessable("file", "is required: send the CSV as the multipart part \"file\"");
    Part mappingPart = request.getPart("mapping");
    String mapping = null;
    if (mappingPart != null) {
      if (mappingPart.getSize() > MAX_MAPPING_BYTES)
        return Problems.unprocessable("mapping", "must be at most " + MAX_MAPPING_BYTES + " bytes");
      try (InputStream in = mappingPart.getInputStream()) {
        mapping = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    try (InputStream in = file.getInputStream()) {
      return run(in, file.getContentType(), request.getParameterMap(), mapping);
    }
  }

  @PostMapping(consumes = "text/csv")
  ResponseEntity<?> raw(HttpServletRequest request) throws IOException {
    // the servlet input stream, not a message converter: the body is never held in memory
    return run(request.getInputStream(), request.getHeader("Content-Type"), request.getParameterMap(),
        request.getParameter("mapping"));
  }

  private ResponseEntity<?> run(InputStream body, String contentType, Map<String, String[]> parameters,
                                String mappingJson) throws IOException {
    Request r;
    try {
      r = Request.of(parameters, mappingJson, contentType);
    } catch (Refused x) {
      return Problems.unprocessable(x.field, x.getMessage());
    }
    long started = System.nanoTime();
    return switch (CsvImport.run(body, r.charset, r.delimiter, r.mapping, r.options, intake::recordAll)) {
      case CsvImport.Outcome.Refused x -> Problems.unprocessable(x.field(), x.reason());
      case CsvImport.Outcome.Imported imported -> {
        CsvImport.Summary s = imported.summary();
        log.info("CSV import into source '{}': {} rows, {} recorded, {} updated, {} duplicates, {} rejected in {} ms",
            r.options.source(), s.rows(), s.recorded(), s.updated(), s.duplicates(), s.rejected(),
            (System.nanoTime() - started) / 1_000_000);
        yield ResponseEntity.ok(json(s, r.options));
      }
    };
  }

  private static Map<String, Object> json(CsvImport.Summary s, CsvMapping.Options options) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accepted", s.accepted());
    out.put("recorded", s.recorded());
    out.put("updated", s.updated());
    out.put("duplicates", s.duplicates());
    out.put("rejected", s.rejected());
    out.put("rows", s.rows());
    out.put("errors", s.errors().stream().map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("row", e.row());
      m.put("line", e.line());
      m.put("field", e.field());
      m.put("reason", e.reason());
      return m;
    }).toList());
    out.put("errorsTruncated", s.errorsTruncated());
    out.put("source", options.source());
    out.put("delimiter", String.valueOf(s.delimiter()));
    out.put("mapping", s.mapping().columns());
    out.put("ignoredColumns", s.mapping().ignoredColumns());
    if (!s.mapping().warnings().isEmpty()) out.put("warnings", s.mapping().warnings());
    return out;
  }

  private static final class Refused extends RuntimeException {
    final String field;

    Refused(String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
    }
  }

  /** The import's options, read from query parameters or form fields. */
  private record Request(CsvMapping.Options options, Character delimiter, Charset charset, Map<String, String> mapping) {

    static Request of(Map<String, String[]> parameters, String mappingJson, String contentType) {
      Map<String, String> mapping = new LinkedHashMap<>(mapping(mappingJson));
      for (var e : parameters.entrySet()) {
        String name = e.getKey();
        if (name.startsWith("map.") && name.length() > 4) {
          String column = first(parameters, name);
          mapping.put(name.substring(4), column);
        } else if (!PARAMETERS.contains(name)) {
          throw new Refused(name, "is not a known parameter; use source, program, kind, touchpoint, language, "
              + "dateFormat, timezone, delimiter, charset, mapping or map.<field>");
        }
      }
      String source = first(parameters, "source");
      source = source == null ? "csv" : source;
      if (source.length() > 64) throw new Refused("source", "must be at most 64 characters");
      String program = text(parameters, "program"), touchpoint = text(parameters, "touchpoint"),
          language = text(parameters, "language");
      String kindName = first(parameters, "kind");
      Kind kind = kindName == null ? null : Kind.parse(kindName)
          .orElseThrow(() -> new Refused("kind", "must be \"relational\" or \"transactional\""));
      DateTimeFormatter dateFormat = null;
      String pattern = first(parameters, "dateFormat");
      if (pattern != null) {
        try {
          dateFormat = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
          throw new Refused("dateFormat", "is not a date pattern (like dd/MM/yyyy HH:mm): " + e.getMessage());
        }
      }
      ZoneId zone = ZoneOffset.UTC;
      String timezone = first(parameters, "timezone");
      if (timezone != null) {
        try {
          zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
          throw new Refused("timezone", "is not a time zone (like UTC, Europe/Berlin or +02:00)");
        }
      }
      return new Request(new CsvMapping.Options(source, program, kind, touchpoint, language, dateFormat, zone),
          delimiter(parameters.get("delimiter")), charset(first(parameters, "charset"), contentType), mapping);
    }

    private static Map<String, String> mapping(String json) {
      if (json == null || json.isBlank()) return Map.of();
      JsonNode node;
      try {
        node = JSON.readTree(json);
      } catch (JacksonException e) {
        throw new Refused("mapping", "is not valid JSON: " + e.getOriginalMessage());
      }
      if (!node.isObject())
        throw new Refused("mapping", "must be a JSON object of target field → column header, like {\"score\":\"NPS\"}");
      Map<String, String> out = new LinkedHashMap<>();
      for (var e : node.properties()) {
        JsonNode v = e.getValue();
        if (v.isNull()) out.put(e.getKey(), null);
        else if (v.isString()) out.put(e.getKey(), v.asString());
        else throw new Refused("mapping." + e.getKey(), "must be a column header (a string) or null");
      }
      return out;
    }

    private static Character delimiter(String[] values) {
      if (values == null || values.length == 0 || values[0] == null || values[0].isEmpty()) return null;
      String name = values[0]; // not stripped: a tab is a delimiter
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "comma", "," -> ',';
        case "semicolon", ";" -> ';';
        case "tab", "\t", "\\t" -> '\t';
        case "pipe", "|" -> '|';
        default -> {
          if (name.length() != 1 || name.charAt(0) == '"' || name.charAt(0) == '\r' || name.charAt(0) == '\n')
            throw new Refused("delimiter", "must be one character, or comma, semicolon, tab or pipe");
          yield name.charAt(0);
        }
      };
    }

    private static Charset charset(String name, String contentType) {
      if (name == null && contentType != null) {
        try {
          Charset declared = MediaType.parseMediaType(contentType).getCharset();
          if (declared != null) return declared;
        } catch (IllegalArgumentException e) {
          // an unreadable Content-Type charset is no reason to refuse: fall back to UTF-8
        }
      }
      if (name == null) return StandardCharsets.UTF_8;
      try {
        return Charset.forName(name);
      } catch (IllegalArgumentException e) {
        throw new Refused("charset", "is not a known character set (like UTF-8 or windows-1252)");
      }
    }

    private static String text(Map<String, String[]> parameters, String name) {
      String v = first(parameters, name);
      if (v != null && v.length() > ResponseCommand.MAX_TEXT)
        throw new Refused(name, "must be at most " + ResponseCommand.MAX_TEXT + " characters");
      return v;
    }

    private static String first(Map<String, String[]> parameters, String name) {
      String[] values = parameters.get(name);
      if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) return null;
      return values[0].strip();
    }
  }
}
