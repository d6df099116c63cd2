package io.drydock.maintenance.audit.persistence;

import io.drydock.events.MachineId;
import io.drydock.events.MachineMode;
import io.drydock.events.Unavailability;
import io.drydock.maintenance.audit.AuditEntry;
import io.drydock.maintenance.domain.MachineChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Audit entries in PostgreSQL; the machine changes of an entry are kept as a JSON array. */
@Component
public class AuditStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AuditEntryRepository repository;

  AuditStore(AuditEntryRepository repository) {
    this.repository = repository;
  }

  public void append(Instant occurredAt, String action, String principal, String reason, long revision,
      List<MachineChange> changes) {
    AuditEntryEntity entity = new AuditEntryEntity();
    entity.occurredAt = occurredAt;
    entity.action = action;
    entity.principal = principal;
    entity.reason = reason;
    entity.scheduleRevision = revision;
    entity.changes = write(changes);
    repository.save(entity);
  }

  public List<AuditEntry> recent(int limit, Long beforeId) {
    PageRequest page = PageRequest.of(0, limit);
    List<AuditEntryEntity> rows = beforeId == null
        ? repository.findAllByOrderByIdDesc(page)
        : repository.findByIdLessThanOrderByIdDesc(beforeId, page);
    return rows.stream().map(e -> new AuditEntry(e.id, e.occurredAt, e.action, e.principal, e.reason,
        e.scheduleRevision, read(e.changes))).toList();
  }

  private static String write(List<MachineChange> changes) {
    ArrayNode array = JSON.createArrayNode();
    for (MachineChange change : changes) {
      ObjectNode node = array.addObject();
      ObjectNode machine = node.putObject("machine");
      if (change.machine().hostname() != null) {
        machine.put("hostname", change.machine().hostname());
      }
      if (change.machine().ip() != null) {
        machine.put("ip", change.machine().ip());
      }
      node.put("previousMode", change.previousMode().name());
      node.put("mode", change.mode().name());
      if (change.unavailability() != null) {
        node.put("startNanos", change.unavailability().startNanos());
        if (change.unavailability().durationNanos() != null) {
          node.put("durationNanos", change.unavailability().durationNanos());
        }
      }
    }
    return JSON.writeValueAsString(array);
  }

  private static List<MachineChange> read(String text) {
    List<MachineChange> changes = new ArrayList<>();
    for (JsonNode node : JSON.readTree(text).values()) {
      JsonNode machine = node.get("machine");
      MachineId id = new MachineId(
          machine.hasNonNull("hostname") ? machine.get("hostname").stringValue() : null,
          machine.hasNonNull("ip") ? machine.get("ip").stringValue() : null);
      Unavailability unavailability = node.hasNonNull("startNanos")
          ? new Unavailability(node.get("startNanos").longValue(),
              node.hasNonNull("durationNanos") ? node.get("durationNanos").longValue() : null)
          : null;
      changes.add(new MachineChange(id, MachineMode.valueOf(node.get("previousMode").stringValue()),
          MachineMode.valueOf(node.get("mode").stringValue()), unavailability));
    }
    return changes;
  }
}
