/** Registration: each agent's session with the master (register with backoff, heartbeats, status updates until acknowledged, shutdown). */
package io.drydock.agent.registration;
