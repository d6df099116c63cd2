/** The {@code master.operator_change} table (JPA, private to the feature). */
package io.drydock.master.operation.persistence;
