package org.smc4j.core.structure;

/** Whether a break of structure continues the previous break's direction or turns against it. */
public enum BreakType {
  /** Break of structure: the same direction as the previous break (or the first break seen). */
  BOS,
  /** Change of character: against the direction of the previous break. */
  CHOCH
}
