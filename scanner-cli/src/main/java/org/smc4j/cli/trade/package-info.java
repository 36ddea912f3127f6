/**
 * {@code smc4j trade} subcommands that read and write the bot's execution journal: {@code trade
 * status} (open trades, working orders, today's realised and committed loss, kill-switch state) and
 * {@code trade stop} (trip or clear the kill switch of a running bot, which applies it on its next
 * reconciliation).
 */
package org.smc4j.cli.trade;
