package io.drydock.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contracts must stay consumable from any framework: java.* and jackson-annotations only. */
@AnalyzeClasses(packages = "io.drydock.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsArchitectureTest {

  @ArchTest
  static final ArchRule onlyJdkAndJacksonAnnotations = classes().should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..", "io.drydock.events..");
}
