package dev.parley.registry.server;

/**
 * The record the registry tests register, as its first version and a second that adds a field with
 * a default (backward compatible). Tests that need a breaking version write it beside these, in the
 * same namespace.
 */
final class QuoteSchemas {

  static final String V1 =
      """
      {"type":"record","name":"Quote","namespace":"quotes","fields":[{"name":"text","type":"string"}]}""";

  static final String V2 =
      """
      {"type":"record","name":"Quote","namespace":"quotes","fields":[{"name":"text","type":"string"},
       {"name":"speaker","type":"string","default":""}]}""";

  private QuoteSchemas() {}
}
