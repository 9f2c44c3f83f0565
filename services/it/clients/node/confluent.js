// Reads every Parley topic and publishes one article, with Confluent's @confluentinc/schemaregistry
// serdes on kafkajs. Usage: node confluent.js BOOTSTRAP REGISTRY_URL ARTICLE_ID
// Prints one JSON line: records decoded per topic. ThirdPartyClientsIT runs it; docs/subscribing.md shows it.
'use strict';
const { runExample } = require('./parley-topics');
// [confluent]
const { Partitioners } = require('kafkajs');
const { SchemaRegistryClient, AvroDeserializer, AvroSerializer, SerdeType } = require('@confluentinc/schemaregistry');

async function subscribe(kafka, registryUrl, onRecord) {
  const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  const values = new AvroDeserializer(registry, SerdeType.VALUE, {});
  const consumer = kafka.consumer({ groupId: `my-app-${process.pid}`, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [/^parley\..*/], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const key = message.key === null ? null : message.key.toString('utf8'); // plain UTF-8 strings, not Avro; null on parley.rejected
      const value = message.value === null ? null : await values.deserialize(topic, message.value); // null: tombstone
      onRecord(topic, key, value);
    },
  });
  return consumer;
}

async function publishArticle(kafka, registryUrl, article) {
  const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  // the ingestor registered the Article schema; write with that latest version, register nothing
  const values = new AvroSerializer(registry, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false });
  // Java's partitioner (murmur2), so an article lands where the ingestor would put it
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({
    topic: 'parley.articles',
    acks: -1,
    messages: [{ key: article.id, value: await values.serialize('parley.articles', article) }],
  });
  await producer.disconnect();
}
// [/confluent]

runExample('node-confluent', subscribe, publishArticle);
