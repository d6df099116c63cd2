package io.drydock.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) in this JVM, with its log
 * directory under the data directory, formatted on first start only. Public for the fault-injection tests
 * (reliability-tests), which stop it and start it again on the same ports and log directory.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker on {@code port} with its controller on {@code port + 1}. */
  static EmbeddedKafka start(Path logDir, int port) throws Exception {
    return start(logDir, port, port + 1);
  }

  /** Starts a broker on {@code port} with its controller on {@code controllerPort}; returns once it is up. */
  public static EmbeddedKafka start(Path logDir, int port, int controllerPort) throws Exception {
    Files.createDirectories(logDir);
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("num.partitions", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "true");
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8L * 1024 * 1024));
    KafkaConfig config = new KafkaConfig(props);

    if (!Files.exists(logDir.resolve("meta.properties"))) {
      new Formatter()
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDir.toString())
          .setDirectories(List.of(logDir.toString()))
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setIgnoreFormatted(true)
          .run();
    }
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    return new EmbeddedKafka(server, "localhost:" + port);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** A clean shutdown; returns once the broker has stopped. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
