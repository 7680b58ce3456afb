package dev.followthrough.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the two cores went: machine-wide busy time from /proc/stat and per-process time from
 * /proc/pid/stat, so each load level can say how much CPU the server, PostgreSQL, the load
 * generator and everything else (other builds on this machine) used.
 */
final class Cpu {

  private static final double TICKS = 100.0; // USER_HZ on Linux

  private Cpu() {}

  /** Busy CPU seconds of the whole machine since boot (all cores), or -1. */
  static double machineBusySeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) total += Long.parseLong(f[i]); // up to steal
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return (total - idle) / TICKS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** User + system CPU seconds of a process (optionally plus its reaped children), or 0. */
  static double processSeconds(long pid, boolean withReapedChildren) {
    try {
      String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" "); // f[0] is field 3 (state)
      long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      if (withReapedChildren) t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
      return t / TICKS;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU seconds of a JVM's JIT compiler threads and GC threads, from /proc/pid/task/N/stat. */
  static double[] jitAndGcSeconds(long pid) {
    double jit = 0, gc = 0;
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path t : tasks.toList()) {
        String s;
        try {
          s = Files.readString(t.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        String comm = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        double secs = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) jit += secs;
        else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) gc += secs;
      }
    } catch (IOException | RuntimeException e) {
      return new double[] {0, 0};
    }
    return new double[] {jit, gc};
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** A snapshot; the difference of two says how many cores each party used in between. */
  record Snapshot(long nanos, double machine, double server, double jit, double gc, double postgres, double loadgen) {

    static Snapshot take(ServerProcess server) {
      double[] jitGc = jitAndGcSeconds(server.pid());
      return new Snapshot(System.nanoTime(), machineBusySeconds(), processSeconds(server.pid(), false), jitGc[0],
          jitGc[1], server.postgresCpuSeconds(), processSeconds(ProcessHandle.current().pid(), false));
    }

    Usage since(Snapshot before) {
      double secs = (nanos - before.nanos) / 1e9;
      double m = (machine - before.machine) / secs, s = (server - before.server) / secs,
          p = (postgres - before.postgres) / secs, l = (loadgen - before.loadgen) / secs;
      return new Usage(m, s, (jit - before.jit) / secs, (gc - before.gc) / secs, p, l, Math.max(0, m - s - p - l));
    }
  }

  /** Cores in use on average (2.0 = both cores busy); {@code jit} and {@code gc} are part of {@code server}. */
  record Usage(double machine, double server, double jit, double gc, double postgres, double loadgen, double other) {
    @Override
    public String toString() {
      return String.format("%.2f cores busy = server %.2f (JIT %.2f, GC %.2f) + postgres %.2f + load generator %.2f + other %.2f",
          machine, server, jit, gc, postgres, loadgen, other);
    }
  }
}
