package io.drydock.auth.audit.messaging;

import io.drydock.auth.audit.persistence.AuditStore;
import io.drydock.support.security.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Stores the audit records every service publishes on {@code drydock.audit}. */
@Component
class AuditListener {

  private static final Logger log = LoggerFactory.getLogger(AuditListener.class);
  private final JsonMapper json = JsonMapper.builder().build();
  private final AuditStore store;

  AuditListener(AuditStore store) {
    this.store = store;
  }

  @KafkaListener(topics = "${drydock.security.audit-topic:drydock.audit}", groupId = "auth-service-audit",
      properties = "auto.offset.reset=earliest")
  void onRecord(String value) {
    try {
      store.insert(json.readValue(value, AuditRecord.class));
    } catch (JacksonException | IllegalArgumentException e) {
      log.warn("Ignoring an unreadable audit record: {}", e.getMessage());
    }
  }
}
