/** {@code POST /api/v1/scheduler}. */
package io.drydock.master.scheduler.web;
