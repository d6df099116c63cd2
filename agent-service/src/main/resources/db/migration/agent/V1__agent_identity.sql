-- Agent ids assigned by the master, kept across agent restarts (one row per agent this process runs:
-- one for a real agent, N for a simulated fleet).
CREATE TABLE agent_identity (
  hostname    VARCHAR(255) NOT NULL,
  ip          VARCHAR(64)  NOT NULL,
  agent_id    VARCHAR(128) NOT NULL UNIQUE,
  assigned_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (hostname, ip)
);
