package dev.parley.aggregator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The articles of one fingerprint band published in one span of {@link #SPAN}, as one store value:
 * each article's published time and id, in time order. An arriving article's copies were published
 * within a copy window of it, so they are in the one or two spans around it: a read by key or two,
 * where a range read of the band by time opened a RocksDB iterator, the aggregator's largest cost.
 */
final class BandBucket {

  /**
   * Eight copy windows: an article more than a window from both ends of its span (three in four)
   * finds its copies with one read per band, and a span holds the copies of eight days at most.
   */
  static final Duration SPAN = StoryClusters.COPY_WINDOW.multipliedBy(8);

  /** One article of a bucket. */
  record Member(long publishedMillis, String articleId) {}

  private BandBucket() {}

  /** The span of an article published at {@code at}. */
  static long spanOf(Instant at) {
    return Math.floorDiv(at.toEpochMilli(), SPAN.toMillis());
  }

  /** The first span that may hold an article within a copy window of {@code at}. */
  static long firstSpanAround(Instant at) {
    return spanOf(at.minus(StoryClusters.COPY_WINDOW));
  }

  /** The last span that may hold an article within a copy window of {@code at}. */
  static long lastSpanAround(Instant at) {
    return spanOf(at.plus(StoryClusters.COPY_WINDOW));
  }

  static List<Member> members(byte[] bucket) {
    List<Member> members = new ArrayList<>();
    if (bucket == null) {
      return members;
    }
    ByteBuffer in = ByteBuffer.wrap(bucket);
    while (in.hasRemaining()) {
      long millis = in.getLong();
      byte[] id = new byte[in.getShort() & 0xFFFF];
      in.get(id);
      members.add(new Member(millis, new String(id, StandardCharsets.UTF_8)));
    }
    return members;
  }

  /** {@code bucket} with {@code member} in its place in time order (once, however often added). */
  static byte[] with(byte[] bucket, Member member) {
    List<Member> members = members(bucket);
    int at = 0;
    while (at < members.size() && before(members.get(at), member)) {
      at++;
    }
    if (at < members.size() && members.get(at).equals(member)) {
      return bucket;
    }
    members.add(at, member);
    return pack(members);
  }

  /** {@code bucket} without {@code member}, or null when nothing is left. */
  static byte[] without(byte[] bucket, Member member) {
    List<Member> members = members(bucket);
    members.remove(member);
    return members.isEmpty() ? null : pack(members);
  }

  private static boolean before(Member a, Member b) {
    return a.publishedMillis() < b.publishedMillis()
        || (a.publishedMillis() == b.publishedMillis()
            && a.articleId().compareTo(b.articleId()) < 0);
  }

  private static byte[] pack(List<Member> members) {
    List<byte[]> ids =
        members.stream().map(m -> m.articleId().getBytes(StandardCharsets.UTF_8)).toList();
    ByteBuffer out =
        ByteBuffer.allocate(
            ids.stream().mapToInt(id -> Long.BYTES + Short.BYTES + id.length).sum());
    for (int i = 0; i < members.size(); i++) {
      byte[] id = ids.get(i);
      if (id.length > 0xFFFF) {
        throw new IllegalArgumentException(
            "An article id of " + id.length + " bytes is longer than the band index keeps");
      }
      out.putLong(members.get(i).publishedMillis()).putShort((short) id.length).put(id);
    }
    return out.array();
  }
}
