/** auth-service: credentials, tokens and the Mesos ACLs every service enforces. */
package io.drydock.auth;
