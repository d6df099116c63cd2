/** The audit trail: every maintenance change with its principal, reason, revision and machine transitions. */
package io.drydock.maintenance.audit;
