/**
 * Instrument reference data shared by every module: the {@link
 * org.smc4j.core.instrument.ContractSpec} record a venue publishes for one contract, its {@link
 * org.smc4j.core.instrument.ContractType} and {@link org.smc4j.core.instrument.InstrumentState},
 * and {@link org.smc4j.core.instrument.Liquidity} (maker or taker). Plain values: reading them from
 * files or an exchange happens in the modules that do I/O.
 */
package org.smc4j.core.instrument;
