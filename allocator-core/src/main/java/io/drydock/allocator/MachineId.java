package io.drydock.allocator;

import java.util.Locale;

/**
 * A machine: hostname and IP together, hostname compared case-insensitively (Mesos
 * {@code MachineID} equality). The hostname is stored lower-cased.
 */
public record MachineId(String hostname, String ip) {

    public MachineId {
        hostname = hostname == null ? null : hostname.toLowerCase(Locale.ROOT);
    }

    public static MachineId of(String hostname, String ip) {
        return new MachineId(hostname, ip);
    }
}
