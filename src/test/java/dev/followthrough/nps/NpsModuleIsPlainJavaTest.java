package dev.followthrough.nps;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class NpsModuleIsPlainJavaTest {

  @Test
  void nps_math_depends_on_nothing_but_the_jdk() {
    JavaClasses nps = new ClassFileImporter().importPackages("dev.followthrough.nps");

    // Filter tests by name, not by location: tests and production classes may share one output directory.
    classes()
        .that().resideInAPackage("dev.followthrough.nps..")
        .and().haveNameNotMatching(".*(Test|Fixtures)(\\$.*)?")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.followthrough.nps..", "java..")
        .check(nps);
  }
}
