package io.drydock.allocator;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drydock.allocator.quota.Quota;
import io.drydock.allocator.resources.Resources;
import org.junit.jupiter.api.Test;

class QuotaTest {

    private static double allocated(Scenario s, String role, String resource) {
        return s.allocator.allocationsOf(role).values().stream().flatMap(List::stream).mapToDouble(r -> r.scalar(resource)).sum();
    }

    @Test
    void guaranteesAreMetBeforeNonQuotaRolesGetAnything() {
        Scenario s = new Scenario();
        for (int i = 0; i < 4; i++) {
            s.agent("a" + i, "cpus:2;mem:2048");
        }
        s.framework("greedy", "aaa");
        s.framework("q", "quota");
        s.allocator.updateQuota("quota", Quota.of("cpus:6;mem:6144", ""));
        s.allocate();
        assertThat(allocated(s, "quota", "cpus")).isGreaterThanOrEqualTo(6);
        assertThat(allocated(s, "aaa", "cpus")).isLessThanOrEqualTo(2);
    }

    @Test
    void agentsAreChoppedToTheUnmetGuaranteeAndTheRestHeldForOtherGuarantees() {
        Scenario s = new Scenario().agent("a1", "cpus:4;mem:4096").agent("a2", "cpus:4;mem:4096");
        s.framework("f1", "r1").framework("f2", "r2").framework("other", "zz");
        s.allocator.updateQuota("r1", Quota.of("cpus:3;mem:3072", ""));
        s.allocator.updateQuota("r2", Quota.of("cpus:3;mem:3072", ""));
        s.allocate();
        assertThat(allocated(s, "r1", "cpus")).isGreaterThanOrEqualTo(3);
        assertThat(allocated(s, "r2", "cpus")).isGreaterThanOrEqualTo(3);
        assertThat(allocated(s, "zz", "cpus")).isLessThanOrEqualTo(2);
    }

    @Test
    void aQuotaLimitIsNeverExceededEvenWithFreeResources() {
        Scenario s = new Scenario();
        for (int i = 0; i < 5; i++) {
            s.agent("a" + i, "cpus:4;mem:4096");
        }
        s.framework("f", "capped");
        s.allocator.updateQuota("capped", Quota.of("", "cpus:6;mem:100000"));
        for (int round = 0; round < 5; round++) {
            s.acceptAll(s.allocate());
        }
        assertThat(allocated(s, "capped", "cpus")).isLessThanOrEqualTo(6);
        assertThat(allocated(s, "capped", "cpus")).isEqualTo(6);
    }

    @Test
    void legacyQuotaGuaranteeIsAlsoTheLimitAndASecondCycleAllocatesNothing() {
        Scenario s = new Scenario();
        for (int i = 0; i < 10; i++) {
            s.agent("a" + i, "cpus:2;mem:2048;disk:2048");
        }
        for (int i = 0; i < 5; i++) {
            s.framework("f" + i, "role" + i);
            s.allocator.updateQuota("role" + i, Quota.legacy("cpus:1;mem:1024;disk:1024"));
        }
        Plan first = s.allocate();
        assertThat(first.offers()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(s.allocator.allocationsOf("role" + i).values()).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).singleElement()
                    .isEqualTo(Resources.parse("cpus:1;mem:1024;disk:1024"));
        }
        assertThat(s.allocate().offers()).isEmpty();
    }

    @Test
    void quotaOnNestedRolesIsRejected() {
        assertThatThrownBy(() -> new Scenario().allocator.updateQuota("a/b", Quota.of("cpus:1", "")))
                .hasMessageContaining("nested");
    }
}
