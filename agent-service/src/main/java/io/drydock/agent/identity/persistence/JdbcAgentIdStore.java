package io.drydock.agent.identity.persistence;

import io.drydock.agent.identity.AgentIdStore;
import io.drydock.agent.identity.MachineIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link AgentIdStore} over the {@code agent.agent_identity} table (one short statement per change). */
public class JdbcAgentIdStore implements AgentIdStore {

  private final JdbcTemplate jdbc;

  public JdbcAgentIdStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> find(MachineIdentity machine) {
    List<String> ids = jdbc.queryForList("SELECT agent_id FROM agent_identity WHERE hostname = ? AND ip = ?",
        String.class, machine.hostname(), machine.ip());
    return ids.stream().findFirst();
  }

  @Override
  public Map<MachineIdentity, String> findAll() {
    Map<MachineIdentity, String> all = new HashMap<>();
    jdbc.query("SELECT hostname, ip, agent_id FROM agent_identity", rs -> {
      all.put(new MachineIdentity(rs.getString(1), rs.getString(2)), rs.getString(3));
    });
    return all;
  }

  @Override
  public void save(MachineIdentity machine, String agentId) {
    // an id the master hands out is unique; if another machine held it (a wiped database), it moves here
    jdbc.update("DELETE FROM agent_identity WHERE agent_id = ? AND NOT (hostname = ? AND ip = ?)",
        agentId, machine.hostname(), machine.ip());
    jdbc.update("""
        INSERT INTO agent_identity (hostname, ip, agent_id) VALUES (?, ?, ?)
        ON CONFLICT (hostname, ip) DO UPDATE SET agent_id = EXCLUDED.agent_id, assigned_at = now()""",
        machine.hostname(), machine.ip(), agentId);
  }

  @Override
  public void forget(MachineIdentity machine) {
    jdbc.update("DELETE FROM agent_identity WHERE hostname = ? AND ip = ?", machine.hostname(), machine.ip());
  }
}
