package org.smc4j.exchange.okx.model;

import java.util.Objects;
import java.util.Set;

/**
 * The account configuration ({@code GET /api/v5/account/config}) the pre-flight checks.
 *
 * @param uid the user id
 * @param mainUid the main account's user id (differs for a sub-account)
 * @param acctLv the account mode
 * @param posMode the position mode
 * @param perm the key's permissions ({@code read_only}, {@code trade}, {@code withdraw})
 * @param ip bound IP addresses, empty if none
 * @param label the key's label
 * @param ctIsoMode isolated margin transfer mode for contracts
 */
public record AccountConfig(
    String uid,
    String mainUid,
    AccountLevel acctLv,
    PositionMode posMode,
    Set<String> perm,
    String ip,
    String label,
    String ctIsoMode) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException when a component is null
   */
  public AccountConfig {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(mainUid, "mainUid");
    Objects.requireNonNull(acctLv, "acctLv");
    Objects.requireNonNull(posMode, "posMode");
    perm = Set.copyOf(Objects.requireNonNull(perm, "perm"));
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(ctIsoMode, "ctIsoMode");
  }

  /** Tells whether the key may trade. */
  public boolean canTrade() {
    return perm.contains("trade");
  }
}
