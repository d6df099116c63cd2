package io.drydock.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP load balancer in front of the master replicas, as an operator would put one: each connection goes to
 * the first replica that accepts it, trying them in the given order. Agents and frameworks are given its
 * address, so they keep reaching a live replica (which answers, or redirects to the leader) whichever replica
 * is killed.
 */
final class MasterFront implements AutoCloseable {

  private final ServerSocket server;
  private final List<Integer> replicas;
  private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "master-front");
    t.setDaemon(true);
    return t;
  });

  private MasterFront(ServerSocket server, List<Integer> replicas) {
    this.server = server;
    this.replicas = List.copyOf(replicas);
  }

  static MasterFront start(int port, List<Integer> replicas) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress("localhost", port));
    MasterFront front = new MasterFront(server, replicas);
    front.pumps.execute(front::acceptLoop);
    return front;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        pumps.execute(() -> connect(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void connect(Socket client) {
    for (int port : replicas) {
      Socket replica = new Socket();
      try {
        replica.connect(new InetSocketAddress("localhost", port), 1_000);
      } catch (IOException refused) {
        closeQuietly(replica);
        continue;
      }
      pumps.execute(() -> pump(replica, client));
      pump(client, replica);
      return;
    }
    closeQuietly(client);
  }

  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // either side went away: close both below
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
    pumps.shutdownNow();
  }
}
