-- The master's registry: frameworks, agents and tasks survive a master restart (agents re-register,
-- frameworks re-subscribe and reconcile).
CREATE TABLE framework (
  id                       VARCHAR(255)  PRIMARY KEY,
  name                     VARCHAR(1024) NOT NULL,
  principal                VARCHAR(1024),
  user_name                VARCHAR(1024),
  roles                    TEXT          NOT NULL,
  capabilities             TEXT          NOT NULL,
  failover_timeout_seconds DOUBLE PRECISION NOT NULL DEFAULT 0,
  registered_at            TIMESTAMPTZ   NOT NULL,
  removed_at               TIMESTAMPTZ
);

CREATE TABLE agent (
  id            VARCHAR(255)  PRIMARY KEY,
  hostname      VARCHAR(1024) NOT NULL,
  ip            VARCHAR(64)   NOT NULL,
  endpoint      VARCHAR(2048) NOT NULL,
  resources     TEXT          NOT NULL,
  attributes    TEXT          NOT NULL,
  registered_at TIMESTAMPTZ   NOT NULL,
  removed_at    TIMESTAMPTZ
);

CREATE INDEX agent_machine ON agent (lower(hostname), ip);

CREATE TABLE task (
  framework_id  VARCHAR(255)  NOT NULL,
  task_id       VARCHAR(1024) NOT NULL,
  agent_id      VARCHAR(255)  NOT NULL,
  name          VARCHAR(1024) NOT NULL,
  role          VARCHAR(1024) NOT NULL,
  resources     TEXT          NOT NULL,
  state         VARCHAR(40)   NOT NULL,
  reason        VARCHAR(100),
  message       TEXT,
  status_uuid   VARCHAR(100),
  updated_at    TIMESTAMPTZ   NOT NULL,
  PRIMARY KEY (framework_id, task_id)
);

CREATE INDEX task_agent ON task (agent_id);
