-- FrameworkInfo.maintenance_lookahead_seconds (beyond Mesos), kept so a recovered framework keeps it
-- until it re-subscribes.
ALTER TABLE framework ADD COLUMN maintenance_lookahead_millis BIGINT;
