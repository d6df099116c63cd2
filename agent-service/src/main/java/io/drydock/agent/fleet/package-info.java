/** Fleet: the agents this process runs (one real agent, or N simulated ones) and the endpoints the master calls them at. */
package io.drydock.agent.fleet;
