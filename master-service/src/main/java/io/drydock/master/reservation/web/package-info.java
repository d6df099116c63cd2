/** {@code /reserve}, {@code /unreserve}, {@code /create-volumes}, {@code /destroy-volumes} (and {@code /master/...}). */
package io.drydock.master.reservation.web;
