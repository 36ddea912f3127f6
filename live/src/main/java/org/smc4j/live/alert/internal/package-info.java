/**
 * Implementation helpers of the alert sinks: multipart bodies, text splitting, secret redaction and
 * the retrying HTTP call. Not an API: only {@code org.smc4j.live.alert} uses them.
 */
package org.smc4j.live.alert.internal;
