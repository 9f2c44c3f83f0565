package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.Story;
import dev.parley.avro.StoryMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One track's stories, found and merged by lookup: each article names its story, each story lists
 * its articles. An arriving article joins (and so merges) every story that holds a near-copy of it
 * ({@link CopyIndex}); a leaving article splits its story if it was the only link, by regrouping
 * that one story's articles. Work and reads are bounded by the near-copies published around the
 * article that comes or goes and by the copies of its story, not by the position's whole history.
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

  /** The id of the story the article belongs to: its earliest article. */
  String storyOf(String articleId) {
    return index.get(track.storyOf(articleId));
  }

  /** The story an arriving article joined, and the stories it merged into it. */
  record Joined(String id, Set<String> absorbed) {}

  /**
   * Joins the article to the stories of those of its near-copies ({@link CopyIndex}) that state
   * this position, merging them.
   */
  Joined add(PositionContribution c, Set<String> copies) {
    Set<String> joined = new TreeSet<>();
    for (String copy : copies) {
      String storyId = storyOf(copy);
      if (storyId != null) {
        joined.add(storyId);
      }
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
