/** Which master endpoints are in which Mesos authentication realm. */
package io.drydock.master.security;
