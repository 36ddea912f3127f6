package org.smc4j.live.alert.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks on the URLs secrets are sent to. */
public final class Endpoints {

  private Endpoints() {}

  /**
   * Whether a secret may be sent to the URI: https anywhere, plain http only to a loopback address
   * (a local Bot API server, a test receiver), so a typo cannot send a token in clear text.
   *
   * @param uri an absolute URI
   * @return {@code null} when acceptable, else the reason (naming scheme and host only)
   */
  public static String insecureReason(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      return "has no host";
    }
    if (scheme.equals("https")) {
      return null;
    }
    if (scheme.equals("http") && isLoopback(host)) {
      return null;
    }
    return "must use https (plain http only for a loopback host), was scheme '"
        + scheme
        + "' host '"
        + host
        + "'";
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses are checked; a name other than localhost is never resolved here.
    boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6 = h.contains(":") && h.matches("[0-9A-Fa-f:.]+");
    if (!ipv4 && !ipv6) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
