package dev.followthrough.responses.web;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record in memory at a time, whatever the size of the input.
 * Quoted fields may hold delimiters, doubled quotes and line breaks; lines end in CRLF, LF or CR; a
 * UTF-8 byte order mark is dropped; the delimiter is given or guessed from the first line
 * ({@code ,} {@code ;} or tab).
 *
 * <p>Lenient where real exports are sloppy (a quote inside an unquoted field is kept as text,
 * blanks after a closing quote are ignored), strict where guessing would corrupt data. A record that
 * cannot be read — a quote never closed, text after a closing quote, a record longer than
 * {@link #MAX_RECORD_CHARS} — comes back as {@link Row#malformed()}, and reading resumes on the line
 * after the one it started on, so one stray quote costs one row, not the rest of the file.
 */
public final class CsvReader implements Closeable {

  /** Bounds the memory one record may take; a comment is at most 20,000 characters anyway. */
  public static final int MAX_RECORD_CHARS = 1 << 20;

  /**
   * One record. {@code number} counts records as a spreadsheet shows rows (the header is 1);
   * {@code line} is the physical line it starts on, which is larger once quoted fields held line breaks.
   */
  public record Row(long number, long line, List<String> fields, String malformed) {
    public boolean isBlank() {
      if (malformed != null) return false;
      for (String f : fields) if (!f.isEmpty()) return false;
      return true;
    }
  }

  private final Reader in;
  private final char delimiter;
  private final int maxRecordChars;
  private final char[] buf = new char[32 * 1024];
  private int pos;
  private int len;
  /** Text to read again before {@link #in}: the first line while guessing, a malformed record's later lines. */
  private char[] pending = new char[0];
  private int pendingPos;
  private boolean lastFromPending;

  private long line = 1;
  private long number;

  public CsvReader(Reader in, Character delimiter) throws IOException {
    this(in, delimiter, MAX_RECORD_CHARS);
  }

  CsvReader(Reader in, Character delimiter, int maxRecordChars) throws IOException {
    this.in = in;
    this.maxRecordChars = maxRecordChars;
    int first = read();
    if (first != '\uFEFF' && first != -1) pushBack(String.valueOf((char) first));
    this.delimiter = delimiter != null ? delimiter : guessDelimiter();
  }

  public char delimiter() {
    return delimiter;
  }

  /** The next record, or null at the end of the input. */
  public Row next() throws IOException {
    int c = read();
    if (c == -1) return null;
    long startLine = line;
    long recordNumber = ++number;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    StringBuilder later = null; // raw text after the record's first line break, to re-read if it is malformed
    int chars = 0;
    State state = State.START;
    while (true) {
      if (later != null && c != -1) later.append((char) c);
      if (++chars > maxRecordChars) {
        return malformed(recordNumber, startLine, later,
            "is longer than " + maxRecordChars + " characters" + (state == State.QUOTED ? " (is a quote left open?)" : ""));
      }
      switch (state) {
        case START -> {
          if (c == '"') state = State.QUOTED;
          else if (c == delimiter) fields.add("");
          else if (c == '\r' || c == '\n' || c == -1) return end(recordNumber, startLine, fields, "", c);
          else {
            field.append((char) c);
            state = State.UNQUOTED;
          }
        }
        case UNQUOTED -> {
          if (c == delimiter) {
            fields.add(field.toString());
            field.setLength(0);
            state = State.START;
          } else if (c == '\r' || c == '\n' || c == -1) {
            return end(recordNumber, startLine, fields, field.toString(), c);
          } else {
            field.append((char) c);
          }
        }
        case QUOTED -> {
          if (c == '"') state = State.QUOTE_IN_QUOTED;
          else if (c == -1)
            return malformed(recordNumber, startLine, later, "has a quoted field that is never closed");
          else if (c == '\r' || c == '\n') {
            if (c == '\r') {
              int n = read();
              if (n == '\n') {
                if (later != null) later.append('\n');
              } else if (n != -1) {
                unread();
              }
            }
            field.append('\n'); // line breaks inside a value are stored as LF whatever the file used
            line++;
            if (later == null) later = new StringBuilder();
          } else {
            field.append((char) c);
          }
        }
        case QUOTE_IN_QUOTED -> {
          if (c == '"') {
            field.append('"');
            state = State.QUOTED;
          } else if (c == delimiter) {
            fields.add(field.toString());
            field.setLength(0);
            state = State.START;
          } else if (c == '\r' || c == '\n' || c == -1) {
            return end(recordNumber, startLine, fields, field.toString(), c);
          } else if (c == ' ' || c == '\t') {
            state = State.AFTER_QUOTE;
          } else {
            return malformed(recordNumber, startLine, later, "has text after a closing quote on line " + line);
          }
        }
        case AFTER_QUOTE -> {
          if (c == delimiter) {
            fields.add(field.toString());
            field.setLength(0);
            state = State.START;
          } else if (c == '\r' || c == '\n' || c == -1) {
            return end(recordNumber, startLine, fields, field.toString(), c);
          } else if (c != ' ' && c != '\t') {
            return malformed(recordNumber, startLine, later, "has text after a closing quote on line " + line);
          }
        }
      }
      c = read();
    }
  }

  private enum State { START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTE }

  private Row end(long recordNumber, long startLine, List<String> fields, String last, int c) throws IOException {
    fields.add(last);
    endLine(c);
    return new Row(recordNumber, startLine, fields, null);
  }

  private void endLine(int c) throws IOException {
    if (c == -1) return;
    if (c == '\r') {
      int n = read();
      if (n != '\n' && n != -1) unread();
    }
    line++;
  }

  /**
   * Gives up on the record and resumes on the line after the one it started on: a line break read
   * inside a runaway quote is probably the end of a row.
   */
  private Row malformed(long recordNumber, long startLine, StringBuilder later, String reason) throws IOException {
    if (later != null) {
      pushBack(later.toString());
      line = startLine + 1;
    } else {
      skipRestOfLine();
    }
    return new Row(recordNumber, startLine, List.of(), reason);
  }

  private void skipRestOfLine() throws IOException {
    int c;
    do {
      c = read();
    } while (c != '\r' && c != '\n' && c != -1);
    endLine(c);
  }

  /** The most frequent of {@code , ; tab} outside quotes on the first line; a comma if none occurs. */
  private char guessDelimiter() throws IOException {
    StringBuilder first = new StringBuilder();
    int c;
    while (first.length() < 64 * 1024 && (c = read()) != -1) {
      first.append((char) c);
      if (c == '\n' || c == '\r') break;
    }
    pushBack(first.toString());
    return guessDelimiter(first);
  }

  static char guessDelimiter(CharSequence firstLine) {
    int comma = 0, semicolon = 0, tab = 0;
    boolean quoted = false;
    for (int i = 0; i < firstLine.length(); i++) {
      char ch = firstLine.charAt(i);
      if (ch == '"') quoted = !quoted;
      else if (!quoted && ch == ',') comma++;
      else if (!quoted && ch == ';') semicolon++;
      else if (!quoted && ch == '\t') tab++;
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
  }

  private int read() throws IOException {
    if (pendingPos < pending.length) {
      lastFromPending = true;
      return pending[pendingPos++];
    }
    lastFromPending = false;
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  /** Steps back over the character just read (only ever one). */
  private void unread() {
    if (lastFromPending) pendingPos--;
    else pos--;
  }

  private void pushBack(String text) {
    if (text.isEmpty()) return;
    String rest = new String(pending, pendingPos, pending.length - pendingPos);
    pending = (text + rest).toCharArray();
    pendingPos = 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
