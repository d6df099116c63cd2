package io.drydock.master.role;

import java.util.List;
import java.util.Map;

/**
 * One known role as {@code /roles} shows it; quantities by resource name, subtree totals.
 *
 * @param quota guarantees and limits (empty maps for the default quota) and consumption
 */
public record RoleSummary(String name, double weight, List<String> frameworks, Map<String, Double> allocated,
    Map<String, Double> offered, Map<String, Double> reserved, Map<String, Double> guarantee,
    Map<String, Double> limit, Map<String, Double> consumed) {}
