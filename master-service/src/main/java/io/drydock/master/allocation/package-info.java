/**
 * The allocation actor: the one thread that drives the allocator-core {@code Allocator}, keeps the book of
 * outstanding offers and inverse offers, and publishes the plans on each framework's topic.
 */
package io.drydock.master.allocation;
