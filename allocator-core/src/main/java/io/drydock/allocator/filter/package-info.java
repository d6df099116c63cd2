/** Stage "filter": decline filters (refuse_seconds), minimum allocatable resources. */
package io.drydock.allocator.filter;
