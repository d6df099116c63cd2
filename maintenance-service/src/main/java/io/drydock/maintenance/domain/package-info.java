/**
 * The maintenance rules of Mesos as plain Java: schedule and machine validation (exact messages), machine
 * identity and the mode transitions of posting a schedule, bringing machines down and up. No Spring, no
 * persistence: the {@code machine} feature feeds these rules the current state and applies the plan.
 */
package io.drydock.maintenance.domain;
