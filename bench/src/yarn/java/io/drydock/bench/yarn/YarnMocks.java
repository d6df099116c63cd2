package io.drydock.bench.yarn;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.server.resourcemanager.RMContext;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.attempt.RMAppAttemptMetrics;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.attempt.RMAppAttempt;
import org.apache.hadoop.yarn.util.Records;

/**
 * Stand-ins for the RM's application state machines, so the schedulers can be driven directly
 * (FACTS.md: mock the {@code RMApp}/{@code RMAppAttempt} interfaces, not {@code RMAppImpl}). Events
 * sent to them are dropped; getters return the ids, an unmanaged-AM submission context (no AM
 * container is accounted, the same for both schedulers), or empty values.
 */
final class YarnMocks {

    private YarnMocks() {
    }

    static RMApp app(ApplicationId appId, ApplicationAttemptId attemptId, String queue, RMContext rmContext) {
        ApplicationSubmissionContext context = Records.newRecord(ApplicationSubmissionContext.class);
        context.setApplicationId(appId);
        context.setQueue(queue);
        context.setUnmanagedAM(true);
        RMAppAttempt attempt = proxy(RMAppAttempt.class, Map.of(
                "getAppAttemptId", attemptId, "getSubmissionContext", context,
                "getRMAppAttemptMetrics", new RMAppAttemptMetrics(attemptId, rmContext)));
        return proxy(RMApp.class, Map.of(
                "getApplicationId", appId, "getApplicationSubmissionContext", context,
                "getCurrentAppAttempt", attempt, "getRMAppAttempt", attempt, "getQueue", queue, "getUser", "bench"));
    }

    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, m, args) -> {
            Object answer = answers.get(m.getName());
            if (answer != null) {
                return answer;
            }
            switch (m.getName()) {
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                case "toString":
                    return type.getSimpleName() + answers.get("getApplicationId");
                default:
                    return empty(m.getReturnType());
            }
        }));
    }

    private static Object empty(Class<?> t) {
        if (t == boolean.class) {
            return false;
        }
        if (t == int.class) {
            return 0;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == float.class) {
            return 0f;
        }
        if (t == double.class) {
            return 0d;
        }
        if (t == Map.class) {
            return Collections.emptyMap();
        }
        if (t == Set.class) {
            return Collections.emptySet();
        }
        if (t == List.class || t == java.util.Collection.class) {
            return Collections.emptyList();
        }
        return null;
    }
}
