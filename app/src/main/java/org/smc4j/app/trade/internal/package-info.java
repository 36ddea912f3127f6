/** Helpers of the paper bot: the JSON form of its saved broker and guard state. */
package org.smc4j.app.trade.internal;
