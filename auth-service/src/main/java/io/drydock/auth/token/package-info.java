/** OAuth2 client-credentials tokens (JWT) and the JWKS, with the signing key kept in the database. */
package io.drydock.auth.token;
