/** The operator console's serving glue; the app itself is in {@code META-INF/resources/console}. */
package io.drydock.console;
