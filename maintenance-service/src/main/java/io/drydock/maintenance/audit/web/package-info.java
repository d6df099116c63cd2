/** {@code GET /maintenance/audit}: the audit trail for operators. */
package io.drydock.maintenance.audit.web;
