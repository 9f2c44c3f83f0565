package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.Story;
import dev.parley.avro.StoryMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One track's stories, found and merged by lookup: each article of a story of several names its
 * story, each such story lists its articles; an article alone in its story, as most are, is its own
 * story and is stored as neither, which saves two writes per article. An arriving article joins
 * (and so merges) every story that holds a near-copy of it ({@link CopyIndex}); a leaving article
 * splits its story if it was the only link, by regrouping that one story's articles. Work and reads
 * are bounded by the near-copies published around the article that comes or goes and by the copies
 * of its story, not by the position's whole history.
 */
final class StoryIndex {

  private final Track track;
  private final KeyValueStore<String, PositionContribution> contributions;
  private final KeyValueStore<String, Story> stories;
  private final KeyValueStore<String, String> index;
  private final Tally tally;

  StoryIndex(Track track, PositionStores stores, Tally tally) {
    this.track = track;
    this.contributions = stores.contributions();
    this.stories = stores.stories();
    this.index = stores.index();
    this.tally = tally;
  }

  /** The id of the story of an article of this track: its earliest article. */
  String storyOf(String articleId) {
    String stored = index.get(track.storyOf(articleId));
    return stored == null ? articleId : stored;
  }

  /** The story an arriving article joined, and the stories it merged into it. */
  record Joined(String id, Set<String> absorbed) {}

  /**
   * Joins the article to the stories of those of its near-copies ({@link CopyIndex}) that state
   * this position, merging them. {@code sides}: the track's newest stories of each side, which
   * follow the index's writes.
   */
  Joined add(PositionContribution c, Set<String> copies, StoriesBySide sides) {
    Map<String, StoryView> joined = new TreeMap<>();
    Set<String> stored = new HashSet<>();
    for (String copy : copies) {
      String storyId = index.get(track.storyOf(copy));
      if (storyId != null) {
        stored.add(storyId);
        joined.computeIfAbsent(storyId, id -> StoryView.of(stories.get(track.story(id))));
      } else {
        PositionContribution alone = contributions.get(track.contribution(copy));
        if (alone != null && track.equals(Track.of(track.position(), alone.getConfirmed()))) {
          joined.put(copy, new StoryView(List.of(member(alone))));
        }
      }
    }
    List<StoryMember> members = new ArrayList<>(List.of(member(c)));
    Map<String, String> indexed = new HashMap<>();
    for (Map.Entry<String, StoryView> story : joined.entrySet()) {
      boolean isStored = stored.contains(story.getKey());
      forget(story.getValue(), isStored, sides);
      if (isStored) {
        story.getValue().members().forEach(m -> indexed.put(m.getArticleId(), story.getKey()));
      }
      members.addAll(story.getValue().members());
    }
    StoryView story = new StoryView(members);
    remember(story, indexed, sides);
    return new Joined(story.id(), joined.keySet());
  }

  void remove(PositionContribution c, StoriesBySide sides) {
    String stored = index.get(track.storyOf(c.getArticleId()));
    if (stored == null) {
      forget(new StoryView(List.of(member(c))), false, sides);
      return;
    }
    index.delete(track.storyOf(c.getArticleId()));
    StoryView story = StoryView.of(stories.get(track.story(stored)));
    forget(story, true, sides);
    List<PositionContribution> rest = new ArrayList<>();
    Map<String, StoryMember> membersById = new HashMap<>();
    Map<String, String> indexed = new HashMap<>();
    for (StoryMember m : story.members()) {
      if (!m.getArticleId().equals(c.getArticleId())) {
        rest.add(contributions.get(track.contribution(m.getArticleId())));
        membersById.put(m.getArticleId(), m);
        indexed.put(m.getArticleId(), stored);
      }
    }
    // only a leaving article can disconnect its story: regroup the rest of that story alone
    for (List<PositionContribution> group : StoryClusters.of(rest).groups()) {
      remember(
          new StoryView(group.stream().map(a -> membersById.get(a.getArticleId())).toList()),
          indexed,
          sides);
    }
  }

  /** {@code indexed}: the story each member's index entry names, for those that have one. */
  private void remember(StoryView story, Map<String, String> indexed, StoriesBySide sides) {
    String id = story.id();
    if (story.members().size() > 1) {
      stories.put(track.story(id), story.record());
      for (StoryMember m : story.members()) {
        if (!id.equals(indexed.get(m.getArticleId()))) {
          index.put(track.storyOf(m.getArticleId()), id);
        }
      }
    } else if (indexed.containsKey(id)) {
      index.delete(track.storyOf(id)); // alone again
    }
    tally.countStory(story, 1);
    for (int sign : new int[] {1, -1}) {
      story
          .latest(sign)
          .ifPresent(
              latest -> {
                String key = track.sideOfStories(sign).at(latest, id);
                index.put(key, id);
                sides.written(sign, key, id);
              });
    }
  }

  /** {@code stored}: whether the story is in the store (one that was stored alone is, too). */
  private void forget(StoryView story, boolean stored, StoriesBySide sides) {
    String id = story.id();
    if (stored) {
      stories.delete(track.story(id));
    }
    tally.countStory(story, -1);
    for (int sign : new int[] {1, -1}) {
      story
          .latest(sign)
          .ifPresent(
              latest -> {
                String key = track.sideOfStories(sign).at(latest, id);
                index.delete(key);
                sides.deleted(sign, key);
              });
    }
  }

  private static StoryMember member(PositionContribution c) {
    return new StoryMember(
        c.getArticleId(), c.getSource(), c.getPublishedAt(), c.getStance(), c.getConfidence());
  }
}
