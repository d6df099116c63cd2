/** {@code POST /api/v1} and {@code /master/api/v1}. */
package io.drydock.master.operator.web;
