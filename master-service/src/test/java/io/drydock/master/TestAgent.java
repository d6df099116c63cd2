package io.drydock.master;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An agent's HTTP side in a test: records every launch, kill and shutdown the master sends and answers 202. */
public final class TestAgent implements AutoCloseable {

  /** One call from the master. */
  public record Received(String path, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public TestAgent() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(exchange.getRequestURI().getPath(), body));
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Received> received(String pathSuffix) {
    return received.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
