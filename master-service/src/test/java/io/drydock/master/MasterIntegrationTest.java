package io.drydock.master;

import io.drydock.testsupport.DrydockIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * master-service on the JVM's real PostgreSQL and Kafka, with Mesos's test credentials and ACLs and short
 * intervals; every master test class uses it so they share one context (one master).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DrydockIntegrationTest(properties = {
    "drydock.security.credentials=classpath:credentials.json",
    "drydock.security.acls=classpath:acls.json",
    "drydock.master.allocation.interval=200ms",
    "drydock.master.framework.connectivity-check-interval=200ms",
    "drydock.outbox.poll-interval=100ms"})
public @interface MasterIntegrationTest {}
