package dev.parley.extractor;

import dev.parley.common.ServiceMain;

/** Runs the extractor alone, configured from the environment. */
public final class ExtractorMain {

  private ExtractorMain() {}

  public static void main(String[] args) {
    ServiceMain.run(ExtractorService::start);
  }
}
