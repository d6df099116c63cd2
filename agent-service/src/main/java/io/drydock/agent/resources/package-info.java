/** Resources and attributes an agent offers: detected from the machine or given as Mesos strings, validated as Mesos does. */
package io.drydock.agent.resources;
