/**
 * The {@code sweep} and {@code walkforward} commands: a YAML sweep spec read with errors naming the
 * key path, a progress bar, the best combinations printed and a self-contained HTML page.
 */
package org.smc4j.cli.sweep;
