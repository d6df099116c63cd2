package io.drydock.bench.yarn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.ResourceScheduler;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity.CapacityScheduler;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity.CapacitySchedulerConfiguration;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.fair.FairScheduler;

/** Scheduler configurations for {@link YarnRun}, set for throughput: every heartbeat may fill its node. */
final class YarnConfigs {

    private YarnConfigs() {
    }

    private static void common(Configuration conf) {
        // Mock nodes are named host0, host1 ...: NM tokens must not resolve them.
        conf.setBoolean("hadoop.security.token.service.use_ip", false);
        org.apache.hadoop.security.SecurityUtil.setTokenServiceUseIp(false);
        conf.setBoolean(YarnConfiguration.RM_SCHEDULER_INCLUDE_PORT_IN_NODE_NAME, true);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, Workload.NODE_MEM_MB);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES, Workload.NODE_CPUS);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 1024);
        conf.setBoolean(YarnConfiguration.RM_SCHEDULER_ENABLE_MONITORS, false);
        conf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 1);
    }

    /** FairScheduler: DRF policy everywhere, one queue per role with its weight, assign-multiple unbounded. */
    static Configuration fair(Workload w) throws IOException {
        Configuration conf = new YarnConfiguration();
        common(conf);
        conf.setClass(YarnConfiguration.RM_SCHEDULER, FairScheduler.class, ResourceScheduler.class);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<allocations>\n"
                + "  <defaultQueueSchedulingPolicy>drf</defaultQueueSchedulingPolicy>\n"
                + "  <queueMaxAMShareDefault>-1.0</queueMaxAMShareDefault>\n"
                + "  <queueMaxAppsDefault>1000000</queueMaxAppsDefault>\n");
        for (int q = 0; q < w.queues(); q++) {
            xml.append("  <queue name=\"").append(Workload.queue(q)).append("\"><weight>")
                    .append(Workload.weight(q)).append("</weight></queue>\n");
        }
        xml.append("</allocations>\n");
        Path file = Files.createTempFile("drydock-fair", ".xml");
        Files.writeString(file, xml);
        file.toFile().deleteOnExit();
        conf.set("yarn.scheduler.fair.allocation.file", file.toString());
        conf.setBoolean("yarn.scheduler.fair.assignmultiple", true);
        conf.setBoolean("yarn.scheduler.fair.dynamic.max.assign", false);
        conf.setInt("yarn.scheduler.fair.max.assign", -1);
        conf.setBoolean("yarn.scheduler.fair.user-as-default-queue", false);
        conf.setBoolean("yarn.scheduler.fair.allow-undeclared-pools", false);
        conf.setBoolean("yarn.scheduler.fair.preemption", false);
        conf.setBoolean("yarn.scheduler.fair.sizebasedweight", false);
        conf.setFloat("yarn.scheduler.fair.locality.threshold.node", -1f);
        conf.setFloat("yarn.scheduler.fair.locality.threshold.rack", -1f);
        return conf;
    }

    /** CapacityScheduler: queues in weight mode, DRF resource calculator, no locality delay, many off-switch assignments. */
    static Configuration capacity(Workload w) {
        CapacitySchedulerConfiguration conf = new CapacitySchedulerConfiguration();
        common(conf);
        conf.setClass(YarnConfiguration.RM_SCHEDULER, CapacityScheduler.class, ResourceScheduler.class);
        StringBuilder queues = new StringBuilder();
        for (int q = 0; q < w.queues(); q++) {
            String name = Workload.queue(q);
            queues.append(q == 0 ? "" : ",").append(name);
            String prefix = "yarn.scheduler.capacity.root." + name + ".";
            conf.set(prefix + "capacity", Workload.weight(q) + "w");
            conf.set(prefix + "maximum-capacity", "100");
            conf.set(prefix + "user-limit-factor", "100000");
            conf.set(prefix + "minimum-user-limit-percent", "100");
        }
        conf.set("yarn.scheduler.capacity.root.queues", queues.toString());
        conf.set("yarn.scheduler.capacity.root.capacity", "100");
        conf.set("yarn.scheduler.capacity.resource-calculator",
                "org.apache.hadoop.yarn.util.resource.DominantResourceCalculator");
        conf.set("yarn.scheduler.capacity.node-locality-delay", "-1");
        conf.set("yarn.scheduler.capacity.rack-locality-additional-delay", "-1");
        conf.set("yarn.scheduler.capacity.per-node-heartbeat.multiple-assignments-enabled", "true");
        conf.set("yarn.scheduler.capacity.per-node-heartbeat.maximum-container-assignments", "-1");
        conf.set("yarn.scheduler.capacity.per-node-heartbeat.maximum-offswitch-assignments", "1000");
        conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
        conf.set("yarn.scheduler.capacity.maximum-applications", "1000000");
        conf.set("yarn.scheduler.capacity.schedule-asynchronously.enable", "false");
        return conf;
    }

    /** MockRM sets the root logger to DEBUG (FACTS.md); Hadoop logs through log4j 1 (reload4j). */
    static void quietLogs() {
        org.apache.log4j.Logger.getRootLogger().setLevel(org.apache.log4j.Level.WARN);
    }
}
