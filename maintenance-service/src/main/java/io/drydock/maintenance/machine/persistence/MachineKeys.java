package io.drydock.maintenance.machine.persistence;

import io.drydock.events.MachineId;
import java.util.Locale;

/**
 * A machine's stored key: lower-cased hostname and exact ip, each length-prefixed with absence distinct
 * from the empty string ({@code h5:node1|i-}), so two ids share a key exactly when Mesos deems them equal.
 */
final class MachineKeys {

  private MachineKeys() {}

  static String of(MachineId id) {
    return part('h', id.hostname() == null ? null : id.hostname().toLowerCase(Locale.ROOT))
        + "|" + part('i', id.ip());
  }

  private static String part(char tag, String value) {
    return value == null ? tag + "-" : tag + String.valueOf(value.length()) + ":" + value;
  }
}
