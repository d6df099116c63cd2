/** {@code /weights} (and {@code /master/weights}). */
package io.drydock.master.weight.web;
