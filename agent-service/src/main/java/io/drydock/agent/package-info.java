/** agent-service: registers a machine's resources with the master, runs tasks, obeys shutdown; can simulate a fleet. */
package io.drydock.agent;
