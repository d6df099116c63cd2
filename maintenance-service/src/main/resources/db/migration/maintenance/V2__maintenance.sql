-- Maintenance state (spec §1.7), plus what Mesos keeps only in memory: inverse-offer responses and the
-- machines known from registered agents. Machine identity is hostname (case-insensitive) plus ip, with
-- presence significant: machine_key encodes it unambiguously (see MachineKeys).

-- One row: the lock every change takes (SELECT ... FOR UPDATE) so replicas serialize, and the revision.
CREATE TABLE schedule_state (
  id          SMALLINT    PRIMARY KEY CHECK (id = 1),
  revision    BIGINT      NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL,
  updated_by  VARCHAR
);
INSERT INTO schedule_state (id, revision, updated_at) VALUES (1, 0, now());

-- Every scheduled machine, in schedule order; the schedule is these rows grouped by window.
CREATE TABLE machine (
  id                        BIGSERIAL   PRIMARY KEY,
  machine_key               VARCHAR     NOT NULL,
  hostname                  VARCHAR,
  ip                        VARCHAR,
  mode                      VARCHAR(16) NOT NULL CHECK (mode IN ('DRAINING', 'DOWN')),
  start_nanos               BIGINT      NOT NULL,
  duration_nanos            BIGINT,
  window_index              INTEGER     NOT NULL,
  machine_index             INTEGER     NOT NULL,
  unavailability_applied_at TIMESTAMPTZ NOT NULL,
  updated_at                TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX machine_key_unique ON machine (md5(machine_key));

-- Machines that ever had a registered agent: implicitly UP members of the machine map.
CREATE TABLE known_machine (
  id            BIGSERIAL   PRIMARY KEY,
  machine_key   VARCHAR     NOT NULL,
  hostname      VARCHAR,
  ip            VARCHAR,
  first_seen_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX known_machine_key_unique ON known_machine (md5(machine_key));

-- The latest answer of each framework for each agent of a draining machine.
CREATE TABLE inverse_offer_response (
  id                 BIGSERIAL   PRIMARY KEY,
  machine_id         BIGINT      NOT NULL REFERENCES machine (id) ON DELETE CASCADE,
  framework_id       VARCHAR     NOT NULL,
  agent_id           VARCHAR     NOT NULL,
  response           VARCHAR(16) NOT NULL CHECK (response IN ('ACCEPT', 'DECLINE')),
  responded_at_nanos BIGINT      NOT NULL,
  event_id           UUID        NOT NULL,
  UNIQUE (machine_id, framework_id, agent_id)
);

-- Who changed what, when and why.
CREATE TABLE audit_entry (
  id                BIGSERIAL   PRIMARY KEY,
  occurred_at       TIMESTAMPTZ NOT NULL,
  principal         VARCHAR,
  reason            VARCHAR,
  action            VARCHAR(64) NOT NULL,
  schedule_revision BIGINT      NOT NULL,
  changes           VARCHAR     NOT NULL
);
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);

-- Machine ids are Kafka keys of drydock.machine-state and Mesos puts no bound on hostnames.
ALTER TABLE outbox ALTER COLUMN record_key TYPE VARCHAR;
