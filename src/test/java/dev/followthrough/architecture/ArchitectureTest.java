package dev.followthrough.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.followthrough.Followthrough;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ArchitectureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(Followthrough.class);
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.followthrough");

  @Test
  void modules_talk_only_through_their_api_and_events() {
    MODULES.verify();
  }

  @Test
  void domain_code_is_plain_java() {
    noClasses().that().resideInAnyPackage("..domain..", "dev.followthrough.nps..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
            "jakarta..", "tools.jackson..", "com.fasterxml..", "..jdbc..", "..web..")
        .because("the domain is plain Java: no framework, SQL or web")
        .check(CLASSES);
  }

  @Test
  void domain_code_takes_time_as_a_parameter() {
    noClasses().that().resideInAnyPackage("..domain..", "dev.followthrough.nps..")
        .should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .because("time is a parameter in the domain")
        .check(CLASSES);
  }
}
