-- Master high availability (io.drydock.master.leader): the leader row, whose epoch is the fencing token,
-- and the trigger that refuses every registry write and outbox append not made under the current epoch.
-- One row per election lock (drydock.master.election-lock): replicas contending for the same lock.
CREATE TABLE leader (
    id    BIGINT PRIMARY KEY,
    epoch BIGINT NOT NULL,
    host  TEXT,
    port  INT,
    since TIMESTAMPTZ
);
INSERT INTO leader (id, epoch) VALUES (5050, 0);

-- The session setting '<lock>:<epoch>' is set by FencedDataSources on every connection of the master. FOR SHARE: an election
-- (UPDATE leader) waits for the writes in flight, so the new leader's recovery sees all that committed.
CREATE FUNCTION fence_leader_epoch() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
BEGIN
    PERFORM 1 FROM leader
     WHERE epoch > 0 AND id::text || ':' || epoch::text = current_setting('drydock.master_epoch', true)
       FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Not the leading master: epoch % is not the current leader epoch',
            coalesce(current_setting('drydock.master_epoch', true), 'none')
            USING ERRCODE = 'DD001';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER fence_framework BEFORE INSERT OR UPDATE OR DELETE ON framework
    FOR EACH STATEMENT EXECUTE FUNCTION fence_leader_epoch();
CREATE TRIGGER fence_agent BEFORE INSERT OR UPDATE OR DELETE ON agent
    FOR EACH STATEMENT EXECUTE FUNCTION fence_leader_epoch();
CREATE TRIGGER fence_task BEFORE INSERT OR UPDATE OR DELETE ON task
    FOR EACH STATEMENT EXECUTE FUNCTION fence_leader_epoch();
CREATE TRIGGER fence_role_weight BEFORE INSERT OR UPDATE OR DELETE ON role_weight
    FOR EACH STATEMENT EXECUTE FUNCTION fence_leader_epoch();
CREATE TRIGGER fence_role_quota BEFORE INSERT OR UPDATE OR DELETE ON role_quota
    FOR EACH STATEMENT EXECUTE FUNCTION fence_leader_epoch();
CREATE TRIGGER fence_agent_reservation BEFORE INSERT OR UPDATE OR DELETE ON agent_reservation
    FOR EACH STATEMENT EXECUTE FUNCTION fence_leader_epoch();
CREATE TRIGGER fence_operator_change BEFORE INSERT OR UPDATE OR DELETE ON operator_change
    FOR EACH STATEMENT EXECUTE FUNCTION fence_leader_epoch();
-- the relay of any replica may delete what it published; only appends are the leader's
CREATE TRIGGER fence_outbox BEFORE INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION fence_leader_epoch();
