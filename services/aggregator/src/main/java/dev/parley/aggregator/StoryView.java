package dev.parley.aggregator;

import dev.parley.avro.Story;
import dev.parley.avro.StoryMember;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a story's articles add up to: its origin, and on each side its strongest and latest article.
 */
record StoryView(List<StoryMember> members) {

  private static final Comparator<StoryMember> EVENT_TIME =
      Comparator.comparing(StoryMember::getPublishedAt).thenComparing(StoryMember::getArticleId);

  static StoryView of(Story story) {
    return new StoryView(story.getMembers());
  }

  Story record() {
    return new Story(members);
  }

  /** The earliest article, credited with the story; its id names the story. */
  StoryMember origin() {
    return members.stream().min(EVENT_TIME).orElseThrow();
  }

  String id() {
    return origin().getArticleId();
  }

  Optional<Double> strongest(int sign) {
    return onSide(sign).map(StoryMember::getConfidence).max(Double::compare);
  }

  Optional<Instant> latest(int sign) {
    return onSide(sign).map(StoryMember::getPublishedAt).max(Comparator.naturalOrder());
  }

  private java.util.stream.Stream<StoryMember> onSide(int sign) {
    return members.stream().filter(m -> Integer.signum(m.getStance()) == sign);
  }
}
