/** {@code /quota} and {@code /quota/<role>} (and their {@code /master} aliases). */
package io.drydock.master.quota.web;
