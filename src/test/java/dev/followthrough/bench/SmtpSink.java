package dev.followthrough.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server on 127.0.0.1 that accepts every message, keeps nothing but the time each recipient
 * was first accepted (the end of DATA) and counts messages and sessions. Enough for Angus Mail and cheap enough
 * to take tens of thousands of messages without competing with the server for the CPU.
 */
final class SmtpSink implements AutoCloseable {

  private final ServerSocket socket;
  final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
  final AtomicLong messages = new AtomicLong();
  final AtomicLong sessions = new AtomicLong();

  SmtpSink() throws IOException {
    socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("smtp-sink").start(this::accept);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        Thread.ofVirtual().start(() -> session(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void session(Socket s) {
    sessions.incrementAndGet();
    try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
         OutputStream out = s.getOutputStream()) {
      reply(out, "220 sink ESMTP");
      List<String> rcpt = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
        switch (cmd) {
          case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
          case "HELO" -> reply(out, "250 sink");
          case "MAIL" -> { rcpt.clear(); reply(out, "250 OK"); }
          case "RCPT" -> {
            int a = line.indexOf('<'), b = line.indexOf('>');
            if (a >= 0 && b > a) rcpt.add(line.substring(a + 1, b).toLowerCase(Locale.ROOT));
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 go ahead");
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // discard
            }
            long now = System.nanoTime();
            for (String r : rcpt) acceptedAt.putIfAbsent(r, now);
            messages.incrementAndGet();
            reply(out, "250 OK queued");
          }
          case "RSET" -> { rcpt.clear(); reply(out, "250 OK"); }
          case "QUIT" -> { reply(out, "221 bye"); return; }
          default -> reply(out, "250 OK");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
