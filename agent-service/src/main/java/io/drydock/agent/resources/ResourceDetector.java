package io.drydock.agent.resources;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Detects a machine's resources as a Mesos agent does: every CPU; memory minus 1 GiB left to the system
 * (half when there is less than 2 GiB); the work directory's disk minus 5 GiB (half below 10 GiB); ports
 * {@code [31000-32000]}. Values in MB, as Mesos reports them.
 */
public final class ResourceDetector {

  private static final long MB = 1024L * 1024;
  private static final long GB = 1024 * MB;

  private ResourceDetector() {}

  /** Detected {@code cpus}, {@code mem}, {@code disk} and {@code ports}, as Mesos resource values. */
  public static Map<String, String> detect(Path workDir) {
    Map<String, String> detected = new LinkedHashMap<>();
    detected.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    long memory = totalMemory();
    if (memory > 0) {
      detected.put("mem", Long.toString(leaveForSystem(memory, GB) / MB));
    }
    long disk = totalDisk(workDir);
    if (disk > 0) {
      detected.put("disk", Long.toString(leaveForSystem(disk, 5 * GB) / MB));
    }
    detected.put("ports", "[31000-32000]");
    return detected;
  }

  private static long leaveForSystem(long total, long reserve) {
    return total >= 2 * reserve ? total - reserve : total / 2;
  }

  private static long totalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }

  private static long totalDisk(Path workDir) {
    Path dir = workDir.toAbsolutePath();
    while (dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    try {
      return dir == null ? 0 : Files.getFileStore(dir).getTotalSpace();
    } catch (IOException e) {
      return 0;
    }
  }
}
