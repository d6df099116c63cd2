package io.drydock.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One resource in an offer: a scalar ({@code cpus}, {@code mem}, {@code disk}, {@code gpus}), ranges
 * ({@code ports}) or a set, possibly reserved and possibly a persistent volume.
 *
 * @param name the resource name
 * @param scalar the amount, for scalar resources
 * @param ranges the ranges, for range resources
 * @param set the items, for set resources
 * @param reservations the reservation stack, outermost first; empty for the unreserved {@code *} pool
 * @param volume the persistent volume this disk resource is, if any
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Resource(
    String name, Double scalar, List<Range> ranges, List<String> set, List<Reservation> reservations, Volume volume) {

  /** An inclusive range of values. */
  public record Range(long begin, long end) {}

  /**
   * One reservation of a resource.
   *
   * @param type {@code STATIC} or {@code DYNAMIC}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Reservation(String type, String role, String principal, Map<String, String> labels) {}

  /** A persistent volume carved from a disk resource. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Volume(String persistenceId, String containerPath, String principal) {}

  /** An unreserved scalar resource. */
  public static Resource scalar(String name, double value) {
    return new Resource(name, value, null, null, null, null);
  }
}
