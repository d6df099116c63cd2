package io.drydock.support;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Sets {@code spring.config.name} to {@code application,<service>} for applications whose source is
 * annotated with {@link DrydockService}, before the configuration files are read. An explicit
 * {@code spring.config.name} still wins.
 */
public class ServiceConfigNamePostProcessor implements EnvironmentPostProcessor, Ordered {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty("spring.config.name")) {
      return;
    }
    for (Object source : application.getAllSources()) {
      if (source instanceof Class<?> type) {
        DrydockService service = AnnotatedElementUtils.findMergedAnnotation(type, DrydockService.class);
        if (service != null) {
          environment.getPropertySources().addLast(new MapPropertySource(
              "drydockServiceConfigName", Map.of("spring.config.name", "application," + service.value())));
          return;
        }
      }
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
