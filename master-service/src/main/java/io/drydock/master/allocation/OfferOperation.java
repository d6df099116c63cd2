package io.drydock.master.allocation;

import io.drydock.allocator.resources.Resources;
import java.util.List;

/**
 * One operation of an ACCEPT, applied in the order the framework listed it: a LAUNCH of tasks, or a
 * conversion of offered resources (RESERVE, UNRESERVE, CREATE, DESTROY) that later operations of the same
 * ACCEPT can use. A conversion already found invalid by its caller carries the {@code problem} and is dropped.
 *
 * @param index the operation's position in {@code accept.operations}
 * @param from what a conversion consumes from the offers (null for LAUNCH)
 * @param to what a conversion gives back in their place
 * @param check checks a conversion against the role it was offered to and the agent's total at that point
 * @param problem why the operation is dropped without being applied, or null
 */
public record OfferOperation(int index, String type, List<TaskRequest> tasks, Resources from, Resources to,
    ConversionCheck check, String problem) {

  /**
   * A check of a conversion on the allocation thread, given the role the resources were offered to and the
   * agent's total at that point of the ACCEPT; a non-null answer drops the operation.
   */
  @FunctionalInterface
  public interface ConversionCheck {
    String problem(String allocationRole, Resources agentTotal);
  }

  public static OfferOperation launch(int index, List<TaskRequest> tasks) {
    return new OfferOperation(index, "LAUNCH", List.copyOf(tasks), null, null, null, null);
  }

  public static OfferOperation conversion(int index, String type, Resources from, Resources to,
      ConversionCheck check) {
    return new OfferOperation(index, type, List.of(), from, to, check, null);
  }

  public static OfferOperation dropped(int index, String type, String problem) {
    return new OfferOperation(index, type, List.of(), null, null, null, problem);
  }

  public boolean isLaunch() {
    return "LAUNCH".equals(type);
  }
}
