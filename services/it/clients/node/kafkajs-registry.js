// Reads every Parley topic and publishes one article, with @kafkajs/confluent-schema-registry on
// kafkajs. Usage: node kafkajs-registry.js BOOTSTRAP REGISTRY_URL ARTICLE_ID
// Prints one JSON line: records decoded per topic. ThirdPartyClientsIT runs it; docs/subscribing.md shows it.
'use strict';
const { runExample } = require('./parley-topics');
// [kafkajs]
const { consumeParley, produceArticle } = require('./kafka-io');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');

function subscribe(kafka, registryUrl, onRecord) {
  const registry = new SchemaRegistry({ host: registryUrl });
  return consumeParley(kafka, (topic, bytes) => registry.decode(bytes), onRecord);
}

async function publishArticle(kafka, registryUrl, article) {
  const registry = new SchemaRegistry({ host: registryUrl });
  // the ingestor registered the Article schema; write with that latest version
  const schemaId = await registry.getLatestSchemaId('parley.articles-value');
  return produceArticle(kafka, article, (topic, value) => registry.encode(schemaId, value));
}
// [/kafkajs]

runExample('node-kafkajs', subscribe, publishArticle);
