package io.drydock.allocator;

import io.drydock.allocator.filter.MinAllocatable;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.ResourceType;
import io.drydock.allocator.resources.Resources;
import io.drydock.allocator.role.Roles;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Builds an {@link Allocator}. Every setting has a Mesos default:
 * <ul>
 *   <li>{@link #allocationInterval}: 1 s (the minimum length of a decline filter; the caller runs
 *       {@link Allocator#allocate()} on this period)</li>
 *   <li>{@link #minAllocatable}: {@code cpus:0.01|mem:32}</li>
 *   <li>{@link #roleSorter}: {@link SorterKind#DRF} (also used for the frameworks of each role);
 *       {@link SorterKind#RANDOM} as in Mesos for comparison</li>
 *   <li>{@link #seed}: 0 (seeds the agent shuffle and the random sorter; same inputs, clock and seed
 *       give the same plan)</li>
 *   <li>{@link #roleWhitelist}: none, i.e. implicit roles; when set, {@code *} is always added</li>
 *   <li>{@link #clock}: {@link Clock#systemUTC()}; inject a fixed or fake clock in tests</li>
 *   <li>{@link #offerTimeout}: none (offers never time out); when set, offers and inverse offers older
 *       than it are rescinded at the next run</li>
 *   <li>{@link #filterGpuResources}: true (GPU agents only go to GPU_RESOURCES frameworks)</li>
 *   <li>{@link #maintenanceAwarePlacement}: true (agents draining soonest are offered last)</li>
 *   <li>{@link #offerIdPrefix}: {@code "offer"} (ids are {@code <prefix>-<n>}; put the leader epoch in it)</li>
 *   <li>{@link #offerSlice}: none (Mesos: the role chosen on an agent is offered all of it it may get).
 *       Drydock only, opt-in: stage 2 hands each agent out a slice at a time to the lowest weighted
 *       dominant share, re-sorting after every slice (see {@code allocator-core/README.md}, "Offer
 *       slices")</li>
 * </ul>
 * Decline filters default to 5 s ({@link Filters#DEFAULT}); that is a property of each call.
 */
public final class AllocatorBuilder {

    /** Role / framework sorter. */
    public enum SorterKind { DRF, RANDOM }

    Duration allocationInterval = Duration.ofSeconds(1);
    MinAllocatable minAllocatable = MinAllocatable.DEFAULT;
    SorterKind sorter = SorterKind.DRF;
    long seed;
    Set<String> whitelist;
    Clock clock = Clock.systemUTC();
    Duration offerTimeout;
    boolean filterGpuResources = true;
    boolean maintenanceAwarePlacement = true;
    String offerIdPrefix = "offer";
    Resources offerSlice;

    AllocatorBuilder() {
    }

    public AllocatorBuilder allocationInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("allocation interval must be positive");
        }
        this.allocationInterval = interval;
        return this;
    }

    /** Parses {@code --min_allocatable_resources}, e.g. {@code cpus:0.01|mem:32}. */
    public AllocatorBuilder minAllocatable(String text) {
        this.minAllocatable = MinAllocatable.parse(text);
        return this;
    }

    public AllocatorBuilder minAllocatable(MinAllocatable min) {
        this.minAllocatable = min;
        return this;
    }

    public AllocatorBuilder roleSorter(SorterKind kind) {
        this.sorter = kind;
        return this;
    }

    public AllocatorBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Parses a {@code --roles} whitelist ({@code a,b}); {@code *} is added. */
    public AllocatorBuilder roleWhitelist(String roles) {
        this.whitelist = Roles.parseWhitelist(roles);
        return this;
    }

    public AllocatorBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public AllocatorBuilder offerTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("offer timeout must be > 0");
        }
        this.offerTimeout = timeout;
        return this;
    }

    public AllocatorBuilder filterGpuResources(boolean filter) {
        this.filterGpuResources = filter;
        return this;
    }

    public AllocatorBuilder maintenanceAwarePlacement(boolean on) {
        this.maintenanceAwarePlacement = on;
        return this;
    }

    public AllocatorBuilder offerIdPrefix(String prefix) {
        this.offerIdPrefix = prefix;
        return this;
    }

    /**
     * Opt-in fine-grained fairness: the unreserved scalars of an agent are offered in slices of (at
     * most) this quantity, e.g. {@code cpus:1;mem:4096}, each to the role (and framework) with the
     * lowest weighted dominant share at that moment; the slices a framework gets on one agent in one
     * run form one offer. Only unreserved scalars may be named; null turns slicing off (the default).
     */
    public AllocatorBuilder offerSlice(Resources slice) {
        if (slice != null) {
            if (slice.isEmpty()) {
                throw new IllegalArgumentException("offer slice must not be empty");
            }
            for (Resource r : slice.items()) {
                if (r.type() != ResourceType.SCALAR || !r.isUnreserved() || r.volume() != null) {
                    throw new IllegalArgumentException("offer slice may only name unreserved scalars, not " + r);
                }
            }
        }
        this.offerSlice = slice;
        return this;
    }

    /** Parses {@link #offerSlice(Resources)} from text, e.g. {@code cpus:1;mem:4096}; blank turns it off. */
    public AllocatorBuilder offerSlice(String text) {
        return offerSlice(text == null || text.isBlank() ? null : Resources.parse(text));
    }

    public Allocator build() {
        return new Allocator(this);
    }
}
