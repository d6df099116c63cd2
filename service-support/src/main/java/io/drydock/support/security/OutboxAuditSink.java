package io.drydock.support.security;

import io.drydock.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs every audit record (logger {@code drydock.audit}) and appends it to the service's transactional
 * outbox in a transaction that commits before the audit filter returns: once a request has been handled its
 * record is durable, whether Kafka is up or not, and the outbox relay publishes it on the audit topic (plain
 * {@link AuditRecord} JSON keyed by principal, event id = record id) as soon as Kafka takes it. The request
 * thread never talks to Kafka. If PostgreSQL refuses the insert the failure is logged (the log line remains)
 * and the request is unaffected.
 */
public class OutboxAuditSink implements AuditSink {

  /** The {@code type} header of audit records on Kafka. */
  public static final String TYPE = "AuditRecord";

  private static final Logger audit = LoggerFactory.getLogger("drydock.audit");

  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final String topic;
  private final JsonMapper json = JsonMapper.builder().build();

  public OutboxAuditSink(Outbox outbox, TransactionTemplate transactions, String topic) {
    this.outbox = outbox;
    this.transactions = transactions;
    this.topic = topic;
  }

  @Override
  public void record(AuditRecord record) {
    KafkaAuditSink.log(record);
    try {
      Outbox.Message message = new Outbox.Message(topic, String.valueOf(record.principal()), record.id(), TYPE,
          json.writeValueAsString(record));
      transactions.executeWithoutResult(status -> outbox.appendMessage(message));
    } catch (RuntimeException e) {
      audit.warn("Audit record {} not stored in the outbox: {}", record.id(), e.getMessage());
    }
  }
}
