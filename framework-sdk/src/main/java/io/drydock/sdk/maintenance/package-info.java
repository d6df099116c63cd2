/**
 * The maintenance-aware default policy: {@link io.drydock.sdk.maintenance.MaintenancePolicy} decides
 * placement against machines' unavailability and answers inverse offers by moving tasks once
 * (replacement first, then kill, then accept); {@link io.drydock.sdk.maintenance.MaintenanceActions}
 * performs its decisions on a driver.
 */
package io.drydock.sdk.maintenance;
