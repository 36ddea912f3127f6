/** Implementation helpers of the sweep: the seeded index permutation and the CSV cell codec. */
package org.smc4j.sweep.internal;
