package io.drydock.master.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding of {@code drydock.master.allocation.*} (no application context needed). */
class AllocationPropertiesTest {

  private static AllocationProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("drydock.master.allocation", AllocationProperties.class);
  }

  @Test
  void offerSlicesAreOffByDefault() {
    AllocationProperties p = bind(Map.of());
    assertThat(p.offerSlice()).isNull();
    assertThat(p.maintenanceAwarePlacement()).isTrue();
    assertThat(p.minAllocatable()).isEqualTo("cpus:0.01|mem:32");
  }

  @Test
  void anOfferSliceIsBoundFromItsProperty() {
    AllocationProperties p = bind(Map.of("drydock.master.allocation.offer-slice", "cpus:1;mem:4096"));
    assertThat(p.offerSlice()).isEqualTo("cpus:1;mem:4096");
  }
}
