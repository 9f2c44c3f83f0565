// What the Node example clients share: reading until every Parley topic has given records and the
// topics have gone quiet, and an article that the extractor finds a position in.
'use strict';
const { Kafka, logLevel } = require('kafkajs');

const TOPICS = ['parley.articles', 'parley.positions', 'parley.position-state', 'parley.position-changes', 'parley.rejected'];
const QUIET_MS = 3000;
const GIVE_UP_MS = 90000;

/**
 * Starts a consumer through `subscribe(onRecord)` and resolves with the records decoded per topic,
 * once records came and then none for a few seconds (a topic may be empty: parley.rejected often is).
 */
async function readAllTopics(subscribe) {
  const counts = Object.fromEntries(TOPICS.map((t) => [t, 0]));
  let total = 0;
  let last = Date.now();
  const consumer = await subscribe((topic, key, value) => {
    if (typeof key !== 'string' && key !== null) throw new Error(`${topic}: key is not a string`);
    if (value !== null && typeof value !== 'object') throw new Error(`${topic}/${key}: value is not a record`);
    counts[topic] += 1;
    total += 1;
    last = Date.now();
  });
  const started = Date.now();
  while (!(total > 0 && Date.now() - last > QUIET_MS)) {
    if (Date.now() - started > GIVE_UP_MS) {
      await consumer.disconnect();
      throw new Error(`No record within ${GIVE_UP_MS} ms: is Parley up, and has it been given an article?`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await consumer.disconnect();
  return counts;
}

/** An article straight to parley.articles: every field of the Article schema, times in epoch millis. */
function sampleArticle(id, source) {
  const now = Date.now();
  return {
    id,
    headline: 'Kyiv rejects land swap, repeats call for security guarantees',
    body: `Ukraine's foreign minister said Kyiv rejects any land swap. (${source} ${id})`,
    url: null,
    source,
    publishedAt: now,
    ingestedAt: now,
    language: 'en',
    contentHash: '',
    fingerprint: [],
  };
}

/**
 * Runs one example client from the command line: BOOTSTRAP REGISTRY_URL ARTICLE_ID. Reads every
 * topic, publishes one article, prints the records decoded per topic as one JSON line.
 */
function runExample(name, subscribe, publishArticle) {
  const [bootstrap, registryUrl, articleId] = process.argv.slice(2);
  if (!articleId) {
    console.error(`Usage: node ${process.argv[1]} BOOTSTRAP REGISTRY_URL ARTICLE_ID, e.g. localhost:9092 http://localhost:8081 example-1`);
    process.exit(2);
  }
  const kafka = new Kafka({ clientId: `parley-${name}`, brokers: [bootstrap], logLevel: logLevel.WARN });
  readAllTopics((onRecord) => subscribe(kafka, registryUrl, onRecord))
    .then(async (counts) => {
      await publishArticle(kafka, registryUrl, sampleArticle(articleId, name));
      console.log(JSON.stringify(counts));
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}

module.exports = { runExample };
