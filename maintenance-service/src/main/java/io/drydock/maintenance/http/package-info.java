/**
 * Mesos's HTTP conventions shared by the legacy endpoints and {@code /api/v1}: the JSON ⇄ protobuf mapping
 * of stout (spec §0.3) over explicit message descriptors, stout's JSON rendering, jsonp, 405 with
 * {@code Allow}, the request body limit and the mapping of errors to status codes.
 */
package io.drydock.maintenance.http;
