package io.drydock.master.task.persistence;

import io.drydock.events.TaskState;
import io.drydock.master.task.Task;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tasks in the registry. */
@Repository
public class TaskStore {

  private static final String UPSERT = """
      INSERT INTO task (framework_id, task_id, agent_id, name, role, resources, state, reason, message,
                        status_uuid, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (framework_id, task_id) DO UPDATE SET agent_id = EXCLUDED.agent_id, name = EXCLUDED.name,
        role = EXCLUDED.role, resources = EXCLUDED.resources, state = EXCLUDED.state, reason = EXCLUDED.reason,
        message = EXCLUDED.message, status_uuid = EXCLUDED.status_uuid, updated_at = EXCLUDED.updated_at
      """;

  private final JdbcTemplate jdbc;

  TaskStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void saveAll(List<Task> tasks) {
    jdbc.batchUpdate(UPSERT, tasks, 500, (ps, t) -> {
      ps.setString(1, t.frameworkId());
      ps.setString(2, t.taskId());
      ps.setString(3, t.agentId());
      ps.setString(4, t.name());
      ps.setString(5, t.role());
      ps.setString(6, t.resources());
      ps.setString(7, t.state().name());
      ps.setString(8, t.reason());
      ps.setString(9, t.message());
      ps.setString(10, t.statusUuid());
      ps.setTimestamp(11, Timestamp.from(t.updatedAt()));
    });
  }

  /**
   * Writes the status fields (state, reason, message, status uuid, time) of tasks already stored, in one
   * statement: a status-update batch changes nothing else.
   */
  public void updateStatuses(List<Task> tasks) {
    if (tasks.isEmpty()) {
      return;
    }
    jdbc.update("""
        UPDATE task t SET state = u.state, reason = u.reason, message = u.message, status_uuid = u.status_uuid,
          updated_at = u.updated_at::timestamptz
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
          AS u(framework_id, task_id, state, reason, message, status_uuid, updated_at)
        WHERE t.framework_id = u.framework_id AND t.task_id = u.task_id
        """, ps -> {
          java.sql.Connection c = ps.getConnection();
          ps.setArray(1, c.createArrayOf("text", tasks.stream().map(Task::frameworkId).toArray()));
          ps.setArray(2, c.createArrayOf("text", tasks.stream().map(Task::taskId).toArray()));
          ps.setArray(3, c.createArrayOf("text", tasks.stream().map(t -> t.state().name()).toArray()));
          ps.setArray(4, c.createArrayOf("text", tasks.stream().map(Task::reason).toArray()));
          ps.setArray(5, c.createArrayOf("text", tasks.stream().map(Task::message).toArray()));
          ps.setArray(6, c.createArrayOf("text", tasks.stream().map(Task::statusUuid).toArray()));
          ps.setArray(7, c.createArrayOf("text", tasks.stream().map(t -> t.updatedAt().toString()).toArray()));
        });
  }

  public Optional<Task> find(String frameworkId, String taskId) {
    return jdbc.query("SELECT * FROM task WHERE framework_id = ? AND task_id = ?", TaskStore::map, frameworkId,
        taskId).stream().findFirst();
  }

  /** The known tasks among these keys, in one query. */
  public List<Task> findAll(Collection<Key> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    String[] frameworks = keys.stream().map(Key::frameworkId).toArray(String[]::new);
    String[] tasks = keys.stream().map(Key::taskId).toArray(String[]::new);
    return jdbc.query(
        "SELECT t.* FROM task t JOIN (SELECT DISTINCT * FROM unnest(?::text[], ?::text[])) AS k(framework_id, task_id)"
            + " ON t.framework_id = k.framework_id AND t.task_id = k.task_id",
        ps -> {
          ps.setArray(1, ps.getConnection().createArrayOf("text", frameworks));
          ps.setArray(2, ps.getConnection().createArrayOf("text", tasks));
        }, TaskStore::map);
  }

  /** A task's identity. */
  public record Key(String frameworkId, String taskId) {}

  public List<Task> findByAgent(String agentId) {
    return jdbc.query("SELECT * FROM task WHERE agent_id = ?", TaskStore::map, agentId);
  }

  public List<Task> findByFramework(String frameworkId) {
    return jdbc.query("SELECT * FROM task WHERE framework_id = ?", TaskStore::map, frameworkId);
  }

  public List<Task> findAll() {
    return jdbc.query("SELECT * FROM task", TaskStore::map);
  }

  private static Task map(ResultSet rs, int row) throws SQLException {
    return new Task(rs.getString("framework_id"), rs.getString("task_id"), rs.getString("agent_id"),
        rs.getString("name"), rs.getString("role"), rs.getString("resources"), TaskState.valueOf(rs.getString("state")),
        rs.getString("reason"), rs.getString("message"), rs.getString("status_uuid"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
