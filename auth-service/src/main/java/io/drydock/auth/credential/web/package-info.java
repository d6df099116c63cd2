/** REST: the operator API of credentials. */
package io.drydock.auth.credential.web;
