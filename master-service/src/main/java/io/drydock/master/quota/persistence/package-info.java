/** The {@code master.role_quota} table (JPA, private to the feature). */
package io.drydock.master.quota.persistence;
