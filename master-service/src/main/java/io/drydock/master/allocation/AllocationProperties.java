package io.drydock.master.allocation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Allocation settings ({@code drydock.master.allocation.*}), Mesos's master flags.
 *
 * @param interval the periodic allocation interval, Mesos {@code --allocation_interval} (default 1 s)
 * @param offerTimeout how long an offer (or inverse offer) may stay outstanding before it is rescinded,
 *     Mesos {@code --offer_timeout} (default none: offers never time out)
 * @param roles the deprecated {@code --roles} whitelist, comma separated (default none: implicit roles)
 * @param minAllocatable Mesos {@code --min_allocatable_resources} (default {@code cpus:0.01|mem:32})
 * @param epoch the leader epoch stamped on events and offer ids (default 1)
 * @param maintenanceAwarePlacement Drydock only: offer agents draining soonest last, so that frameworks
 *     taking the first offers that fit avoid machines about to go down (default true; false gives
 *     Mesos's plain shuffled order)
 * @param offerSlice Drydock only, opt-in: offer agents a slice at a time (e.g. {@code cpus:1;mem:4096})
 *     to the role with the lowest weighted dominant share, so that shares move by a slice instead of an
 *     agent; unset or blank (the default) keeps Mesos's whole-agent offers
 */
@Validated
@ConfigurationProperties("drydock.master.allocation")
public record AllocationProperties(
    @NotNull @DefaultValue("1s") Duration interval,
    Duration offerTimeout,
    String roles,
    @NotNull @DefaultValue("cpus:0.01|mem:32") String minAllocatable,
    @DefaultValue("1") long epoch,
    @DefaultValue("true") boolean maintenanceAwarePlacement,
    String offerSlice) {}
