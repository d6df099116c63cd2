-- The transactional outbox (see io.drydock.support.outbox): agent-service publishes its audit records
-- (refused agent-protocol calls) through it, so they survive a Kafka outage and a crash.
CREATE TABLE outbox (
  seq         BIGSERIAL PRIMARY KEY,
  event_id    UUID          NOT NULL UNIQUE,
  topic       VARCHAR(249)  NOT NULL,
  record_key  VARCHAR(1024) NOT NULL,
  event_type  VARCHAR(100)  NOT NULL,
  payload     TEXT          NOT NULL,
  created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- The consumer ledger the shared outbox configuration expects (agent-service consumes no events yet).
CREATE TABLE processed_event (
  consumer     VARCHAR(100) NOT NULL,
  event_id     UUID         NOT NULL,
  processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
