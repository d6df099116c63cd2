package io.drydock.master.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * Elects the leader among the master replicas: the replica that holds the session-level PostgreSQL advisory
 * lock {@link LeaderProperties#electionLock()} on a dedicated connection leads. The first attempt is made as
 * the context starts (a lone master leads before it is ready); a follower tries again every
 * {@link LeaderProperties#electionInterval()}, a leader checks its connection as often.
 *
 * <p>On winning, the replica increments the epoch in the {@code leader} row (waiting for the old leader's
 * writes in flight), records its address there, stamps the new epoch on its connections
 * ({@link FencedDataSources}), publishes {@link LeaderElected} (recovery from the registry), starts the
 * {@link LeaderOnly} components and only then answers as leader. On losing the connection it stops acting at
 * once (components stopped, 503 to clients). If it takes the lock back and the epoch is still its own
 * (nobody led meanwhile, e.g. PostgreSQL restarted), it resumes; if another replica led meanwhile its
 * memory is stale, and it closes its context, as a Mesos master aborts when it loses leadership.
 */
final class LeaderElection implements Leadership, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

  private final DataSource dataSource;
  private final FencedDataSources fencing;
  private final ObjectProvider<LeaderOnly> components;
  private final ApplicationEventPublisher events;
  private final ConfigurableApplicationContext context;
  private final LeaderProperties properties;
  private final Environment environment;
  private final Clock clock;

  private ScheduledExecutorService thread;
  private Connection connection;
  private volatile boolean leader;
  private volatile boolean everLed;
  private volatile long epoch;
  private volatile Optional<LeaderAddress> known = Optional.empty();
  private LeaderAddress self;
  private List<LeaderOnly> started = List.of();

  LeaderElection(DataSource dataSource, FencedDataSources fencing, ObjectProvider<LeaderOnly> components,
      ApplicationEventPublisher events, ConfigurableApplicationContext context, LeaderProperties properties,
      Environment environment, Clock clock) {
    this.dataSource = dataSource;
    this.fencing = fencing;
    this.components = components;
    this.events = events;
    this.context = context;
    this.properties = properties;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public boolean isLeader() {
    return leader;
  }

  @Override
  public long epoch() {
    return epoch;
  }

  @Override
  public Optional<LeaderAddress> leader() {
    return leader ? Optional.of(self) : known;
  }

  // ---- lifecycle: after the web server (its port is known), before the components it starts ----------

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1000;
  }

  @Override
  public synchronized void start() {
    self = new LeaderAddress(advertisedHost(), environment.getProperty("local.server.port", Integer.class,
        environment.getProperty("server.port", Integer.class, 5050)));
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "leader-election");
      t.setDaemon(true);
      return t;
    });
    try {
      thread.submit(this::tick).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.warn("The first leader election failed", e.getCause());
    }
    long millis = properties.electionInterval().toMillis();
    thread.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (thread == null) {
      return;
    }
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
    if (leader) {
      leader = false;
      log.info("Leading master (epoch {}) stopping: releasing the leader lock", epoch);
      depose("the replica is stopping");
    }
    known = Optional.empty();
    closeConnection();
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  // ---- the election thread -----------------------------------------------------------------------

  private void tick() {
    try {
      if (connection == null || !connection.isValid(2)) {
        closeConnection();
        if (leader) {
          depose("the connection holding the leader lock was lost");
        }
        connection = open();
      }
      if (leader) {
        return;
      }
      if (tryLock()) {
        won();
      } else {
        known = readLeader();
      }
    } catch (SQLException | RuntimeException e) {
      if (leader) {
        depose("the leader lock could not be checked: " + e);
      }
      known = Optional.empty();
      closeConnection();
      log.debug("Leader election attempt failed: {}", e.toString());
    }
  }

  private void won() throws SQLException {
    if (!everLed) {
      long newEpoch;
      try (PreparedStatement s = connection.prepareStatement(
          "INSERT INTO leader (id, epoch) VALUES (?, 0) ON CONFLICT (id) DO NOTHING")) {
        s.setLong(1, properties.electionLock());
        s.executeUpdate();
      }
      try (PreparedStatement s = connection.prepareStatement(
          "UPDATE leader SET epoch = epoch + 1, host = ?, port = ?, since = ? WHERE id = ? RETURNING epoch")) {
        s.setString(1, self.host());
        s.setInt(2, self.port());
        s.setObject(3, java.sql.Timestamp.from(clock.instant()));
        s.setLong(4, properties.electionLock());
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          newEpoch = rs.getLong(1);
        }
      }
      epoch = newEpoch;
      fencing.fence(properties.electionLock(), newEpoch);
      everLed = true;
      log.info("Elected leading master at {}:{} with epoch {}; recovering from the registry", self.host(),
          self.port(), newEpoch);
      events.publishEvent(new LeaderElected(newEpoch));
      lead();
      return;
    }
    long current = readEpoch();
    if (current == epoch) {
      log.info("Took the leader lock back with epoch {} unchanged; resuming", epoch);
      lead();
    } else {
      log.error("Deposed: replica led with epoch {} but epoch {} was elected meanwhile; closing this replica",
          epoch, current);
      closeConnection();
      Thread closer = new Thread(context::close, "deposed-master-close");
      closer.start();
      thread.shutdown();
    }
  }

  private void lead() {
    List<LeaderOnly> all = components.orderedStream()
        .sorted(Comparator.comparingInt(LeaderOnly::getPhase)).toList();
    for (LeaderOnly c : all) {
      if (!c.isRunning()) {
        c.start();
      }
    }
    started = all;
    leader = true;
    known = Optional.of(self);
  }

  private void depose(String why) {
    if (leader) {
      log.error("No longer the leading master (epoch {}): {}", epoch, why);
    }
    leader = false;
    known = Optional.empty();
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).stop();
      } catch (RuntimeException e) {
        log.warn("Could not stop {}", started.get(i), e);
      }
    }
  }

  private boolean tryLock() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, properties.electionLock());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private long readEpoch() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT epoch FROM leader WHERE id = ?")) {
      s.setLong(1, properties.electionLock());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private Optional<LeaderAddress> readLeader() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT host, port FROM leader WHERE id = ?")) {
      s.setLong(1, properties.electionLock());
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next() && rs.getString(1) != null) {
          return Optional.of(new LeaderAddress(rs.getString(1), rs.getInt(2)));
        }
        return Optional.empty();
      }
    }
  }

  /** A connection of its own (not pooled): the lock lives and dies with it. */
  private Connection open() throws SQLException {
    try {
      com.zaxxer.hikari.HikariDataSource hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
      Properties props = new Properties();
      props.putAll(hikari.getDataSourceProperties());
      if (hikari.getUsername() != null) {
        props.setProperty("user", hikari.getUsername());
      }
      if (hikari.getPassword() != null) {
        props.setProperty("password", hikari.getPassword());
      }
      props.setProperty("ApplicationName", "drydock-master-election");
      props.setProperty("connectTimeout", "5");
      props.setProperty("socketTimeout", "10");
      props.setProperty("tcpKeepAlive", "true");
      Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), props);
      if (hikari.getSchema() != null) {
        c.setSchema(hikari.getSchema());
      }
      return c;
    } catch (SQLException notHikari) {
      return dataSource.getConnection();
    }
  }

  private void closeConnection() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("Closing the election connection: {}", e.toString());
      }
    }
  }

  private String advertisedHost() {
    if (properties.advertisedHost() != null && !properties.advertisedHost().isBlank()) {
      return properties.advertisedHost();
    }
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name == null || name.isBlank() ? "localhost" : name;
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
