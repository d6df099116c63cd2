package io.drydock.allocator.resources;

/**
 * Persistent-volume info on a {@code disk} resource. A volume is indivisible: it is added, offered
 * and subtracted whole, and adding the same persistence id twice is a double count.
 *
 * @param persistenceId the volume id, unique per agent
 * @param principal who created it, may be null
 * @param containerPath mount path inside the container, may be null
 * @param readWrite true for RW, false for RO
 */
public record Volume(String persistenceId, String principal, String containerPath, boolean readWrite) {

    public Volume {
        if (persistenceId == null || persistenceId.isEmpty()) {
            throw new IllegalArgumentException("Persistent volume needs a non-empty persistence id");
        }
    }
}
