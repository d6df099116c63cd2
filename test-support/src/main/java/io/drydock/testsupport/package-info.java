/**
 * Real infrastructure for integration tests: one PostgreSQL and one Kafka broker per test JVM,
 * embedded by default, Testcontainers when {@code -Ddrydock.test.infra=testcontainers} (or the
 * environment variable {@code DRYDOCK_TEST_INFRA}) asks for it.
 */
package io.drydock.testsupport;
