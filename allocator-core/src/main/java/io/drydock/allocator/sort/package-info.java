/** Stage "sort": weighted hierarchical DRF and random sorters over roles and over the frameworks of a role. */
package io.drydock.allocator.sort;
