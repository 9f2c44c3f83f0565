package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.Cue;
import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import dev.parley.extractor.text.Token;
import java.util.List;
import java.util.Set;

/**
 * Plans, drafts and documents that speak for the party that wrote them. The scheme counts "the
 * stances a party's own plan or draft takes", so "Kyiv's plan calls for a ceasefire", "the Russian
 * document insists that ...", "the Trump plan would force Ukraine to ...", "under the U.S. draft,
 * Ukraine would not join NATO" and "the European plan to use frozen assets" all state positions.
 *
 * <p>A document's owner is the party named just before it ("Kyiv's revised plan", "the U.S. peace
 * framework", "the Russian draft" through the ontology's adjectives), after it ("a draft of the
 * U.S. framework", "a proposal from Kyiv"), or, for "the draft" and "the document", the owner of
 * the document the article named last.
 *
 * <p>A plan's text printed point by point ("Here is the 28-point plan:" and then "1. Ukraine's
 * sovereignty will be confirmed.", "2. ...") is framed by the plan, as "Under the plan, ..." is:
 * every numbered point is what the plan named just before the list provides.
 */
final class Documents {

  /** "plan for X", "proposal to X": the document proposes X. */
  private static final Cue PROPOSES = Cue.of("proposes", 1, 0.9);

  /** "Under the draft, X": the sentence states the document's content. */
  private static final Cue PROVIDES = Cue.of("under", 1, 0.9);

  /** "Ukraine would cede ..." after the draft is named: held less surely than a framed term. */
  private static final Cue CONTINUES = Cue.of("would", 1, 0.8);

  private static final Set<String> PURPOSE = Set.of("for", "to", "on");
  private static final Set<String> DEFINITE = Set.of("the", "this", "that", "these", "those");

  /** "Under its terms, ...": the terms of the document named last. */
  private static final Set<String> OWN_TERMS_DETERMINERS = Set.of("its", "their");

  private static final Set<String> TERMS = Set.of("terms", "provisions");
  private static final int MODIFIERS = 4;

  /** Verbs whose subject wrote or put forward the document they take as object. */
  private static final Set<String> AUTHORING =
      Set.of(
          "drafted",
          "drafts",
          "drew",
          "draws",
          "drawn",
          "presented",
          "presents",
          "unveiled",
          "unveils",
          "proposed",
          "proposes",
          "put",
          "puts",
          "submitted",
          "submits",
          "circulated",
          "circulates",
          "floated",
          "floats",
          "prepared",
          "prepares",
          "tabled",
          "tables",
          "sent",
          "sends",
          "crafted",
          "crafts",
          "wrote",
          "writes",
          "written",
          "authored",
          "developed",
          "develops",
          "outlined",
          "outlines");

  private static final Set<String> AUTHORING_PARTICLES = Set.of("up", "forward", "out");
  private static final Set<String> PASSIVE = Set.of("was", "were", "been", "being", "is", "are");

  private final ArticleAnalysis a;

  /** Per document noun, the party owning it, or null. */
  private final Holder[] ownerAt;

  /** Per paragraph, the owner of the plan whose numbered point it is, or null. */
  private final Holder[] pointOwner;

  /** Per sentence, the owner of the document whose terms it goes on telling, or null. */
  private final Holder[] continuedFrom;

  Documents(ArticleAnalysis analysis) {
    this.a = analysis;
    this.ownerAt = new Holder[analysis.tokens.size()];
    int paragraphs =
        a.sentences.isEmpty() ? 0 : a.sentences.get(a.sentences.size() - 1).paragraph() + 1;
    Holder[] lastOwnerIn = new Holder[paragraphs];
    Holder last = null;
    for (int i = 0; i < ownerAt.length; i++) {
      if (!a.is(i, WordClass.DOCUMENT)
          || (i + 1 < ownerAt.length && a.is(i + 1, WordClass.DOCUMENT))) {
        continue; // the head of "draft peace framework" is its last noun
      }
      Sentence s = a.sentenceAt(i);
      Holder owner = namedOwner(i, s);
      int determiner = definiteDeterminer(i, s);
      if (owner != null) {
        last = owner;
      } else if (last != null && determiner >= 0) {
        owner = owner(last.actors(), determiner, i, Holder.Kind.REFERRED_DOCUMENT);
      }
      ownerAt[i] = owner;
      if (owner != null) {
        lastOwnerIn[s.paragraph()] = owner;
      }
    }
    this.pointOwner = pointOwners(lastOwnerIn);
    this.continuedFrom = continuations();
  }

