/** Principals and hashed secrets: Mesos credentials bootstrap, the operator API, Basic verification. */
package io.drydock.auth.credential;
