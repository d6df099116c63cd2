-- The transactional outbox (see io.drydock.support.outbox) and the consumer ledger.
CREATE TABLE outbox (
  seq         BIGSERIAL PRIMARY KEY,
  event_id    UUID          NOT NULL UNIQUE,
  topic       VARCHAR(249)  NOT NULL,
  record_key  VARCHAR(1024) NOT NULL,
  event_type  VARCHAR(100)  NOT NULL,
  payload     TEXT          NOT NULL,
  created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE processed_event (
  consumer     VARCHAR(100) NOT NULL,
  event_id     UUID         NOT NULL,
  processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
