/**
 * {@code smc4j scan}: the picocli command ({@link org.smc4j.cli.scan.ScanCommand}) over the live
 * module's scan loop, its logging set-up and the alert chart renderer it injects.
 */
package org.smc4j.cli.scan;
