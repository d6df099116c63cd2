package io.drydock.master.quota;

import io.drydock.allocator.AgentId;
import io.drydock.allocator.Offer;
import io.drydock.master.allocation.AllocationOperator;
import io.drydock.master.operation.ResourceCodec;
import io.drydock.master.operation.Usage;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The best-effort offer rescinds after a quota change (spec §4.2 step 8), on the allocation thread: first
 * offers of a role whose consumption (offers included) is above its new limits, until it no longer is; then
 * offers to roles without a guarantee, until the unreserved resources that are neither offered nor allocated
 * cover what the guarantees still miss. Other offers stay outstanding.
 */
final class QuotaRescinds {

  private QuotaRescinds() {}

  static int rescind(AllocationOperator op, Collection<QuotaConfig> updated, Map<String, QuotaConfig> all) {
    int rescinded = 0;
    for (QuotaConfig c : updated) {
      if (c.isDefault() || c.limits().isEmpty()) {
        continue;
      }
      for (Offer offer : op.offers()) {
        if (!exceeds(Usage.consumed(op, c.role()), c.limits())) {
          break;
        }
        if (Usage.inSubtree(offer.role(), c.role())) {
          op.rescind(offer.id());
          rescinded++;
        }
      }
    }
    Map<String, Double> missing = missingGuarantees(op, all.values());
    if (missing.isEmpty()) {
      return rescinded;
    }
    Map<String, Double> available = new TreeMap<>();
    for (AgentId agent : op.agents()) {
      Usage.add(available, ResourceCodec.quantities(op.allocator().free(agent).unreserved()), 1);
    }
    for (Offer offer : op.offers()) {
      if (!exceeds(missing, available)) {
        break;
      }
      if (!guaranteed(offer.role(), all.values())) {
        op.rescind(offer.id());
        Usage.add(available, ResourceCodec.quantities(offer.resources().unreserved()), 1);
        rescinded++;
      }
    }
    return rescinded;
  }

  /** Per resource, what the guarantees of all roles still miss beyond their consumption. */
  private static Map<String, Double> missingGuarantees(AllocationOperator op, Collection<QuotaConfig> all) {
    Map<String, Double> missing = new TreeMap<>();
    for (QuotaConfig c : all) {
      if (c.guarantees().isEmpty()) {
        continue;
      }
      Map<String, Double> consumed = Usage.consumed(op, c.role());
      c.guarantees().forEach((name, value) -> {
        double lack = value - consumed.getOrDefault(name, 0.0);
        if (lack > 1e-9) {
          missing.merge(name, lack, Double::sum);
        }
      });
    }
    return missing;
  }

  private static boolean guaranteed(String role, Collection<QuotaConfig> all) {
    return all.stream().anyMatch(c -> !c.guarantees().isEmpty() && Usage.inSubtree(role, c.role()));
  }

  /** True when some quantity exceeds its bound (names without a bound are unbounded). */
  static boolean exceeds(Map<String, Double> values, Map<String, Double> bounds) {
    for (Map.Entry<String, Double> e : values.entrySet()) {
      Double bound = bounds.get(e.getKey());
      if (e.getValue() > 0 && bound != null && e.getValue() > bound + 1e-9) {
        return true;
      }
    }
    return false;
  }
}
