package dev.followthrough.platform.web;

import dev.followthrough.platform.WorkspaceExport;
import java.security.Principal;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/export?format=csv|json}: the whole workspace as a zip, one file per table (admin only). */
@RestController
class WorkspaceExportController {

  private static final Logger audit = LoggerFactory.getLogger("dev.followthrough.audit");

  private final WorkspaceExport export;

  WorkspaceExportController(WorkspaceExport export) {
    this.export = export;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "Export the whole workspace (zip of CSV or NDJSON files, one per table)",
      description = "One consistent snapshot; secrets, password and key hashes, embeddings and the framework's own tables are left out.",
      responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
          content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/zip")))
  @PreAuthorize("hasRole('ADMIN')")
  @GetMapping(path = "/api/v1/export", produces = "application/zip")
  void export(@RequestParam(defaultValue = "csv") String format, Principal who, HttpServletResponse response) throws java.io.IOException {
    WorkspaceExport.Format f = switch (format) {
      case "csv" -> WorkspaceExport.Format.CSV;
      case "json" -> WorkspaceExport.Format.JSON;
      default -> throw new dev.followthrough.platform.InvalidField("format", "must be csv or json");
    };
    audit.info("workspace exported as {} by {}", format, who.getName());
    // written on the request's own thread (not an asynchronous StreamingResponseBody: the stateless API door would
    // have to authorise the async dispatch again)
    response.setContentType("application/zip");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"followthrough-" + LocalDate.now() + "-" + format + ".zip\"");
    export.write(f, response.getOutputStream());
  }
}
