package io.drydock.master.quota;

import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.resources.Resource;
import io.drydock.allocator.resources.ResourceQuantities;
import java.util.Map;
import java.util.TreeMap;

/**
 * A role's quota: guarantees and limits by resource name ({@code QuotaConfig}); names absent from limits are
 * unlimited. A legacy quota has guarantees equal to limits.
 *
 * @param principal who set it (legacy {@code QuotaInfo.principal}), may be null
 */
public record QuotaConfig(String role, Map<String, Double> guarantees, Map<String, Double> limits,
    String principal) {

  public QuotaConfig {
    guarantees = java.util.Collections.unmodifiableMap(new TreeMap<>(guarantees));
    limits = java.util.Collections.unmodifiableMap(new TreeMap<>(limits));
  }

  public boolean isDefault() {
    return guarantees.isEmpty() && limits.isEmpty();
  }

  /** The allocator's form. */
  public Quota toQuota() {
    return new Quota(quantities(guarantees), quantities(limits));
  }

  private static ResourceQuantities quantities(Map<String, Double> values) {
    Map<String, Long> millis = new TreeMap<>();
    values.forEach((n, v) -> millis.put(n, Resource.toMillis(v)));
    return new ResourceQuantities(millis);
  }
}
