/** {@code POST /api/v1} and {@code /master/api/v1}: the maintenance call types of {@code v1::master::Call}. */
package io.drydock.maintenance.api.web;
