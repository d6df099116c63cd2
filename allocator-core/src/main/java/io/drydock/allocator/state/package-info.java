/** The allocator's mutable book: agents, frameworks, roles, sorters, outstanding offers. Internal, single-threaded. */
package io.drydock.allocator.state;
