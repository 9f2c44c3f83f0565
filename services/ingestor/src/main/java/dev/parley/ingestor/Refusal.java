package dev.parley.ingestor;

/**
 * One refused request as {@code parley.rejected} keeps it: what was sent, by which feed, and what
 * the sender was told.
 */
record Refusal(int status, String reason, String contentType, String payload, String feed) {}
