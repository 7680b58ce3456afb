package dev.followthrough.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code --profile}: a JDK Flight Recorder recording of the server during one load level (started
 * and stopped with jcmd), summarised as where the server's Java CPU samples land — by package of
 * the executing frame, by hottest method, and by the deepest Followthrough method on the stack —
 * plus JIT compilation and GC time in the same window.
 */
final class Profiler {

  private static final String[][] PACKAGES = {
      {"org.postgresql.", "pgjdbc (driver)"}, {"com.zaxxer.hikari.", "HikariCP"},
      {"tools.jackson.", "Jackson"}, {"com.fasterxml.jackson.", "Jackson"},
      {"org.springframework.security.", "Spring Security"}, {"org.springframework.modulith.", "Spring Modulith"},
      {"org.springframework.jdbc.", "Spring JDBC"}, {"org.springframework.transaction.", "Spring transactions"},
      {"org.springframework.web.", "Spring MVC"}, {"org.springframework.boot.", "Spring Boot"},
      {"org.springframework.", "Spring (other)"}, {"org.apache.catalina.", "Tomcat"}, {"org.apache.coyote.", "Tomcat"},
      {"org.apache.tomcat.", "Tomcat"}, {"io.micrometer.", "Micrometer"}, {"ch.qos.logback.", "logging"},
      {"org.slf4j.", "logging"}, {"java.util.regex.", "java.util.regex"}, {"sun.security.", "JDK security/crypto"},
      {"java.security.", "JDK security/crypto"}, {"sun.nio.", "JDK I/O"}, {"java.nio.", "JDK I/O"}, {"sun.net.", "JDK I/O"},
      {"java.net.", "JDK I/O"}, {"java.io.", "JDK I/O"}, {"jdk.internal.misc.", "JDK internals"},
      {"java.util.concurrent.", "java.util.concurrent"}, {"java.lang.invoke.", "JDK reflection/invoke"},
      {"java.lang.reflect.", "JDK reflection/invoke"}, {"jdk.internal.reflect.", "JDK reflection/invoke"},
      {"java.time.", "java.time"}, {"java.util.", "java.util"}, {"java.lang.", "java.lang"},
      {"dev.followthrough.", "Followthrough"}};

  private final ServerProcess server;
  private final Path dir;

  Profiler(ServerProcess server, Path dir) {
    this.server = server;
    this.dir = dir;
  }

  Path start(String name) throws IOException, InterruptedException {
    Path file = dir.resolve(name + ".jfr").toAbsolutePath();
    jcmd("JFR.start", "name=bench-" + name, "settings=profile", "filename=" + file);
    return file;
  }

  void stop(String name) throws IOException, InterruptedException {
    jcmd("JFR.stop", "name=bench-" + name);
  }

  private void jcmd(String... args) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(jcmd, Long.toString(server.pid())));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("jcmd failed: " + out);
  }

  /** Markdown: the recording summarised. */
  static String summarise(Path jfr, int top) throws IOException {
    Map<String, Integer> byPackage = new HashMap<>(), selfMethod = new HashMap<>(), ours = new HashMap<>(),
        inclusive = new HashMap<>();
    int samples = 0;
    Duration compile = Duration.ZERO, gc = Duration.ZERO, longestPause = Duration.ZERO;
    int compilations = 0, gcs = 0;
    double cpuSum = 0;
    int cpuN = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      switch (e.getEventType().getName()) {
        case "jdk.ExecutionSample" -> {
          if (e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) continue;
          samples++;
          List<RecordedFrame> frames = e.getStackTrace().getFrames();
          String topType = frames.get(0).getMethod().getType().getName();
          byPackage.merge(bucket(topType), 1, Integer::sum);
          selfMethod.merge(name(frames.get(0)), 1, Integer::sum);
          Set<String> seen = new HashSet<>();
          boolean oursFound = false;
          for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (!oursFound && type.startsWith("dev.followthrough.")) {
              ours.merge(name(f), 1, Integer::sum);
              oursFound = true;
            }
            if (seen.add(name(f))) inclusive.merge(name(f), 1, Integer::sum);
          }
          if (!oursFound) ours.merge("(no Followthrough frame: HTTP, security, framework)", 1, Integer::sum);
        }
        case "jdk.Compilation" -> {
          compilations++;
          compile = compile.plus(e.getDuration());
        }
        case "jdk.GarbageCollection" -> {
          gcs++;
          Duration pauses = e.getDuration("sumOfPauses"); // not the event's duration: G1Old includes concurrent work
          gc = gc.plus(pauses);
          Duration longest = e.getDuration("longestPause");
          if (longest.compareTo(longestPause) > 0) longestPause = longest;
        }
        case "jdk.CPULoad" -> {
          cpuSum += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
          cpuN++;
        }
        default -> { }
      }
    }
    StringBuilder b = new StringBuilder();
    b.append(String.format("JFR %s: %,d CPU samples of Java code; server JVM CPU %.0f%% of the machine on average; "
            + "JIT: %,d compilations, %.1f s of compiler-thread time; GC: %d collections, pauses %.2f s in all, longest %d ms%n%n",
        jfr.getFileName(), samples, cpuN == 0 ? Double.NaN : 100 * cpuSum / cpuN, compilations,
        compile.toMillis() / 1000.0, gcs, gc.toMillis() / 1000.0, longestPause.toMillis()));
    b.append(table("where the CPU samples land (package of the executing frame)", byPackage, samples, top));
    b.append(table("hottest methods (self)", selfMethod, samples, top));
    b.append(table("deepest Followthrough frame on the stack (inclusive)", ours, samples, top));
    Map<String, Integer> interesting = new HashMap<>();
    inclusive.forEach((k, v) -> {
      if (!k.startsWith("java.lang.Thread") && !k.startsWith("java.lang.VirtualThread") && !k.contains("jdk.internal.vm.Continuation")
          && !k.contains("FilterChain") && !k.contains(".doFilter") && !k.contains("Valve.invoke")
          && !k.contains("OncePerRequestFilter") && !k.contains("ObservationFilterChain")) interesting.put(k, v);
    });
    b.append(table("inclusive (any frame on the stack; filter-chain plumbing left out)", interesting, samples, top));
    return b.toString();
  }

  private static String table(String title, Map<String, Integer> counts, int total, int top) {
    StringBuilder b = new StringBuilder("| " + title + " | samples | share |\n|---|---:|---:|\n");
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
        .forEach(e -> b.append(String.format("| `%s` | %,d | %.1f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / total)));
    return b.append('\n').toString();
  }

  private static String bucket(String type) {
    for (String[] p : PACKAGES) if (type.startsWith(p[0])) return p[1];
    int dot = type.lastIndexOf('.');
    return dot < 0 ? type : type.substring(0, dot);
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
}
