/**
 * The standalone launcher: embedded PostgreSQL and Kafka, the four services and simulated agents in
 * one JVM — the README's run command.
 */
package io.drydock.standalone;
