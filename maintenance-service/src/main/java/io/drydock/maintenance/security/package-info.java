/** Which maintenance endpoints are in which Mesos authentication realm. */
package io.drydock.maintenance.security;
