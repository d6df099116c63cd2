-- Operator state of the registry: weights, quota, dynamic reservations and persistent volumes (per agent),
-- and the audit trail of every change to them.
CREATE TABLE role_weight (
  role       VARCHAR(1024)    PRIMARY KEY,
  weight     DOUBLE PRECISION NOT NULL,
  updated_at TIMESTAMPTZ      NOT NULL,
  updated_by VARCHAR(1024)
);

CREATE TABLE role_quota (
  role       VARCHAR(1024) PRIMARY KEY,
  guarantees TEXT          NOT NULL,
  limits     TEXT          NOT NULL,
  principal  VARCHAR(1024),
  updated_at TIMESTAMPTZ   NOT NULL
);

-- The dynamically reserved resources and persistent volumes of an agent, as a JSON array of Mesos Resource
-- objects (lossless: principals, labels, volume ids); applied on top of the agent's own resources when it
-- (re-)registers.
CREATE TABLE agent_reservation (
  agent_id   VARCHAR(255) PRIMARY KEY,
  resources  TEXT         NOT NULL,
  updated_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE operator_change (
  id        BIGSERIAL     PRIMARY KEY,
  at        TIMESTAMPTZ   NOT NULL,
  principal VARCHAR(1024),
  action    VARCHAR(64)   NOT NULL,
  object    VARCHAR(2048),
  detail    TEXT          NOT NULL
);
