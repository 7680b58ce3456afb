package dev.followthrough.responses.web;

import dev.followthrough.responses.domain.Intake;
import dev.followthrough.responses.domain.ResponseCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Streams a CSV file into the intake, {@value #CHUNK_ROWS} rows at a time: memory stays flat
 * whatever the file's size, and each chunk is one transaction. A failed import (a crash, a dropped
 * connection) leaves the chunks before it stored; running the same file again is safe, because every
 * row carries a source id (its own column, else {@link CsvRowIds}): stored rows come back as
 * duplicates and only the rest are recorded.
 */
final class CsvImport {

  static final int CHUNK_ROWS = 1000;
  static final int MAX_ERRORS = 1000;

  /** Where rows go: {@code ResponseIntake::recordAll}; one call is one transaction. */
  interface Sink {
    List<Intake> recordAll(List<ResponseCommand> commands);
  }

  /** {@code row} as a spreadsheet numbers it (the header is 1); {@code line} where the row starts in the file. */
  record RowError(long row, long line, String field, String reason) {}

  record Summary(long rows, long recorded, long updated, long duplicates, long rejected, List<RowError> errors,
                 boolean errorsTruncated, char delimiter, CsvMapping mapping) {
    long accepted() {
      return recorded + updated;
    }
  }

  sealed interface Outcome {
    record Imported(Summary summary) implements Outcome {}
    /** Refused before anything was stored. */
    record Refused(String field, String reason) implements Outcome {}
  }

  private CsvImport() {}

  static Outcome run(InputStream body, Charset charset, Character delimiter, Map<String, String> mapping,
                     CsvMapping.Options options, Sink sink) throws IOException {
    return run(body, charset, delimiter, mapping, options, sink, CHUNK_ROWS);
  }

  static Outcome run(InputStream body, Charset charset, Character delimiter, Map<String, String> mapping,
                     CsvMapping.Options options, Sink sink, int chunkRows) throws IOException {
    // undecodable bytes become U+FFFD, and rows holding one are rejected rather than stored garbled
    var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CsvReader reader = new CsvReader(new InputStreamReader(body, decoder), delimiter);
    CsvReader.Row header = reader.next();
    while (header != null && header.isBlank()) header = reader.next();
    if (header == null) return new Outcome.Refused("file", "is empty: there is no header row");
    if (header.malformed() != null) return new Outcome.Refused("file", "the header row " + header.malformed());
    return switch (CsvMapping.resolve(header.fields(), mapping, options)) {
      case CsvMapping.Resolution.Invalid x -> new Outcome.Refused(x.field(), x.reason());
      case CsvMapping.Resolution.Ok ok -> new Outcome.Imported(
          new Run(reader, ok.mapping(), header.fields().size(), charset, sink, chunkRows).all());
    };
  }

  private static final class Run {
    private final CsvReader reader;
    private final CsvMapping mapping;
    private final int width;
    private final Charset charset;
    private final Sink sink;
    private final int chunkRows;
    private final CsvRowIds rowIds = new CsvRowIds();

    private final List<ResponseCommand> commands = new ArrayList<>();
    private final List<CsvReader.Row> commandRows = new ArrayList<>();
    private final List<RowError> chunkErrors = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private boolean truncated;
    private long rows, recorded, updated, duplicates, rejected;

    Run(CsvReader reader, CsvMapping mapping, int width, Charset charset, Sink sink, int chunkRows) {
      this.reader = reader;
      this.mapping = mapping;
      this.width = width;
      this.charset = charset;
      this.sink = sink;
      this.chunkRows = chunkRows;
    }

    Summary all() throws IOException {
      for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
        if (row.isBlank()) continue;
        rows++;
        String problem = problem(row);
        if (problem != null) {
          reject(row, "row", problem);
        } else {
          String derived = mapping.hasSourceId(row.fields()) ? null : rowIds.idFor(row.fields());
          switch (mapping.read(row.fields(), derived)) {
            case ResponseRequestParser.Parsed.Ok ok -> {
              commands.add(ok.command());
              commandRows.add(row);
            }
            case ResponseRequestParser.Parsed.Invalid x -> reject(row, x.rejected().field(), x.rejected().reason());
          }
        }
        if (commands.size() + chunkErrors.size() >= chunkRows) flush();
      }
      flush();
      return new Summary(rows, recorded, updated, duplicates, rejected, List.copyOf(errors), truncated,
          reader.delimiter(), mapping);
    }

    private String problem(CsvReader.Row row) {
      if (row.malformed() != null) return row.malformed();
      List<String> fields = row.fields();
      for (int i = width; i < fields.size(); i++) {
        if (!fields.get(i).isBlank())
          return "has " + fields.size() + " fields, the header " + width + " (is a value with a delimiter not quoted?)";
      }
      for (String f : fields) {
        if (f.indexOf('\uFFFD') >= 0)
          return "is not valid " + charset.name() + " text; name the file's encoding, e.g. charset=windows-1252";
      }
      return null;
    }

    private void reject(CsvReader.Row row, String field, String reason) {
      rejected++;
      chunkErrors.add(new RowError(row.number(), row.line(), field, reason));
    }

    private void flush() {
      if (!commands.isEmpty()) {
        List<Intake> outcomes = sink.recordAll(List.copyOf(commands));
        for (int i = 0; i < outcomes.size(); i++) {
          switch (outcomes.get(i)) {
            case Intake.Recorded r -> recorded++;
            case Intake.Updated u -> updated++;
            case Intake.Duplicate d -> duplicates++;
            case Intake.Rejected x -> reject(commandRows.get(i), x.field(), x.reason());
          }
        }
      }
      chunkErrors.sort(Comparator.comparingLong(RowError::row));
      for (RowError e : chunkErrors) {
        if (errors.size() < MAX_ERRORS) errors.add(e);
        else truncated = true;
      }
      commands.clear();
      commandRows.clear();
      chunkErrors.clear();
    }
  }
}
