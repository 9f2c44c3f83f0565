package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.Story;
import dev.parley.avro.StoryMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One track's stories, found and merged by lookup: each fingerprint band lists the articles that
 * have it by span of time ({@link BandBucket}), each article keeps its fingerprint once, names its
 * story, each story lists its articles. An arriving article joins (and so merges) every story that
 * holds a near-copy of it; a leaving article splits its story if it was the only link, by
 * regrouping that one story's articles. Work and reads are bounded by the articles published around
 * the one that comes or goes that share a fingerprint band with it, and by the copies of its story,
 * not by the position's whole history.
 */
final class StoryIndex {

  private final Track track;
  private final KeyValueStore<String, PositionContribution> contributions;
  private final KeyValueStore<String, Story> stories;
  private final KeyValueStore<String, String> index;
  private final KeyValueStore<String, byte[]> bands;
  private final Tally tally;

  StoryIndex(Track track, PositionStores stores, Tally tally) {
    this.track = track;
    this.contributions = stores.contributions();
    this.stories = stores.stories();
    this.index = stores.index();
    this.bands = stores.bands();
    this.tally = tally;
  }

  /** The id of the story the article belongs to: its earliest article. */
  String storyOf(String articleId) {
    return index.get(track.storyOf(articleId));
  }

  /** The story an arriving article joined, and the stories it merged into it. */
  record Joined(String id, Set<String> absorbed) {}

  Joined add(PositionContribution c) {
    Set<String> joined = new TreeSet<>();
    Set<String> copies = new HashSet<>();
    String id = c.getArticleId();
    byte[] fingerprint = PackedFingerprint.of(c.getFingerprint());
    // a copy shares most bands: compare each article once
    Map<String, Boolean> compared = new HashMap<>(Map.of(id, false));
    Instant at = c.getPublishedAt();
    long ownSpan = BandBucket.spanOf(at);
    long firstSpan = BandBucket.firstSpanAround(at);
    long lastSpan = BandBucket.lastSpanAround(at);
    BandBucket.Member arriving = new BandBucket.Member(at.toEpochMilli(), id);
    for (long band : StoryClusters.bands(c.getFingerprint())) {
      for (long span = firstSpan; span <= lastSpan; span++) {
        String key = track.band(band, span);
        byte[] bucket = bands.get(key);
        for (BandBucket.Member other : BandBucket.members(bucket)) {
          if (StoryClusters.withinCopyWindow(other.publishedMillis(), arriving.publishedMillis())
              && compared.computeIfAbsent(other.articleId(), o -> sameStory(fingerprint, o))) {
            copies.add(other.articleId());
          }
        }
        if (span == ownSpan) {
          byte[] withArriving = BandBucket.with(bucket, arriving);
          if (withArriving != bucket) {
            bands.put(key, withArriving);
          }
        }
      }
    }
    bands.put(track.fingerprint(id), fingerprint);
    for (String copy : copies) {
      joined.add(storyOf(copy));
    }
    List<StoryMember> members = new ArrayList<>(List.of(member(c)));
    Map<String, String> previousStory = new HashMap<>();
    for (String storyId : joined) {
      StoryView story = StoryView.of(stories.get(track.story(storyId)));
      forget(story);
      story.members().forEach(m -> previousStory.put(m.getArticleId(), storyId));
      members.addAll(story.members());
    }
    StoryView story = new StoryView(members);
    remember(story, previousStory);
    return new Joined(story.id(), joined);
  }

  void remove(PositionContribution c) {
    BandBucket.Member leaving =
        new BandBucket.Member(c.getPublishedAt().toEpochMilli(), c.getArticleId());
    long span = BandBucket.spanOf(c.getPublishedAt());
    for (long band : StoryClusters.bands(c.getFingerprint())) {
      String key = track.band(band, span);
      byte[] rest = BandBucket.without(bands.get(key), leaving);
      if (rest == null) {
        bands.delete(key);
      } else {
        bands.put(key, rest);
      }
    }
    bands.delete(track.fingerprint(c.getArticleId()));
    String storyId = storyOf(c.getArticleId());
    index.delete(track.storyOf(c.getArticleId()));
    StoryView story = StoryView.of(stories.get(track.story(storyId)));
    forget(story);
    List<PositionContribution> rest = new ArrayList<>();
    Map<String, StoryMember> membersById = new HashMap<>();
    Map<String, String> previousStory = new HashMap<>();
    for (StoryMember m : story.members()) {
      if (!m.getArticleId().equals(c.getArticleId())) {
        rest.add(contributions.get(track.contribution(m.getArticleId())));
        membersById.put(m.getArticleId(), m);
        previousStory.put(m.getArticleId(), storyId);
      }
    }
    // only a leaving article can disconnect its story: regroup the rest of that story alone
    for (List<PositionContribution> group : StoryClusters.of(rest).groups()) {
      remember(
          new StoryView(group.stream().map(a -> membersById.get(a.getArticleId())).toList()),
          previousStory);
    }
  }

  private boolean sameStory(byte[] fingerprint, String otherArticle) {
    byte[] other = bands.get(track.fingerprint(otherArticle));
    return other != null && PackedFingerprint.sameStory(fingerprint, other);
  }

  private void remember(StoryView story, Map<String, String> previousStory) {
    String id = story.id();
    stories.put(track.story(id), story.record());
    for (StoryMember m : story.members()) {
      if (!id.equals(previousStory.get(m.getArticleId()))) {
        index.put(track.storyOf(m.getArticleId()), id);
      }
    }
    tally.countStory(story, 1);
    for (int sign : new int[] {1, -1}) {
      story
          .latest(sign)
          .ifPresent(latest -> index.put(track.sideOfStories(sign).at(latest, id), id));
    }
  }

  private void forget(StoryView story) {
    String id = story.id();
    stories.delete(track.story(id));
    tally.countStory(story, -1);
    for (int sign : new int[] {1, -1}) {
      story
          .latest(sign)
          .ifPresent(latest -> index.delete(track.sideOfStories(sign).at(latest, id)));
    }
  }

  private static StoryMember member(PositionContribution c) {
    return new StoryMember(
        c.getArticleId(), c.getSource(), c.getPublishedAt(), c.getStance(), c.getConfidence());
  }
}
