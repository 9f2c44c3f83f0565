// The Kafka side of the Node example clients, the same whatever serdes decode and encode the values:
// a consumer of every Parley topic and a producer of one article. confluent.js and kafkajs-registry.js
// require it; docs/subscribing.md shows it.
'use strict';
// [node-kafka]
const { Partitioners } = require('kafkajs');

// Reads every Parley topic from its beginning, committed records only; decodeValue(topic, bytes)
// turns a value's Avro bytes (Confluent wire format) into an object.
async function consumeParley(kafka, decodeValue, onRecord) {
  const consumer = kafka.consumer({ groupId: `my-app-${process.pid}`, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [/^parley\..*/], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const key = message.key === null ? null : message.key.toString('utf8'); // plain UTF-8 strings, not Avro; null on parley.rejected
      const value = message.value === null ? null : await decodeValue(topic, message.value); // null: tombstone
      onRecord(topic, key, value);
    },
  });
  return consumer;
}

// Writes one article to parley.articles, keyed by its id; encodeValue(topic, article) gives its bytes.
async function produceArticle(kafka, article, encodeValue) {
  // Java's partitioner (murmur2), so an article lands where the ingestor would put it
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({
    topic: 'parley.articles',
    acks: -1,
    messages: [{ key: article.id, value: await encodeValue('parley.articles', article) }],
  });
  await producer.disconnect();
}
// [/node-kafka]

module.exports = { consumeParley, produceArticle };
