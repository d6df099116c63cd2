/**
 * Resource values: {@link io.drydock.allocator.resources.Resource}, the normalized bag
 * {@link io.drydock.allocator.resources.Resources} with strict arithmetic (never negative, never
 * double-counted), reservations, persistent volumes and the Mesos text-form parser.
 */
package io.drydock.allocator.resources;
