package dev.followthrough.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.followthrough.Followthrough;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ArchitectureTest {

  // test classes are not part of the modules (ArchUnit's own test filter expects target/test-classes;
  // builds may use another directory, see ft.buildDir)
  static final ApplicationModules MODULES = ApplicationModules.of(Followthrough.class,
      com.tngtech.archunit.base.DescribedPredicate.describe("test classes", (com.tngtech.archunit.core.domain.JavaClass c) ->
          c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false)));
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(location -> !location.contains("/test-classes/"))
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

  @Test
  void no_module_depends_on_reporting() {
    noClasses().that().resideInAnyPackage("dev.followthrough..")
        .and().resideOutsideOfPackages("dev.followthrough.reporting..", "dev.followthrough.web..")
        .should().dependOnClassesThat().resideInAPackage("dev.followthrough.reporting..")
        .because("reporting reads every module and nobody depends on it (only the console, web, shows its reports); "
            + "what two modules share, such as the reporting time zone, lives in platform")
        .check(CLASSES);
  }

  @Test
  void reporting_is_a_leaf_reader() {
    noClasses().that().resideInAPackage("dev.followthrough.reporting..")
        .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.context.ApplicationEventPublisher")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.modulith.events.ApplicationModuleListener")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.transaction.event.TransactionalEventListener")
        .because("reporting is a leaf reader: it publishes no module event and listens to none (a start-up hook is fine); it reads other modules' "
            + "APIs and read-contract views (its rollups are kept by database triggers, not by listeners)")
        .check(CLASSES);
  }
}
