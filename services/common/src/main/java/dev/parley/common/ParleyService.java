package dev.parley.common;

import java.net.URI;

/** A running Parley service: where it listens, whether it is ready, and how to stop it. */
public interface ParleyService extends AutoCloseable {

  String name();

  /** Base URL of the service's HTTP endpoint (health, readiness, metrics, its API). */
  URI httpAddress();

  /** Ready to do its work: for a Streams app, its Kafka Streams client is RUNNING. */
  boolean isReady();

  @Override
  void close();
}
