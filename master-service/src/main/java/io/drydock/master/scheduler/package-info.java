/**
 * The v1 scheduler API ({@code POST /api/v1/scheduler}, Mesos v1 JSON): SUBSCRIBE answers with the
 * framework's topic; every other call answers 202 and its effects (offers, task updates) arrive on the
 * topic. Also the reaper of frameworks whose failover timeout expired.
 */
package io.drydock.master.scheduler;
