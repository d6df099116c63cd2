/** Identity: the machine (hostname + IP) an agent runs on, and the agent id the master gave it, kept across restarts. */
package io.drydock.agent.identity;
