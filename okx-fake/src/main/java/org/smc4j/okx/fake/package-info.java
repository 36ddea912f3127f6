/**
 * Test support: a fake OKX v5 REST server ({@link org.smc4j.okx.fake.FakeOkxServer}) with signature
 * checks, fixture-served public endpoints, a scriptable exchange state ({@link
 * org.smc4j.okx.fake.FakeExchange}) and one injected {@link org.smc4j.okx.fake.Fault} per request
 * from a {@link org.smc4j.okx.fake.FaultScript}. Depends on Jackson and the JDK's {@code
 * com.sun.net.httpserver} only; use it in test scope.
 */
package org.smc4j.okx.fake;
