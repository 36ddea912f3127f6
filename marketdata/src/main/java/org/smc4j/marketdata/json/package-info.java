/**
 * A small JSON reader with no third-party dependency ({@link org.smc4j.marketdata.json.JsonReader}
 * into {@link org.smc4j.marketdata.json.JsonValue}), for the offline OKX files this module reads
 * (instrument specs). Keeping Jackson out of {@code marketdata} keeps it out of the sweep modules,
 * whose Spark runner pins its own Jackson.
 */
package org.smc4j.marketdata.json;
