package io.drydock.master.leader;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Tags every connection the master takes from its {@link DataSource} with this replica's epoch (the
 * session setting {@code drydock.master_epoch}, {@code <lock>:<epoch>}). The registry tables and the outbox have a trigger
 * ({@code fence_leader_epoch}, migration V4_2) that refuses any write whose session epoch is not the epoch
 * of the {@code leader} row, read {@code FOR SHARE}: a deposed leader (or a follower) can change nothing,
 * and an election waits for the old leader's transactions in flight, so the new leader's recovery sees
 * every write that committed. The setting is sent only when a pooled connection's epoch is stale.
 */
public final class FencedDataSources implements BeanPostProcessor {

  static final String SETTING = "drydock.master_epoch";

  private final AtomicReference<String> token = new AtomicReference<>("none");

  /** The token ({@code <lock>:<epoch>}) stamped on connections from now on. */
  void fence(long lock, long epoch) {
    token.set(lock + ":" + epoch);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof Fenced)) {
      return new Fenced(dataSource, token);
    }
    return bean;
  }

  /** The master's data source, with the epoch on every connection. */
  static final class Fenced extends DelegatingDataSource {
    private final AtomicReference<String> token;
    private final Map<Connection, String> tagged = Collections.synchronizedMap(new WeakHashMap<>());

    Fenced(DataSource target, AtomicReference<String> token) {
      super(target);
      this.token = token;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return tag(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return tag(super.getConnection(username, password));
    }

    private Connection tag(Connection connection) throws SQLException {
      String current = token.get();
      Connection physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class)
          : connection;
      if (!current.equals(tagged.get(physical))) {
        try (Statement s = connection.createStatement()) {
          s.execute("SELECT set_config('" + SETTING + "', '" + current + "', false)");
        } catch (SQLException e) {
          connection.close();
          throw e;
        }
        tagged.put(physical, current);
      }
      return connection;
    }
  }
}
