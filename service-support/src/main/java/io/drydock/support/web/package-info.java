/** HTTP concerns every service shares: request body size limits. */
package io.drydock.support.web;
