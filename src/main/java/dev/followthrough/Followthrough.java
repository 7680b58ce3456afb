package dev.followthrough;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Self-hosted NPS follow-up engine: every score that matters becomes an owned follow-up. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Followthrough {

  public static void main(String[] args) {
    if (dev.followthrough.platform.BackupCommand.handles(args)) System.exit(dev.followthrough.platform.BackupCommand.run(args));
    SpringApplication.run(Followthrough.class, translate(args));
  }

  /** {@code --demo} is the documented switch; Spring would read it as a property named "demo". */
  static String[] translate(String[] args) {
    List<String> out = new ArrayList<>();
    for (String arg : args) {
      out.add("--demo".equals(arg) ? "--followthrough.demo=true" : arg);
    }
    return out.toArray(String[]::new);
  }
}
