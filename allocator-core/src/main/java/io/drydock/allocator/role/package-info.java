/** Role names: Mesos validation with exact messages, hierarchy helpers, the whitelist parser. */
package io.drydock.allocator.role;
