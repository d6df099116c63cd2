package io.drydock.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service's {@code @SpringBootApplication} class and names the service. The service then reads
 * its defaults from {@code <name>.yml} rather than {@code application.yml}, so the four services can
 * share one JVM (the standalone launcher) without their configuration colliding.
 * {@code application.yml} still applies, to all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DrydockService {

  /** The service name, e.g. {@code master-service}. */
  String value();
}
