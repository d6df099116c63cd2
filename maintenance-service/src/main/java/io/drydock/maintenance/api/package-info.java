/** The v1 operator API's maintenance calls on {@code POST /api/v1} (spec §0.2, §1.5.6). */
package io.drydock.maintenance.api;
