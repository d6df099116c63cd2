/** How the agent endpoints are authenticated and audited. */
package io.drydock.agent.security;
