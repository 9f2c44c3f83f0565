package dev.parley.registry.server;

import dev.parley.common.ServiceMain;

/** Runs the schema registry alone, configured from the environment. */
public final class RegistryMain {

  private RegistryMain() {}

  public static void main(String[] args) {
    ServiceMain.run(RegistryServer::start);
  }
}
