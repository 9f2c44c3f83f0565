// Reads every Parley topic and publishes one article, with Confluent's @confluentinc/schemaregistry
// serdes on kafkajs. Usage: node confluent.js BOOTSTRAP REGISTRY_URL ARTICLE_ID
// Prints one JSON line: records decoded per topic. ThirdPartyClientsIT runs it; docs/subscribing.md shows it.
'use strict';
const { runExample } = require('./parley-topics');
// [confluent]
const { consumeParley, produceArticle } = require('./kafka-io');
const { SchemaRegistryClient, AvroDeserializer, AvroSerializer, SerdeType } = require('@confluentinc/schemaregistry');

function subscribe(kafka, registryUrl, onRecord) {
  const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const values = new AvroDeserializer(registry, SerdeType.VALUE, {});
  return consumeParley(kafka, (topic, bytes) => values.deserialize(topic, bytes), onRecord);
}

function publishArticle(kafka, registryUrl, article) {
  const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  // the ingestor registered the Article schema; write with that latest version, register nothing
  const values = new AvroSerializer(registry, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false });
  return produceArticle(kafka, article, (topic, value) => values.serialize(topic, value));
}
// [/confluent]

runExample('node-confluent', subscribe, publishArticle);
