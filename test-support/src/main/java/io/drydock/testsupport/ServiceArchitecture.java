package io.drydock.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;

/**
 * The package-by-feature rules every service obeys (STYLE.md): a service is
 * {@code io.drydock.<service>.<feature>} with layers ({@code web}, {@code messaging},
 * {@code persistence}) only inside a feature.
 *
 * <ul>
 *   <li>features do not form dependency cycles;
 *   <li>a feature's {@code persistence} and {@code web} packages are private to the feature;
 *   <li>web code never touches JPA entities (REST speaks DTO records).
 * </ul>
 */
public final class ServiceArchitecture {

  private ServiceArchitecture() {}

  /** The service's production classes. */
  public static JavaClasses importService(String basePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(basePackage);
  }

  /** The rules for a service rooted at {@code basePackage}, e.g. {@code io.drydock.master}. */
  public static List<ArchRule> rules(String basePackage) {
    return List.of(
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true),
        noClasses().should(accessLayerOfAnotherFeature(basePackage, "persistence")).allowEmptyShould(true),
        noClasses().should(accessLayerOfAnotherFeature(basePackage, "web")).allowEmptyShould(true),
        noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
            .allowEmptyShould(true));
  }

  private static ArchCondition<JavaClass> accessLayerOfAnotherFeature(String basePackage, String layer) {
    return new ArchCondition<>("access the " + layer + " package of another feature") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String originFeature = feature(basePackage, origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          String targetFeature = feature(basePackage, target);
          if (targetFeature != null && target.startsWith(basePackage + "." + targetFeature + "." + layer)
              && !targetFeature.equals(originFeature)) {
            events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static String feature(String basePackage, String packageName) {
    if (!packageName.startsWith(basePackage + ".")) {
      return null;
    }
    String rest = packageName.substring(basePackage.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
