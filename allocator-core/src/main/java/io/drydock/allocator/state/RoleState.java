package io.drydock.allocator.state;

import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.sort.ScalarTotals;
import io.drydock.allocator.sort.Sorter;
import java.util.Arrays;

/**
 * Mutable per-role bookkeeping (internal). Top-level roles also carry quota accounting for their
 * subtree: reservations on agents and unreserved allocation (offered or used); consumed quota is
 * their sum (spec §2.3, §9.3).
 */
public final class RoleState {

    public final String name;
    public final RoleState top;
    public final Sorter<FrameworkState> frameworkSorter;
    /** Frameworks subscribed to this role that are active and not suppressed in it. */
    public int activeFrameworks;
    /** Agents whose total has resources reserved exactly to this role. */
    public int reservedAgents;
    public double weight = 1.0;

    // Quota accounting, meaningful on top-level roles only.
    public Quota quota = Quota.NONE;
    public final long[] guarantee = new long[ScalarTotals.CAPACITY];
    public final long[] limit = new long[ScalarTotals.CAPACITY];
    public final long[] reserved = new long[ScalarTotals.CAPACITY];
    public final long[] unreservedAllocated = new long[ScalarTotals.CAPACITY];
    public final long[] subtreeAllocated = new long[ScalarTotals.CAPACITY];
    public boolean hasGuarantee;
    public boolean hasLimit;
    /** Set for the current cycle when the role was taken out of the role sorter (blocked by limits). */
    public boolean blockedThisCycle;
    /** Allocation not yet applied to the role sorter (during a walk). */
    public final long[] pending = new long[ScalarTotals.CAPACITY];
    public boolean hasPending;

    public RoleState(String name, RoleState top, Sorter<FrameworkState> frameworkSorter) {
        this.name = name;
        this.top = top == null ? this : top;
        this.frameworkSorter = frameworkSorter;
        Arrays.fill(limit, Long.MAX_VALUE);
    }

    public boolean isTopLevel() {
        return top == this;
    }


    /** consumed = reserved + unreserved allocated, for scalar index {@code i}. */
    public long consumed(int i) {
        return reserved[i] + unreservedAllocated[i];
    }

    /** Unmet guarantee for scalar {@code i} (0 when met). */
    public long deficit(int i) {
        return Math.max(0, guarantee[i] - consumed(i));
    }

    public boolean guaranteeUnsatisfied(int size) {
        if (!hasGuarantee) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (guarantee[i] > consumed(i)) {
                return true;
            }
        }
        return false;
    }

    /** Room under the limit for scalar {@code i}. */
    public long limitHeadroom(int i) {
        return limit[i] == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, limit[i] - consumed(i));
    }
}
