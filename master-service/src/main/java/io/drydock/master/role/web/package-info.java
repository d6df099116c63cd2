/** {@code GET /roles} (and {@code /master/roles}). */
package io.drydock.master.role.web;
