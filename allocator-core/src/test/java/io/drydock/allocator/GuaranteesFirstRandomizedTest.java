package io.drydock.allocator;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

import io.drydock.allocator.quota.Quota;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuaranteesFirstRandomizedTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void guaranteesAreMetBeforeNonQuotaRolesGetResourcesWhenTheClusterCanMeetThem(long seed) {
        check(seed, new Scenario(b -> b.seed(seed)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void guaranteesAreMetFirstWithOfferSlicesToo(long seed) {
        check(seed, new Scenario(b -> b.seed(seed).offerSlice("cpus:1;mem:1024")));
    }

    private static void check(long seed, Scenario s) {
        Random rnd = new Random(seed);
        int agents = 10 + rnd.nextInt(30);
        long cpus = 0;
        for (int i = 0; i < agents; i++) {
            int c = 1 + rnd.nextInt(4);
            cpus += c;
            s.agent("a" + i, "cpus:" + c + ";mem:" + 1024 * c);
        }
        int quotaRoles = 1 + rnd.nextInt(4);
        long budget = cpus * 6 / 10;
        long[] guarantee = new long[quotaRoles];
        for (int i = 0; i < quotaRoles; i++) {
            guarantee[i] = Math.max(1, budget / quotaRoles - rnd.nextInt(2));
            s.framework("q" + i, "quota" + i);
            s.allocator.updateQuota("quota" + i, Quota.of("cpus:" + guarantee[i] + ";mem:" + 1024 * guarantee[i], ""));
        }
        for (int i = 0; i < 3; i++) {
            s.framework("free" + i, "aa" + i);
        }
        s.acceptAll(s.allocate());
        for (int i = 0; i < quotaRoles; i++) {
            double got = s.allocator.allocationsOf("quota" + i).values().stream().flatMap(List::stream).mapToDouble(r -> r.scalar("cpus")).sum();
            assertThat(got).as("quota%d guarantee", i).isGreaterThanOrEqualTo(guarantee[i]);
        }
    }
}
