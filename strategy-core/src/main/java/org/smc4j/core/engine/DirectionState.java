package org.smc4j.core.engine;

import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.internal.FvgBook;
import org.smc4j.core.engine.internal.SwingWindow;
import org.smc4j.core.structure.Direction;
import org.smc4j.core.structure.SwingType;

/**
 * The state of one side of the market, shared by the stages: the bearish instance sees negated
 * prices ({@code -low} as high, {@code -high} as low), so every stage runs the bullish rules for
 * both sides. The windows and gap books are fed by the engine; the break candidate belongs to
 * {@link BreakStage}, the latest 5m swing and the new-gap flag to {@link EntryStage}.
 */
final class DirectionState {

  final int sign;
  final Direction direction;
  final SwingType swingType;
  final SwingWindow w15;
  final SwingWindow w5;
  final FvgBook fvg15;
  final FvgBook fvg5;

  /** Break candidate: the most recent 15m swing, unbroken (see {@link BreakStage}). */
  boolean hasCandidate;

  double candidateLevel;
  int candidateIndex;
  long candidateTime;
  int candidateRun;
  double candidateMinLow;
  int candidateMinLowIndex;
  long candidateMinLowTime;

  /** The latest 5m swing, the MSS reference (see {@link EntryStage}). */
  boolean hasSwing5;

  double swing5Level;
  int swing5Index;
  int swing5KnownAt;

  /** Whether the current 5m bar completes a valid 5m gap on this side. */
  boolean newFvg;

  DirectionState(Direction direction, StrategyConfig config, boolean emitFvg15) {
    this.direction = direction;
    this.sign = direction.sign();
    this.swingType = direction == Direction.BULLISH ? SwingType.HIGH : SwingType.LOW;
    StrategyConfig.Swings swings = config.swings();
    this.w15 = new SwingWindow(swings.m15().left(), swings.m15().right());
    this.w5 = new SwingWindow(swings.m5().left(), swings.m5().right());
    this.fvg15 = new FvgBook(Timeframe.M15, direction, emitFvg15);
    this.fvg5 = new FvgBook(Timeframe.M5, direction, true);
  }
}
