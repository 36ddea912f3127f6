/**
 * Output folders of a run: {@link org.smc4j.backtest.output.OutputFolder} locks a folder for one
 * run, lets the run write its files into a hidden staging folder beside it (each file under a
 * temporary name, renamed when complete) and swaps the staging folder in when the run commits, so
 * the folder always holds one complete run: the previous one or the new one, never a mix. {@link
 * org.smc4j.backtest.output.RunInfo} names the run (id, start time, process, command line).
 */
package org.smc4j.backtest.output;
