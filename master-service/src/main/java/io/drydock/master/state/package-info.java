/**
 * Read views of the whole cluster for operators and the console: Mesos's {@code /master/state},
 * {@code /master/slaves}, {@code /master/frameworks} and {@code /master/tasks} (read-only realm, filtered by
 * {@code view_frameworks} / {@code view_tasks} / {@code view_roles}), and a read-only relay of the audit
 * trails (master operator changes, maintenance-service, auth-service) so the console needs one origin only.
 */
package io.drydock.master.state;
