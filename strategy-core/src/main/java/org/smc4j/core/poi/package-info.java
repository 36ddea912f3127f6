/**
 * Points of interest (STRATEGY.md section 5): {@link org.smc4j.core.poi.PointOfInterest} and {@link
 * org.smc4j.core.poi.PoiDeathReason}. The engine reports a POI's life as {@link
 * org.smc4j.core.engine.PoiArmedEvent}, {@link org.smc4j.core.engine.PoiTappedEvent} and {@link
 * org.smc4j.core.engine.PoiDeadEvent}.
 */
package org.smc4j.core.poi;
