package org.smc4j.benchmarks.trade;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that hands every request to a real one and remembers, per exchange, the
 * {@link System#nanoTime()} at which the request left the calling code (the call of {@code send})
 * and at which its answer was back. The OKX client sends through it unchanged.
 */
final class CapturingHttpClient extends HttpClient {

  /**
   * One request and its answer.
   *
   * @param method the HTTP method
   * @param path the path without query
   * @param sentNanos when {@code send} was called
   * @param answeredNanos when the answer was read
   */
  record Exchange(String method, String path, long sentNanos, long answeredNanos) {}

  private final HttpClient delegate;
  private final List<Exchange> exchanges = new ArrayList<>();

  CapturingHttpClient(HttpClient delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Returns every exchange so far, oldest first. */
  synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Forgets the exchanges so far. */
  synchronized void clear() {
    exchanges.clear();
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    long sent = System.nanoTime();
    HttpResponse<T> response = delegate.send(request, handler);
    long answered = System.nanoTime();
    synchronized (this) {
      exchanges.add(new Exchange(request.method(), request.uri().getPath(), sent, answered));
    }
    return response;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    throw new UnsupportedOperationException("the OKX client sends synchronously");
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    throw new UnsupportedOperationException("the OKX client sends synchronously");
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
