/** Implementation helpers of the contract spec readers: a small JSON reader. */
package org.smc4j.marketdata.spec.internal;
