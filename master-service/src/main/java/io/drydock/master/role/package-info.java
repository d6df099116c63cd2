/** Known roles (spec §2.3): {@code GET /roles} and GET_ROLES, with weights, frameworks, resources and quota. */
package io.drydock.master.role;
