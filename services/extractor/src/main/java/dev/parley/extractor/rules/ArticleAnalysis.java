package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.ActorAlias;
import dev.parley.extractor.ontology.Cue;
import dev.parley.extractor.ontology.IssuePhrase;
import dev.parley.extractor.ontology.Lexeme;
import dev.parley.extractor.ontology.Lexicon;
import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.ontology.PhraseIndex;
import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Dateline;
import dev.parley.extractor.text.Sentence;
import dev.parley.extractor.text.SentenceSplitter;
import dev.parley.extractor.text.Token;
import dev.parley.extractor.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * One article after tokenising, sentence splitting and lexicon lookup, with per-token indexes so
 * the attribution rules can ask "what is at token i" in constant time. Built per call and never
 * shared between threads.
 */
final class ArticleAnalysis {

  final String text;
  final List<Token> tokens;
  final List<Sentence> sentences;
  final Lexicon lexicon;
  final Ontology ontology;
  final int[] sentenceOf;
  final Mentions.Actor[] actorAt;
  final Mentions.Issue[] issueAt;
  final Mentions.CueWord[] cueAt;
  final Mentions.Quote[] quoteAt;
  private final int[] classes;
  final List<Mentions.Actor> actors = new ArrayList<>();
  final List<Mentions.Issue> issues = new ArrayList<>();
  private static final int MAX_TITLE_WORDS = 6;

  ArticleAnalysis(String text, Ontology ontology) {
    this(text, ontology, Tokenizer.tokenize(text));
  }

  private ArticleAnalysis(String text, Ontology ontology, List<Token> tokens) {
    this(text, ontology, tokens, SentenceSplitter.split(text, tokens));
  }

  /**
   * With tokens and sentences from elsewhere: the OpenNLP comparison (test scope) feeds its own.
   */
  ArticleAnalysis(String text, Ontology ontology, List<Token> tokens, List<Sentence> sentences) {
    this.text = text;
    this.lexicon = ontology.lexicon();
    this.ontology = ontology;
    this.tokens = tokens;
    this.sentences = sentences;
    int n = tokens.size();
    sentenceOf = new int[n];
    actorAt = new Mentions.Actor[n];
    issueAt = new Mentions.Issue[n];
    cueAt = new Mentions.CueWord[n];
    quoteAt = new Mentions.Quote[n];
    classes = new int[n];
    for (int i = 0; i < n; i++) {
      classes[i] = lexicon.classify(tokens.get(i));
    }
    markClauseOpeningAs();
    for (int s = 0; s < sentences.size(); s++) {
      Sentence sentence = sentences.get(s);
      for (int i = sentence.from(); i < sentence.to(); i++) {
        sentenceOf[i] = s;
      }
      findActors(ontology, sentence);
      findLexemes(ontology, sentence);
      dropDocumentsAboutOtherIssues(sentence);
    }
    findQuotes();
  }

