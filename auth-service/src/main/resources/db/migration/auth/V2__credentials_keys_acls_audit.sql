-- Principals and their hashed secrets (Spring Security's delegating encoder: "{bcrypt}$2a$...").
CREATE TABLE credential (
  principal   VARCHAR(255) PRIMARY KEY,
  secret_hash VARCHAR(500) NOT NULL,
  created_at  TIMESTAMPTZ  NOT NULL,
  updated_at  TIMESTAMPTZ  NOT NULL
);

-- The JWT signing key, shared by every replica and kept across restarts. One active row.
CREATE TABLE signing_key (
  kid         VARCHAR(100) PRIMARY KEY,
  private_key TEXT         NOT NULL,
  public_key  TEXT         NOT NULL,
  created_at  TIMESTAMPTZ  NOT NULL
);

-- Every version of the ACL document; the highest revision is in force.
CREATE TABLE acl_revision (
  revision    BIGINT       PRIMARY KEY,
  document    TEXT         NOT NULL,
  changed_by  VARCHAR(255),
  changed_at  TIMESTAMPTZ  NOT NULL
);

-- Audit of authenticated writes in every service (consumed from drydock.audit).
CREATE TABLE audit_record (
  id          UUID         PRIMARY KEY,
  at          TIMESTAMPTZ  NOT NULL,
  service     VARCHAR(100) NOT NULL,
  principal   VARCHAR(255),
  method      VARCHAR(10)  NOT NULL,
  path        VARCHAR(2048) NOT NULL,
  status      INT          NOT NULL,
  decision    VARCHAR(20)  NOT NULL
);
CREATE INDEX audit_record_at ON audit_record (at DESC);
CREATE INDEX audit_record_principal ON audit_record (principal, at DESC);
