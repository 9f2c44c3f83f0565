#!/usr/bin/python3
"""Reads every Parley topic and publishes one article with Debian's python3-confluent-kafka 1.7
and python3-avro: a plain Consumer and Producer, string keys, Avro values in the Confluent wire
format through confluent_kafka.avro's MessageSerializer (1.7's AvroConsumer would decode keys as
Avro too, and Parley's keys are plain strings).

Usage: /usr/bin/python3 parley_client.py BOOTSTRAP REGISTRY_URL ARTICLE_ID
Prints one JSON line: records decoded per topic. ThirdPartyClientsIT runs it; docs/subscribing.md shows it.
"""
import json
import os
import sys
import time
from datetime import datetime, timezone

TOPICS = ["parley.articles", "parley.positions", "parley.position-state", "parley.position-changes", "parley.rejected"]
QUIET_SECONDS = 3
GIVE_UP_SECONDS = 90

# [python]
from confluent_kafka import Consumer, Producer
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer


def subscribe(bootstrap, registry_url):
    values = MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))
    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": "my-app-%d" % os.getpid(),
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",
    })
    consumer.subscribe(["^parley\\..*"])
    return consumer, values


def decode(message, values):
    key = None if message.key() is None else message.key().decode("utf-8")  # plain UTF-8 strings, not Avro; None on parley.rejected
    value = None if message.value() is None else values.decode_message(message.value())  # None: tombstone
    return key, value


def publish_article(bootstrap, registry_url, article):
    registry = CachedSchemaRegistryClient({"url": registry_url})
    # the ingestor registered the Article schema; write with that latest version
    schema_id, _schema, _version = registry.get_latest_schema("parley.articles-value")
    value = MessageSerializer(registry).encode_record_with_schema_id(schema_id, article)
    # Java's partitioner (murmur2), so an article lands where the ingestor would put it
    producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "partitioner": "murmur2_random"})
    producer.produce("parley.articles", key=article["id"].encode("utf-8"), value=value)
    if producer.flush(30) > 0:
        raise RuntimeError("parley.articles did not acknowledge the article within 30 s")
# [/python]


def read_all_topics(bootstrap, registry_url):
    """Records decoded per topic, once records came and then none for a few seconds (a topic may be empty)."""
    consumer, values = subscribe(bootstrap, registry_url)
    counts = {topic: 0 for topic in TOPICS}
    started = last = time.monotonic()
    try:
        while not (sum(counts.values()) > 0 and time.monotonic() - last > QUIET_SECONDS):
            if time.monotonic() - started > GIVE_UP_SECONDS:
                raise RuntimeError("No record within %d s: is Parley up, and has it been given an article?" % GIVE_UP_SECONDS)
            message = consumer.poll(0.2)
            if message is None:
                continue
            if message.error():
                raise RuntimeError("%s: %s" % (message.topic(), message.error()))
            _key, value = decode(message, values)
            if value is not None and not isinstance(value, dict):
                raise RuntimeError("%s: value is not a record: %r" % (message.topic(), value))
            counts[message.topic()] += 1
            last = time.monotonic()
    finally:
        consumer.close()
    return counts


def sample_article(article_id, source):
    now = datetime.now(timezone.utc)
    return {
        "id": article_id,
        "headline": "Kyiv rejects land swap, repeats call for security guarantees",
        "body": "Ukraine's foreign minister said Kyiv rejects any land swap. (%s %s)" % (source, article_id),
        "url": None,
        "source": source,
        "publishedAt": now,
        "ingestedAt": now,
        "language": "en",
        "contentHash": "",
        # Debian's avro writes no defaults: every field of the Article schema is given
        "feed": "",
        "publishedAtEstimated": False,
        "fingerprint": [],
        "revision": int(now.timestamp() * 1000),
    }


def main(argv):
    if len(argv) != 4:
        sys.exit("Usage: %s BOOTSTRAP REGISTRY_URL ARTICLE_ID, e.g. localhost:9092 http://localhost:8081 example-1" % argv[0])
    bootstrap, registry_url, article_id = argv[1:]
    counts = read_all_topics(bootstrap, registry_url)
    publish_article(bootstrap, registry_url, sample_article(article_id, "python"))
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv)
