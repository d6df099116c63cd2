package io.drydock.allocator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.drydock.allocator");

    @Test
    void allocatorCoreImportsNoFrameworkOrInfrastructure() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
                        "jakarta.persistence..", "tools.jackson..", "com.fasterxml..")
                .check(core);
    }

    @Test
    void domainCodeReadsTimeOnlyFromTheInjectedClock() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .check(core);
    }
}