  /**
   * "The U.S. plan was leaked on Friday. Ukraine would cede the Donbas and cap its army. In
   * exchange, Kyiv would be granted security guarantees.": sentences in the conditional that follow
   * a sentence naming a party's document, with no speaker of their own, go on telling its terms.
   * Any other sentence ends the run.
   */
  private Holder[] continuations() {
    Holder[] continued = new Holder[a.sentences.size()];
    Holder told = null;
    for (int index = 0; index < continued.length; index++) {
      Sentence s = a.sentences.get(index);
      Holder named = lastOwnerNamedIn(s);
      if (named != null) {
        told = named;
      } else if (told != null && isUnattributedConditional(s)) {
        continued[index] =
            new Holder(told.actors(), told.words(), told.token(), Holder.Kind.REFERRED_DOCUMENT);
      } else {
        told = null;
      }
    }
    return continued;
  }

  private Holder lastOwnerNamedIn(Sentence s) {
    int noun = lastDocumentIn(s.from(), s.to());
    return noun < 0 ? null : ownerAt[noun];
  }

  /** A sentence stating what would happen, not a quotation, question or someone's account. */
  private boolean isUnattributedConditional(Sentence s) {
    boolean conditional = false;
    for (int i = s.from(); i < s.to(); i++) {
      String word = a.lower(i);
      if (a.quoteAt[i] != null
          || a.isReporting(i)
          || word.equals("?")
          || word.equals("according")
          || a.is(i, WordClass.CONDITION)) {
        return false;
      }
      conditional |= word.equals("would");
    }
    return conditional;
  }

  /**
   * A run of numbered paragraphs starting at "1." after a paragraph naming a party's document: the
   * points of that document.
   */
  private Holder[] pointOwners(Holder[] lastOwnerIn) {
    Holder[] owners = new Holder[lastOwnerIn.length];
    int paragraph = -1;
    for (Sentence s : a.sentences) {
      if (s.paragraph() == paragraph) {
        continue;
      }
      paragraph = s.paragraph();
      int number = pointNumber(s);
      if (paragraph > 0 && number == 1) {
        owners[paragraph] = lastOwnerIn[paragraph - 1];
      } else if (paragraph > 0 && number > 1) {
        owners[paragraph] = owners[paragraph - 1];
      }
    }
    return owners;
  }

  /** The number of a paragraph opening "5." or "5)", or -1. */
  private int pointNumber(Sentence s) {
    String first = a.token(s.from()).text();
    boolean numbered =
        first.length() <= 2
            && first.chars().allMatch(Character::isDigit)
            && s.from() + 1 < a.tokens.size()
            && (a.lower(s.from() + 1).equals(".") || a.lower(s.from() + 1).equals(")"));
    return numbered ? Integer.parseInt(first) : -1;
  }

  /** The party whose document the noun at token i is, or null. */
  Holder ownerAt(int i) {
    return i >= 0 && i < ownerAt.length ? ownerAt[i] : null;
  }

  /**
   * "the EU's plan for a reparations loan", "a proposal to cap the army": the document before the
   * preposition at token p proposes what follows, as a cue word; null otherwise, and for
   * "amendments to the framework", where "to" leads to a thing rather than an act.
   */
  Mentions.CueWord proposalAt(int p, Sentence s) {
    if (p - 1 < s.from()
        || p + 1 >= s.to()
        || !a.is(p - 1, WordClass.DOCUMENT)
        || !PURPOSE.contains(a.lower(p))
        || (a.lower(p).equals("to") && a.is(p + 1, WordClass.DETERMINER))
        || (p - 2 >= s.from() && a.lower(p - 2).equals("any"))) {
      return null; // "any agreement to end the war" proposes nothing: it is no one document
    }
    return new Mentions.CueWord(p - 1, p + 1, PROPOSES);
  }

  /**
   * "Under the draft, ...", "Under Kyiv's plan, ...": the owner of the document framing the
   * sentence, or null.
   */
  Holder frame(Sentence s) {
    if (pointOwner[s.paragraph()] != null) {
      return pointOwner[s.paragraph()];
    }
    int noun = frameNoun(s);
    return noun < 0 ? null : ownerAt[noun];
  }

  /**
   * The owner of the document whose terms sentence s goes on telling after the sentence that named
   * it, or null.
   */
  Holder continued(Sentence s) {
    return continuedFrom[a.sentenceOf[s.from()]];
  }

  /** The mention belongs to what the framing document states, not to the frame itself. */
  boolean isFramed(Mentions.Issue m, Sentence s) {
    int noun = frameNoun(s);
    return pointOwner[s.paragraph()] != null || (noun >= 0 && m.from() > noun);
  }

