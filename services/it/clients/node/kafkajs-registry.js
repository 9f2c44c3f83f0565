// Reads every Parley topic and publishes one article, with @kafkajs/confluent-schema-registry on
// kafkajs. Usage: node kafkajs-registry.js BOOTSTRAP REGISTRY_URL ARTICLE_ID
// Prints one JSON line: records decoded per topic. ThirdPartyClientsIT runs it; docs/subscribing.md shows it.
'use strict';
const { runExample } = require('./parley-topics');
// [kafkajs]
const { Partitioners } = require('kafkajs');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');

async function subscribe(kafka, registryUrl, onRecord) {
  const registry = new SchemaRegistry({ host: registryUrl });
  const consumer = kafka.consumer({ groupId: `my-app-${process.pid}`, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [/^parley\..*/], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const key = message.key === null ? null : message.key.toString('utf8'); // plain UTF-8 strings, not Avro; null on parley.rejected
      const value = message.value === null ? null : await registry.decode(message.value); // null: tombstone
      onRecord(topic, key, value);
    },
  });
  return consumer;
}

async function publishArticle(kafka, registryUrl, article) {
  const registry = new SchemaRegistry({ host: registryUrl });
  // the ingestor registered the Article schema; write with that latest version
  const schemaId = await registry.getLatestSchemaId('parley.articles-value');
  // Java's partitioner (murmur2), so an article lands where the ingestor would put it
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({
    topic: 'parley.articles',
    acks: -1,
    messages: [{ key: article.id, value: await registry.encode(schemaId, article) }],
  });
  await producer.disconnect();
}
// [/kafkajs]

runExample('node-kafkajs', subscribe, publishArticle);
