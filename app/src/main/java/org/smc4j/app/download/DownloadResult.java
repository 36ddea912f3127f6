package org.smc4j.app.download;

import java.util.List;

/**
 * What {@link DownloadJob} did.
 *
 * @param downloads the instruments downloaded (or found up to date), in request order
 * @param failures the instruments that failed, in request order
 */
public record DownloadResult(List<SymbolDownload> downloads, List<DownloadFailure> failures) {

  /** Copies the lists. */
  public DownloadResult {
    downloads = List.copyOf(downloads);
    failures = List.copyOf(failures);
  }

  /** Returns whether an instrument failed. */
  public boolean failed() {
    return !failures.isEmpty();
  }
}
