/** The {@code master.role_weight} table (JPA, private to the feature). */
package io.drydock.master.weight.persistence;
