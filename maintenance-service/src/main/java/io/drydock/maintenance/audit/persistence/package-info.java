/** The {@code audit_entry} table. */
package io.drydock.maintenance.audit.persistence;
