/** Who counts as an operator of auth-service's APIs, and how those APIs report errors. */
package io.drydock.auth.operator;
