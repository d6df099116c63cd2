/** The suite-wide audit of writes: stored from drydock.audit, queried by operators. */
package io.drydock.auth.audit;
