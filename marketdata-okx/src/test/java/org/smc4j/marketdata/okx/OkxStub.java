package org.smc4j.marketdata.okx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.smc4j.core.testing.SharedData;

/**
 * A local stand-in for {@code https://www.okx.com} on 127.0.0.1 (JDK HttpServer, port 0): per path
 * either a queue of scripted responses (the last one repeats) or a handler computing the answer
 * from the query. Records every request with the stub clock's time.
 */
final class OkxStub implements AutoCloseable {

  /** One scripted answer. */
  record Reply(int status, String body, long delayMillis) {
    static Reply ok(String body) {
      return new Reply(200, body, 0);
    }

    static Reply status(int status, String body) {
      return new Reply(status, body, 0);
    }

    static Reply slow(long delayMillis, String body) {
      return new Reply(200, body, delayMillis);
    }
  }

  /** One received request. */
  record Request(String path, Map<String, String> query, long atMillis) {}

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: ~40 ms per request instead of well under 1 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Function<Map<String, String>, Reply>> handlers =
      new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final InstantSource clock;

  OkxStub(InstantSource clock) {
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers {@code path} with these replies in turn, repeating the last. */
  OkxStub script(String path, Reply... replies) {
    scripts.put(path, new ArrayDeque<>(List.of(replies)));
    return this;
  }

  /** Answers {@code path} by computing a reply from the query. */
  OkxStub handle(String path, Function<Map<String, String>, Reply> handler) {
    handlers.put(path, handler);
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
    requests.add(new Request(path, query, clock.millis()));
    Reply reply = next(path, query);
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(reply.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException clientGone) {
      // The client timed out and closed the connection: nothing to answer.
    } finally {
      exchange.close();
    }
  }

  private Reply next(String path, Map<String, String> query) {
    Function<Map<String, String>, Reply> handler = handlers.get(path);
    if (handler != null) {
      return handler.apply(query);
    }
    Deque<Reply> script = scripts.get(path);
    if (script == null) {
      return Reply.status(404, "{\"code\":\"404\",\"msg\":\"no stub for " + path + "\"}");
    }
    synchronized (script) {
      return script.size() > 1 ? script.pollFirst() : script.peekFirst();
    }
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.put(key, value);
    }
    return query;
  }

  /** Returns a fixture body from {@code ../shared/okx-fixtures}, skipping the test if absent. */
  static String fixture(String name) {
    Path p = SharedData.requireShared("okx-fixtures/" + name);
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
