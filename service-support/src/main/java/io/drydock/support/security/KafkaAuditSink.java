package io.drydock.support.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs every audit record (logger {@code drydock.audit}) and publishes it as JSON to the audit topic,
 * keyed by principal, for auth-service to store. A failed send is logged; the log line remains. Only for a
 * service with Kafka and no database: best effort (a crash loses unsent records, and a send waits up to the
 * producer's {@code max.block.ms} while the broker is unreachable). Services with a database use
 * {@link OutboxAuditSink}.
 */
public class KafkaAuditSink implements AuditSink {

  private static final Logger audit = LoggerFactory.getLogger("drydock.audit");

  private final KafkaTemplate<String, String> kafka;
  private final String topic;
  private final JsonMapper json = JsonMapper.builder().build();

  public KafkaAuditSink(KafkaTemplate<String, String> kafka, String topic) {
    this.kafka = kafka;
    this.topic = topic;
  }

  /** The audit log line every sink writes. */
  static void log(AuditRecord record) {
    audit.info("{} {} {} by {} -> {} {}", record.service(), record.method(), record.path(), record.principal(),
        record.status(), record.decision());
  }

  @Override
  public void record(AuditRecord record) {
    log(record);
    try {
      kafka.send(topic, String.valueOf(record.principal()), json.writeValueAsString(record))
          .whenComplete((result, error) -> {
            if (error != null) {
              audit.warn("Audit record {} not published: {}", record.id(), error.getMessage());
            }
          });
    } catch (RuntimeException e) {
      audit.warn("Audit record {} not published: {}", record.id(), e.getMessage());
    }
  }
}
