/**
 * The maintenance state machine: the schedule, the machine map and modes, inverse-offer statuses. Every
 * change takes the single state-row lock, validates with the domain rules, authorizes, persists, audits and
 * appends MachineStateChanged to the outbox in one transaction.
 */
package io.drydock.maintenance.machine;