  /**
   * The document noun of "Under the draft, ...", "According to the U.S. plan, ...", or of the
   * document named before "Under its terms, ..."; -1 for any other sentence.
   */
  private int frameNoun(Sentence s) {
    int from = s.from();
    if (a.lower(from).equals("according") && from + 1 < s.to() && a.lower(from + 1).equals("to")) {
      from++;
    } else if (!a.lower(from).equals("under")) {
      return -1;
    }
    if (from + 3 < s.to()
        && OWN_TERMS_DETERMINERS.contains(a.lower(from + 1))
        && TERMS.contains(a.lower(from + 2))
        && a.lower(from + 3).equals(",")) {
      return lastDocumentIn(0, s.from());
    }
    for (int i = from + 1; i < Math.min(s.to() - 1, from + 8); i++) {
      if (a.lower(i).equals(",")) {
        return -1;
      }
      if (ownerAt[i] != null && a.lower(i + 1).equals(",")) {
        return i;
      }
    }
    return -1;
  }

  /** The last document noun with an owner among tokens [from, to), or -1. */
  private int lastDocumentIn(int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (ownerAt[i] != null) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The cue standing for what a document at token i proposes: "the American draft caps the army".
   */
  Mentions.CueWord proposalCue(int i) {
    return new Mentions.CueWord(i, i + 1, PROPOSES);
  }

  /** The cue standing for a framed sentence's content: what the document provides for. */
  Mentions.CueWord frameCue(Sentence s) {
    if (pointOwner[s.paragraph()] != null) {
      int number = pointStart(s);
      return new Mentions.CueWord(number, number + 2, PROVIDES); // "5." stands for the point
    }
    return new Mentions.CueWord(s.from(), s.from() + 1, PROVIDES);
  }

  /**
   * The cue standing for a continued document's term: the "would" nearest before the mention in its
   * sentence.
   */
  Mentions.CueWord continuationCue(Mentions.Issue m, Sentence s) {
    int would = m.from() - 1;
    while (would > s.from() && !a.lower(would).equals("would")) {
      would--;
    }
    return new Mentions.CueWord(would, would + 1, CONTINUES);
  }

  /** The first token of the numbered paragraph sentence s stands in. */
  private int pointStart(Sentence s) {
    int k = s.from();
    while (k > 0 && a.sentenceAt(k - 1).paragraph() == s.paragraph()) {
      k--;
    }
    return k;
  }

  private Holder namedOwner(int noun, Sentence s) {
    int k = noun - 1;
    for (int skipped = 0; skipped < MODIFIERS && k >= s.from(); skipped++, k--) {
      String mark = a.token(k).text();
      if ((mark.equals("'") || mark.equals("’")) && k > s.from() && a.actorAt[k - 1] != null) {
        continue; // "the United States' initiative": a plural's possessive mark
      }
      Mentions.Actor actor = a.actorAt[k];
      if (actor != null && a.issueAt[k] == null) {
        if (namesPair(actor, s)) {
          return null;
        }
        if (namesPeace(actor)) {
          k = actor.from(); // "Trump's Ukraine peace plan": the owner may stand before
          continue;
        }
        return owner(actor.actors(), actor.from(), noun, Holder.Kind.DOCUMENT);
      }
      List<String> adjective = a.ontology.actorsOfAdjective(a.lower(k));
      if (!adjective.isEmpty()) {
        return owner(adjective, k, noun, Holder.Kind.DOCUMENT);
      }
      if (!isModifier(k)) {
        break;
      }
    }
    if (k >= s.from() && a.is(k, WordClass.PERSON_PRONOUN)) {
      return personBefore(k, noun, s);
    }
    Holder author =
        k >= s.from() && a.is(k, WordClass.DETERMINER) ? authorBefore(k, noun, s) : null;
    return author != null ? author : ownerAfter(noun, s);
  }

  /** "the Russia-Ukraine plan": two parties joined name the war the plan ends, not its author. */
  private boolean namesPair(Mentions.Actor actor, Sentence s) {
    int before = actor.from() - 1;
    return before - 1 >= s.from()
        && a.lower(before).equals("-")
        && a.actorAt[before - 1] != null
        && !a.actorAt[before - 1].actors().equals(actor.actors());
  }

  /** "Trump gave Kyiv a week to approve his plan": the nearest person named before "his". */
  private Holder personBefore(int pronoun, int noun, Sentence s) {
    for (int k = pronoun - 1; k >= s.from(); k--) {
      Mentions.Actor actor = a.actorAt[k];
      if (actor != null && actor.person()) {
        return owner(actor.actors(), pronoun, noun, Holder.Kind.DOCUMENT);
      }
    }
    return null;
  }

  /** "the Ukraine peace plan", "the Ukraine plan": the plan for Ukraine, not Ukraine's plan. */
  private boolean namesPeace(Mentions.Actor actor) {
    int next = actor.to();
    return actor.to() - actor.from() == 1
        && a.ontology.namesSubject(a.lower(actor.from()))
        && next < a.tokens.size()
        && (a.lower(next).equals("peace") || a.is(next, WordClass.DOCUMENT));
  }

  /** "the Trump administration drafted a 28-point proposal", "Kyiv put forward a counter-plan". */
  private Holder authorBefore(int determiner, int noun, Sentence s) {
    int verb = determiner - 1;
    if (verb > s.from() && AUTHORING_PARTICLES.contains(a.lower(verb))) {
      verb--;
    }
    if (verb <= s.from() || !AUTHORING.contains(a.lower(verb))) {
      return null;
    }
    if (PASSIVE.contains(a.lower(verb - 1))) {
      return null; // "Zelensky was presented a plan": he received it
    }
    int k = a.skipBack(verb - 1, s, i -> a.isAuxiliary(i) || a.lower(i).endsWith("ly"));
    Mentions.Actor actor = k >= s.from() ? a.actorAt[k] : null;
    if (actor == null || a.issueAt[k] != null || a.token(actor.to() - 1).possessive()) {
      return null;
    }
    return owner(actor.actors(), actor.from(), noun, Holder.Kind.DOCUMENT);
  }

  /** "a draft of the U.S. framework", "a proposal from Kyiv", "a plan by Witkoff". */
  private Holder ownerAfter(int noun, Sentence s) {
    int k = noun + 1;
    if (k >= s.to()) {
      return null;
    }
    if (a.lower(k).endsWith("ed") && k + 1 < s.to() && a.lower(k + 1).equals("by")) {
      k++; // "the framework negotiated by American officials", "a draft written by Witkoff"
    }
    String word = a.lower(k);
    if (word.equals("from") || word.equals("by")) {
      int at = a.skipForward(k + 1, s, i -> a.is(i, WordClass.DETERMINER));
      Mentions.Actor actor = at < s.to() ? a.actorAt[at] : null;
      if (actor != null && a.token(actor.to() - 1).possessive() && actor.to() < s.to()) {
        Mentions.Actor head = a.actorAt[actor.to()];
        actor = head != null ? head : actor; // "a proposal from Kyiv's European allies"
      }
      if (actor != null) {
        return owner(actor.actors(), noun, actor.to() - 1, Holder.Kind.DOCUMENT);
      }
      List<String> adjective = at < s.to() ? a.ontology.actorsOfAdjective(a.lower(at)) : List.of();
      return adjective.isEmpty() ? null : owner(adjective, noun, at, Holder.Kind.DOCUMENT);
    }
    if (word.equals("of")) {
      for (int i = k + 1; i < Math.min(s.to(), k + 1 + MODIFIERS + 2); i++) {
        if (a.is(i, WordClass.DOCUMENT) && (i + 1 >= s.to() || !a.is(i + 1, WordClass.DOCUMENT))) {
          Holder inner = namedOwner(i, s);
          return inner == null ? null : owner(inner.actors(), noun, i, Holder.Kind.DOCUMENT);
        }
      }
    }
    return null;
  }

  /**
   * A holder named by the tokens first..last; its token is the first, where the noun phrase starts.
   */
  private Holder owner(List<String> actors, int first, int last, Holder.Kind kind) {
    return new Holder(
        actors, a.text.substring(a.token(first).start(), a.token(last).end()), first, kind);
  }

  /** "revised", "28-point": a word that may stand between a determiner and its document. */
  private boolean isModifier(int k) {
    Token t = a.token(k);
    return (t.word()
            && Character.isLowerCase(t.text().charAt(0))
            && !a.is(k, WordClass.DETERMINER)
            && !a.is(k, WordClass.PREPOSITION)
            && a.cueAt[k] == null)
        || t.text().equals("-")
        || Character.isDigit(t.text().charAt(0));
  }

  /** "the draft", "this revised text": the definite determiner before the noun, or -1. */
  private int definiteDeterminer(int noun, Sentence s) {
    int k = a.skipBack(noun - 1, s, this::isModifier);
    return k >= s.from() && DEFINITE.contains(a.lower(k)) ? k : -1;
  }
}
