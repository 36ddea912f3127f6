/**
 * Walk-forward analysis over the sweep: rolling or anchored train/test windows ({@link
 * org.smc4j.sweep.walkforward.WalkForwardScheme}), the best combination of each train window run on
 * the next test window, the stitched out-of-sample result beside the in-sample promise, and the
 * overfitting statistics of the whole grid ({@link org.smc4j.sweep.walkforward.WalkForward}).
 */
package org.smc4j.sweep.walkforward;
