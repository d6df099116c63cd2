/** Stage "offer": one allocation run — candidate order, stage 1 (guarantees), stage 2 (fair share), inverse offers. Internal. */
package io.drydock.allocator.cycle;
