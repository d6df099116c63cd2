/**
 * Shared pieces of the operator operations (weights, quota, reservations, volumes): Mesos Resource JSON,
 * refusals with Mesos status codes, and the audit trail of changes ({@code master.operator_change}).
 */
package io.drydock.master.operation;
