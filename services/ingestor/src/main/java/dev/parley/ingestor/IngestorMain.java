package dev.parley.ingestor;

import dev.parley.common.ServiceMain;

/** Runs the ingestor alone, configured from the environment. */
public final class IngestorMain {

  private IngestorMain() {}

  public static void main(String[] args) {
    ServiceMain.run(IngestorService::start);
  }
}
