/**
 * Frameworks: the registry of subscribed frameworks (persisted in {@code master.framework}), their topics,
 * and their connectivity — a framework is connected while its consumer group (id = framework id) has a
 * live member; disconnected frameworks get no offers and expire after their failover timeout.
 */
package io.drydock.master.framework;
