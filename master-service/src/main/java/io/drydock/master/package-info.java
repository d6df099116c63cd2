/** master-service: offers machine resources to frameworks over Kafka; agents, frameworks, tasks, roles, quota. */
package io.drydock.master;
