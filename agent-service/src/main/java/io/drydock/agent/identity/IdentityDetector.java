package io.drydock.agent.identity;

import io.drydock.agent.InvalidAgentConfigurationException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Map;

/**
 * Finds this machine's identity: the configured hostname / IP, else Kubernetes's {@code NODE_NAME} /
 * {@code HOST_IP} (a DaemonSet passes them from {@code spec.nodeName} and {@code status.hostIP}), else
 * the local hostname and the first non-loopback IPv4 address of an interface that is up.
 */
public final class IdentityDetector {

  private final Map<String, String> env;

  public IdentityDetector(Map<String, String> env) {
    this.env = env;
  }

  public MachineIdentity detect(String hostname, String ip) {
    String host = firstNonBlank(hostname, env.get("NODE_NAME"));
    String address = firstNonBlank(ip, env.get("HOST_IP"));
    try {
      return new MachineIdentity(host != null ? host : localHostname(), address != null ? address : localIp());
    } catch (IllegalArgumentException e) {
      throw new InvalidAgentConfigurationException("drydock.agent.ip", e.getMessage());
    }
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b != null && !b.isBlank() ? b.trim() : null;
  }

  private static String localHostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String localIp() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
            return address.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      // fall through to loopback
    }
    return "127.0.0.1";
  }
}