  /**
   * "a non-starter as it involves giving up land", "offered to drop the bid as he held talks": "as"
   * before a subject pronoun opens a clause of its own, like "because" or "while".
   */
  private void markClauseOpeningAs() {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (lower(i).equals("as") && CLAUSE_SUBJECTS.contains(lower(i + 1))) {
        classes[i] |= WordClass.BOUNDARY.bit;
      }
    }
  }

  private static final Set<String> CLAUSE_SUBJECTS =
      Set.of("it", "they", "this", "he", "she", "we");

  Token token(int i) {
    return tokens.get(i);
  }

  String lower(int i) {
    return tokens.get(i).lower();
  }

  Sentence sentenceAt(int token) {
    return sentences.get(sentenceOf[token]);
  }

  private void findActors(Ontology ontology, Sentence sentence) {
    Mentions.Actor previous = null;
    int from = Dateline.end(tokens, sentence);
    for (PhraseIndex.Match<ActorAlias> m :
        ontology.actorIndex().find(tokens, from, sentence.to(), this::opensClause)) {
      if (inNameCompound(m.start(), m.end())) {
        continue;
      }
      ActorAlias alias = m.value();
      Mentions.Actor mention =
          new Mentions.Actor(
              m.start(),
              m.end(),
              alias.actors(),
              alias.person(),
              text.substring(tokens.get(m.start()).start(), tokens.get(m.end() - 1).end()));
      if (alias.person()) {
        mention = withFirstName(mention, sentence);
      }
      mention = withCoordinatedAdjective(mention, ontology, sentence);
      // "Russian President Vladimir Putin": title and name are one mention of one party.
      if (previous != null
          && previous.actors().equals(alias.actors())
          && isNameBridge(previous.to(), m.start())) {
        actors.remove(actors.size() - 1);
        mention =
            new Mentions.Actor(
                previous.from(),
                m.end(),
                alias.actors(),
                previous.person() || alias.person(),
                text.substring(tokens.get(previous.from()).start(), tokens.get(m.end() - 1).end()));
      }
      actors.add(mention);
      for (int i = mention.from(); i < mention.to(); i++) {
        actorAt[i] = mention;
      }
      previous = mention;
    }
  }

  /**
   * "Agence France-Presse", "the US-Russia talks", "the Russia-Ukraine war": a party's name joined
   * by a hyphen to another capitalised word is part of a name or a modifier, and holds nothing.
   */
  private boolean inNameCompound(int from, int to) {
    boolean joinedAfter =
        to + 1 < tokens.size()
            && lower(to).equals("-")
            && tokens.get(to).attached()
            && tokens.get(to + 1).attached()
            && isCapitalisedWord(to + 1);
    boolean joinedBefore =
        from >= 2
            && lower(from - 1).equals("-")
            && tokens.get(from - 1).attached()
            && tokens.get(from).attached()
            && isCapitalisedWord(from - 2);
    return joinedAfter || joinedBefore;
  }

  /**
   * "Agence France-Presse", "the Associated Press": a capitalised word right after a word or a
   * hyphen, in running text (not a headline in title case), is part of a name and no cue.
   */
  private boolean isNamePart(int i, Sentence sentence) {
    boolean afterWordOrHyphen =
        i > sentence.from() && (tokens.get(i - 1).word() || lower(i - 1).equals("-"));
    return afterWordOrHyphen && isCapitalisedWord(i) && isRunningText(sentence);
  }

  private boolean isCapitalisedWord(int i) {
    Token t = tokens.get(i);
    return t.word() && Character.isUpperCase(t.text().charAt(0));
  }

  /** Two or more lower-case words of four letters or more: not a headline in title case. */
  private boolean isRunningText(Sentence sentence) {
    int lowerWords = 0;
    for (int i = sentence.from(); i < sentence.to() && lowerWords < 2; i++) {
      Token t = tokens.get(i);
      if (t.word() && t.text().length() >= 4 && Character.isLowerCase(t.text().charAt(0))) {
        lowerWords++;
      }
    }
    return lowerWords >= 2;
  }

  /**
   * "Ukrainian and Russian negotiators": an adjective naming a party, coordinated with the one that
   * opens the mention, shares its noun, so the mention names both parties.
   */
  private Mentions.Actor withCoordinatedAdjective(
      Mentions.Actor mention, Ontology ontology, Sentence sentence) {
    int and = mention.from() - 1;
    int adjective = and - 1;
    if (adjective < sentence.from()
        || !lower(and).equals("and")
        || actorAt[adjective] != null
        || ontology.actorsOfAdjective(lower(mention.from())).isEmpty()) {
      return mention;
    }
    List<String> others = ontology.actorsOfAdjective(lower(adjective));
    if (others.isEmpty()) {
      return mention;
    }
    return new Mentions.Actor(
        adjective,
        mention.to(),
        Holder.joined(others, mention.actors()),
        mention.person(),
        text.substring(tokens.get(adjective).start(), tokens.get(mention.to() - 1).end()));
  }

  /** "Kirill Dmitriev": a capitalised word right before a person's name is their first name. */
  private Mentions.Actor withFirstName(Mentions.Actor mention, Sentence sentence) {
    int k = mention.from() - 1;
    if (k < sentence.from()
        || actorAt[k] != null
        || !isNameBridge(k, mention.from())
        || tokens.get(k).allCaps()) {
      return mention;
    }
    return new Mentions.Actor(
        k,
        mention.to(),
        mention.actors(),
        true,
        text.substring(tokens.get(k).start(), tokens.get(mention.to() - 1).end()));
  }

  /** Only capitalised name parts ("Vladimir", "Sir Keir") may stand between a title and a name. */
  private boolean isNameBridge(int from, int to) {
    if (to - from > 2) {
      return false;
    }
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (!t.word() || !Character.isUpperCase(t.text().charAt(0))) {
        return false;
      }
    }
    return true;
  }

  private void findLexemes(Ontology ontology, Sentence sentence) {
    for (PhraseIndex.Match<Lexeme> m :
        ontology.lexemeIndex().find(tokens, sentence.from(), sentence.to(), this::opensClause)) {
      if (m.value() instanceof IssuePhrase phrase) {
        Mentions.Issue issue = new Mentions.Issue(m.start(), m.end(), phrase);
        issues.add(issue);
        for (int i = m.start(); i < m.end(); i++) {
          issueAt[i] = issue;
        }
      } else if (m.value() instanceof Cue cue
          && !overlapsActor(m.start(), m.end())
          && !isNamePart(m.start(), sentence)
          && (!cue.transitive() || hasObjectAt(m.end(), sentence))) {
        Mentions.CueWord previous = m.start() > sentence.from() ? cueAt[m.start() - 1] : null;
        // "pushed back against the plan": the preposition belongs to the verb before it, it is no
        // second cue.
        Mentions.CueWord word =
            previous != null && lower(m.start()).equals("against")
                ? new Mentions.CueWord(previous.from(), m.end(), previous.cue())
                : new Mentions.CueWord(m.start(), m.end(), cue);
        for (int i = word.from(); i < word.to(); i++) {
          cueAt[i] = word;
        }
      }
    }
  }

  /**
   * A bare "proposal" or "plan" is the peace plan only when it is not about something else: "a
   * legal proposal to use frozen assets" is about the assets, "any deal" is no particular deal.
   */
  private void dropDocumentsAboutOtherIssues(Sentence sentence) {
    for (int n = issues.size() - 1; n >= 0 && issues.get(n).from() >= sentence.from(); n--) {
      Mentions.Issue issue = issues.get(n);
      int i = issue.from();
      if (issue.to() - i != 1 || !is(i, WordClass.DOCUMENT)) {
        continue;
      }
      boolean generic = i > sentence.from() && lower(i - 1).equals("any");
      // "ceasefire roadmaps", "sanctions proposals": named by the issue they are about
      boolean namedByAnotherIssue = i > sentence.from() && issueAt[i - 1] != null;
      if (generic
          || namedByAnotherIssue
          || sumsUpClauseBefore(i, sentence)
          || isAboutAnotherIssue(i, sentence)) {
        issues.remove(n);
        issueAt[i] = null;
      }
    }
  }

  /**
   * "..., that the plant be run jointly, a proposal Kyiv rejects": the proposal is the clause
   * before it.
   */
  private boolean sumsUpClauseBefore(int document, Sentence sentence) {
    if (document - 2 < sentence.from()) {
      return false;
    }
    String article = lower(document - 1);
    String mark = tokens.get(document - 2).text();
    return (article.equals("a") || article.equals("an"))
        && (mark.equals(",") || mark.equals("–") || mark.equals("—"));
  }

  /**
   * "a plan for X", "the plan, which would use frozen funds", "a proposal that would give
   * Washington the plant": the document is about issue X.
   */
  private boolean isAboutAnotherIssue(int document, Sentence sentence) {
    int limit = Math.min(sentence.to(), document + 5);
    int k = document + 1;
    int relative = k < sentence.to() && lower(k).equals(",") ? k + 1 : k;
    if (relative < sentence.to()
        && (lower(relative).equals("which") || lower(relative).equals("that"))) {
      return issueWithin(relative + 1, 6, sentence);
    }
    for (; k < limit && tokens.get(k).word(); k++) {
      String w = lower(k);
      if (w.equals("for") || w.equals("to") || w.equals("on")) {
        return issueWithin(k + 1, 4, sentence);
      }
    }
    return false;
  }

  private boolean issueWithin(int from, int count, Sentence sentence) {
    for (int j = from; j < Math.min(sentence.to(), from + count); j++) {
      if (issueAt[j] != null) {
        return true;
      }
    }
    return false;
  }

  private boolean hasObjectAt(int i, Sentence sentence) {
    return i < sentence.to()
        && (actorAt[i] != null || is(i, WordClass.DETERMINER) || isPronoun(i))
        && !lower(i).equals("that");
  }

  /** "White House Press Secretary" names a party; its "Press" is no demand. */
  private boolean overlapsActor(int from, int to) {
    for (int i = from; i < to; i++) {
      if (actorAt[i] != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Pairs quotation marks within a paragraph and looks for the speaker right after the closing mark
   * (“...,” Peskov said / said Peskov) or right before the opening one (Peskov said: “...”).
   */
  private void findQuotes() {
    int open = -1;
    int paragraph = -1;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i).text();
      int p = sentences.get(sentenceOf[i]).paragraph();
      if (p != paragraph) {
        open = -1;
        paragraph = p;
      }
      boolean opening = t.equals("“") || (t.equals("\"") && open < 0);
      boolean closing = t.equals("”") || (t.equals("\"") && open >= 0);
      if (opening && open < 0) {
        open = i;
      } else if (closing && open >= 0) {
        Mentions.Quote quote = new Mentions.Quote(open, i + 1, speakerAround(open, i + 1));
        for (int k = open; k <= i; k++) {
          quoteAt[k] = quote;
        }
        open = -1;
      }
    }
  }

  private Mentions.Actor speakerAround(int open, int close) {
    int k = close;
    while (k < tokens.size() && !tokens.get(k).word() && k - close < 2) {
      k++;
    }
    Mentions.Actor after = reportedSpeakerAt(k);
    if (after != null) {
      return after;
    }
    if (k + 1 < tokens.size() && is(k, WordClass.PERSON_PRONOUN) && isReporting(k + 1)) {
      return lastPersonBefore(open); // "... vulnerable to future attack," she said.
    }
    int b = open - 1;
    while (b >= 0 && !tokens.get(b).word() && open - b <= 2) {
      b--;
    }
    // Peskov said: “...”
    if (b >= 1 && isReporting(b) && actorAt[b - 1] != null) {
      return actorAt[b - 1];
    }
    return null;
  }

  private Mentions.Actor lastPersonBefore(int i) {
    int paragraph = sentences.get(sentenceOf[i]).paragraph();
    for (int k = i - 1; k >= 0 && sentences.get(sentenceOf[k]).paragraph() == paragraph; k--) {
      if (actorAt[k] != null && actorAt[k].person()) {
        return actorAt[k];
      }
    }
    return null;
  }

  /**
   * "Zelensky said", "said Zelensky", or "Russian Foreign Ministry spokeswoman Maria Zakharova
   * said" (titles and names before the verb) starting at token k.
   */
  private Mentions.Actor reportedSpeakerAt(int k) {
    if (k >= tokens.size()) {
      return null;
    }
    if (actorAt[k] != null) {
      Mentions.Actor speaker = actorAt[k];
      int j = speaker.to();
      while (j < tokens.size()
          && j - speaker.to() < MAX_TITLE_WORDS
          && !isReporting(j)
          && isNameOrTitle(j)) {
        speaker = actorAt[j] != null ? actorAt[j] : speaker;
        j = actorAt[j] != null ? actorAt[j].to() : j + 1;
      }
      return j < tokens.size() && isReporting(j) ? speaker : null;
    }
    if (isReporting(k) && k + 1 < tokens.size() && actorAt[k + 1] != null) {
      return actorAt[k + 1];
    }
    return null;
  }

  private boolean isNameOrTitle(int i) {
    Token t = tokens.get(i);
    return t.word() && (Character.isUpperCase(t.text().charAt(0)) || is(i, WordClass.ROLE));
  }

  boolean is(int i, WordClass c) {
    return (classes[i] & c.bit) != 0;
  }

  boolean isAny(int i, int bits) {
    return (classes[i] & bits) != 0;
  }

  /** "if", "unless", "while", "because": a new clause starts here. */
  boolean opensClause(int i) {
    return is(i, WordClass.BOUNDARY) || is(i, WordClass.CONDITION);
  }

  /** "as part of" starts at token k: what follows frames the clause before it. */
  boolean opensFrame(int k, Sentence s) {
    return k >= s.from()
        && k + 2 < s.to()
        && lower(k).equals("as")
        && lower(k + 1).equals("part")
        && lower(k + 2).equals("of");
  }

  boolean isReporting(int i) {
    return cueAt[i] == null
        && actorAt[i] == null // "the United States"
        && !is(i, WordClass.NEGATOR)
        && is(i, WordClass.REPORTING)
        && !isAttributive(i);
  }

  /** "Moscow's stated demands", "the announced plan": a participle describing a noun. */
  private boolean isAttributive(int i) {
    return i > 0
        && lower(i).endsWith("ed")
        && (tokens.get(i - 1).possessive() || is(i - 1, WordClass.DETERMINER));
  }

  private static final Set<String> FILLERS =
      Set.of(
          "very", "so", "too", "quite", "also", "still", "even", "“", "”", "\"", "a", "an", "the");
  private static final int AUXILIARY_LIKE =
      WordClass.AUXILIARY.bit | WordClass.NEGATOR.bit | WordClass.INTENSIFIER.bit;
  private static final int FUNCTION_WORD =
      WordClass.DETERMINER.bit
          | WordClass.PREPOSITION.bit
          | WordClass.AUXILIARY.bit
          | WordClass.BOUNDARY.bit
          | WordClass.SOFT_BOUNDARY.bit
          | WordClass.NEGATOR.bit;

  /** Words that may stand between a subject and its verb: "has", "never", "firmly". */
  boolean isAuxiliary(int i) {
    return isAny(i, AUXILIARY_LIKE);
  }

  /**
   * Words that do not change what a cue or list item is about: "very", "the", adverbs in -ly,
   * negators.
   */
  boolean isFiller(int i) {
    String w = lower(i);
    return FILLERS.contains(w)
        || w.endsWith("ly")
        || is(i, WordClass.NEGATOR)
        || is(i, WordClass.INTENSIFIER);
  }

  /** Anything that is not a plain content word: function words and every recognised mention. */
  boolean isFunctionWord(int i) {
    String w = lower(i);
    return isAny(i, FUNCTION_WORD)
        || cueAt[i] != null
        || issueAt[i] != null
        || actorAt[i] != null
        || isReporting(i)
        || w.equals("that")
        || w.equals("to")
        || w.equals("which")
        || w.equals("who");
  }

  /** A plain content word in lower case ("detailed", "firm"): no name, no function word. */
  boolean isLowercaseContentWord(int i) {
    return token(i).word()
        && Character.isLowerCase(token(i).text().charAt(0))
        && !isFunctionWord(i);
  }

  boolean isPronoun(int i) {
    return is(i, WordClass.PERSON_PRONOUN)
        || is(i, WordClass.GROUP_PRONOUN)
        || is(i, WordClass.THING_PRONOUN)
        || is(i, WordClass.SPEAKER_PRONOUN);
  }

  /**
   * The first token at or before k, within the sentence, that is not skippable; below s.from() if
   * none.
   */
  int skipBack(int k, Sentence s, IntPredicate skippable) {
    while (k >= s.from() && skippable.test(k)) {
      k--;
    }
    return k;
  }

  /** The first token at or after k, within the sentence, that is not skippable; s.to() if none. */
  int skipForward(int k, Sentence s, IntPredicate skippable) {
    while (k < s.to() && skippable.test(k)) {
      k++;
    }
    return k;
  }
}
