package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;

/**
 * A question-and-answer interview: paragraphs ending in a question alternate with answers in the
 * first person and without quotation marks. There "we" and "I" are the interviewee, named in the
 * introduction ("Andrii Sybiha, Ukraine's foreign minister, spoke to ..."), and a whole answer is
 * attributed to them; the interviewer's questions state nobody's position.
 */
final class Interview {

  private static final int MIN_EXCHANGES = 2;

  private final ArticleAnalysis a;
  private final Mentions.Actor interviewee;

  /** Per paragraph: an answer of the interviewee. */
  private final boolean[] answer;

  Interview(ArticleAnalysis analysis) {
    this.a = analysis;
    int paragraphs =
        analysis.sentences.isEmpty()
            ? 0
            : analysis.sentences.get(analysis.sentences.size() - 1).paragraph() + 1;
    boolean[] question = new boolean[paragraphs];
    boolean[] firstPerson = new boolean[paragraphs];
    for (Sentence s : analysis.sentences) {
      question[s.paragraph()] = isUnquotedQuestion(s);
      for (int i = s.from(); i < s.to() && !firstPerson[s.paragraph()]; i++) {
        firstPerson[s.paragraph()] = a.is(i, WordClass.SPEAKER_PRONOUN) && a.quoteAt[i] == null;
      }
    }
    int firstQuestion = -1;
    int questions = 0;
    int answers = 0;
    this.answer = new boolean[paragraphs];
    for (int p = 1; p < paragraphs; p++) {
      if (question[p]) {
        firstQuestion = firstQuestion < 0 ? p : firstQuestion;
        questions++;
      } else if (firstQuestion >= 0 && firstPerson[p]) {
        answer[p] = true;
        answers++;
      }
    }
    this.interviewee =
        questions >= MIN_EXCHANGES && answers >= MIN_EXCHANGES
            ? introducedPerson(firstQuestion)
            : null;
  }

  /** The sentence ends in a question mark of the writer's own, not of a quoted speaker. */
  boolean isUnquotedQuestion(Sentence s) {
    int last = s.to() - 1;
    return a.lower(last).equals("?") && a.quoteAt[last] == null;
  }

  /** The interviewee, when the sentence is part of their answer; null otherwise. */
  Mentions.Actor speakerOf(Sentence s) {
    return interviewee != null && answer[s.paragraph()] ? interviewee : null;
  }

  /** The first person named before the questions start, outside the headline. */
  private Mentions.Actor introducedPerson(int firstQuestion) {
    for (Mentions.Actor m : a.actors) {
      int paragraph = a.sentenceAt(m.from()).paragraph();
      if (paragraph >= firstQuestion) {
        return null;
      }
      if (paragraph > 0 && m.person()) {
        return m;
      }
    }
    return null;
  }
}
