/**
 * What the pipeline decided about a signal when it did not take it: the sealed {@link
 * org.smc4j.trading.decision.SkipReason}, stored as data in the journal and counted by kind in
 * summaries and reports.
 */
package org.smc4j.trading.decision;
