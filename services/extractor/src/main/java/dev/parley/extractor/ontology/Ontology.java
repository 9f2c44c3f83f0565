package dev.parley.extractor.ontology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parley.extractor.text.Token;
import dev.parley.extractor.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a negotiation is about: its parties (actors, with the names the press uses for them), the
 * propositions they take stances on (issues, with the wordings that express them) and stance cues.
 * Loaded from YAML; the format is documented at the top of {@code /ontology/ukraine-peace.yaml}.
 * Immutable and thread-safe once loaded.
 */
public final class Ontology {

  public static final String DEFAULT_RESOURCE = "/ontology/ukraine-peace.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final String negotiation;
  private final String version;
  private final double confirmationThreshold;
  private final Map<String, String> actorLabels;
  private final Map<String, String> propositions;
  private final PhraseIndex<ActorAlias> actorIndex;
  private final PhraseIndex<Lexeme> lexemeIndex;
  private final Lexicon lexicon;
  private final Map<String, List<String>> adjectives;
  private final Set<String> subjectNames;

  private Ontology(
      String negotiation,
      String version,
      double confirmationThreshold,
      Map<String, String> actorLabels,
      Map<String, String> propositions,
      PhraseIndex<ActorAlias> actorIndex,
      PhraseIndex<Lexeme> lexemeIndex,
      Lexicon lexicon,
      Map<String, List<String>> adjectives,
      Set<String> subjectNames) {
    this.negotiation = negotiation;
    this.version = version;
    this.confirmationThreshold = confirmationThreshold;
    this.actorLabels = actorLabels;
    this.propositions = propositions;
    this.actorIndex = actorIndex;
    this.lexemeIndex = lexemeIndex;
    this.lexicon = lexicon;
    this.adjectives = adjectives;
    this.subjectNames = subjectNames;
  }

  /** Reads an ontology file. @throws OntologyException naming the file and the problem */
  public static Ontology load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new OntologyException("ontology " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads an ontology from the classpath, e.g. {@code /ontology/labour-dispute.yaml}. */
  public static Ontology loadResource(String resource) {
    try (InputStream in = Ontology.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new OntologyException("ontology " + resource + ": not found on the classpath");
      }
      return parse(in, resource);
    } catch (IOException e) {
      throw new OntologyException("ontology " + resource + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The Russia-Ukraine peace negotiation ontology shipped with the extractor. */
  public static Ontology loadDefault() {
    return loadResource(DEFAULT_RESOURCE);
  }

  /**
   * @param pathOrNull a configured file path; null or blank selects {@link #loadDefault()}
   */
  public static Ontology fromSetting(String pathOrNull) {
    return pathOrNull == null || pathOrNull.isBlank()
        ? loadDefault()
        : load(Path.of(pathOrNull.trim()));
  }

  public String negotiation() {
    return negotiation;
  }

  public String version() {
    return version;
  }

  /**
   * Confidence from which a position counts as confirmed (Position.confirmed): chosen per ontology
   * on its gold set with `parley eval`, so that confirmed positions are precise; 0 when the file
   * sets none, which confirms every position.
   */
  public double confirmationThreshold() {
    return confirmationThreshold;
  }

  /** Whether a position of this confidence counts as confirmed. */
  public boolean confirms(double confidence) {
    return confidence >= confirmationThreshold;
  }

  /** Actor ids in file order, mapped to their labels. */
  public Map<String, String> actors() {
    return actorLabels;
  }

  /** Issue ids in file order, mapped to their propositions. */
  public Map<String, String> issues() {
    return propositions;
  }

  public PhraseIndex<ActorAlias> actorIndex() {
    return actorIndex;
  }

  public PhraseIndex<Lexeme> lexemeIndex() {
    return lexemeIndex;
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  /** The parties a lower-case adjective names before a document ("the Russian draft"). */
  public List<String> actorsOfAdjective(String lower) {
    return adjectives.getOrDefault(lower, List.of());
  }

  /**
   * Whether the lower-case word names what the negotiation is about ("Ukraine" in "the Ukraine
   * peace plan"), so that before "peace" it names the peace, not the party that wrote the plan.
   */
  public boolean namesSubject(String lower) {
    return subjectNames.contains(lower);
  }

  private static Ontology parse(InputStream in, String source) {
    OntologyFile.Root root;
    try {
      root = YAML.readValue(in, OntologyFile.Root.class);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new OntologyException(
          "ontology " + source + ": malformed YAML" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new OntologyException("ontology " + source + ": cannot read: " + e.getMessage(), e);
    }
    if (root == null) {
      throw new OntologyException("ontology " + source + ": file is empty");
    }
    return new Builder(source).build(root);
  }

  /** Validates a parsed file and compiles its phrases; every error names the file. */
  private static final class Builder {
    private final String source;
    private final Map<String, String> aliasOwner = new HashMap<>();
    private final Map<String, List<String>> adjectives = new HashMap<>();
    private final PhraseIndex<ActorAlias> actorIndex =
        new PhraseIndex<>(Comparator.comparing(ActorAlias::text));
    // Equally long overlaps: an issue wording is more specific than a cue.
    private final PhraseIndex<Lexeme> lexemeIndex =
        new PhraseIndex<>(Comparator.comparingInt((Lexeme l) -> l instanceof IssuePhrase ? 0 : 1));

    Builder(String source) {
      this.source = source;
    }

    Ontology build(OntologyFile.Root root) {
      String negotiation = requireText(root.negotiation(), "'negotiation'");
      String version = requireText(root.version(), "'version'");
      Map<String, String> labels = addActors(nonEmpty(root.actors(), "'actors'"));
      addGroups(root.groups() == null ? List.of() : root.groups(), labels);
      Map<String, String> propositions = addIssues(nonEmpty(root.issues(), "'issues'"), labels);
      addOtherSenses(root.otherSenses() == null ? List.of() : root.otherSenses());
      Lexicon lexicon = Lexicon.english();
      addCues(root.baseLexicon(), lexicon, root.cues() == null ? List.of() : root.cues());
      double threshold = root.confirmationThreshold() == null ? 0 : root.confirmationThreshold();
      if (!(threshold >= 0 && threshold <= 1)) {
        throw error("confirmationThreshold must be within 0..1, not " + threshold);
      }
      return new Ontology(
          negotiation,
          version,
          threshold,
          java.util.Collections.unmodifiableMap(labels),
          java.util.Collections.unmodifiableMap(propositions),
          actorIndex,
          lexemeIndex,
          lexicon,
          Map.copyOf(adjectives),
          subjectNames(root.subjectNames() == null ? List.of() : root.subjectNames()));
    }

    private Set<String> subjectNames(List<String> names) {
      Set<String> lower = new HashSet<>();
      for (String name : names) {
        String word = requireText(name, "'subjectNames' entry").trim();
        if (word.contains(" ")) {
          throw error("subjectNames entry '" + word + "' must be one word");
        }
        lower.add(word.toLowerCase(Locale.ROOT));
      }
      return Set.copyOf(lower);
    }

    private Map<String, String> addActors(List<OntologyFile.ActorSpec> actors) {
      Map<String, String> labels = new LinkedHashMap<>();
      for (int i = 0; i < actors.size(); i++) {
        OntologyFile.ActorSpec a = actors.get(i);
        String id = requireText(a == null ? null : a.id(), "actor #" + (i + 1) + " 'id'");
        if (labels.put(id, a.label() == null ? id : a.label()) != null) {
          throw error("actor id '" + id + "' is declared twice");
        }
        List<String> aliases = a.aliases() == null ? List.of() : a.aliases();
        List<String> people = a.people() == null ? List.of() : a.people();
        if (aliases.isEmpty() && people.isEmpty()) {
          throw error("actor '" + id + "' has no aliases and no people: nothing could name it");
        }
        aliases.forEach(alias -> addAlias(alias, List.of(id), false));
        people.forEach(person -> addAlias(person, List.of(id), true));
        (a.adjectives() == null ? List.<String>of() : a.adjectives())
            .forEach(adjective -> addAdjective(adjective, id));
      }
      return labels;
    }

    private void addGroups(List<OntologyFile.GroupSpec> groups, Map<String, String> labels) {
      for (int i = 0; i < groups.size(); i++) {
        OntologyFile.GroupSpec g = groups.get(i);
        List<String> members =
            nonEmpty(g == null ? null : g.actors(), "group #" + (i + 1) + " 'actors'");
        requireDeclared(members, "group #" + (i + 1), labels);
        nonEmpty(g.aliases(), "group #" + (i + 1) + " 'aliases'")
            .forEach(alias -> addAlias(alias, List.copyOf(members), false));
      }
    }

    private void requireDeclared(List<String> ids, String where, Map<String, String> labels) {
      for (String id : ids) {
        if (!labels.containsKey(id)) {
          throw error(
              where
                  + " refers to unknown actor id '"
                  + id
                  + "' (declared actors: "
                  + String.join(", ", labels.keySet())
                  + ")");
        }
      }
    }

    private void addAdjective(String adjective, String id) {
      String text = requireText(adjective, "an adjective of " + id);
      List<Token> words = Tokenizer.tokenize(text);
      if (words.size() != 1) {
        throw error("adjective '" + text + "' of " + id + " must be one word");
      }
      List<String> previous = adjectives.putIfAbsent(words.get(0).lower(), List.of(id));
      if (previous != null) {
        throw error("adjective '" + text + "' names both " + previous.get(0) + " and " + id);
      }
    }

    private void addAlias(String alias, List<String> actors, boolean person) {
      String text = requireText(alias, "an alias of " + actors);
      PhrasePattern pattern = compile(text, "alias of " + actors);
      String owner = aliasOwner.putIfAbsent(pattern.signature(), String.join("+", actors));
      if (owner != null && !owner.equals(String.join("+", actors))) {
        throw error(
            "alias '" + text + "' names both " + owner + " and " + String.join("+", actors));
      }
      actorIndex.add(pattern, new ActorAlias(text, actors, person));
    }

    private Map<String, String> addIssues(
        List<OntologyFile.IssueSpec> issues, Map<String, String> labels) {
      Map<String, String> propositions = new LinkedHashMap<>();
      for (int i = 0; i < issues.size(); i++) {
        OntologyFile.IssueSpec issue = issues.get(i);
        String id = requireText(issue == null ? null : issue.id(), "issue #" + (i + 1) + " 'id'");
        if (propositions.put(id, Objects.requireNonNullElse(issue.proposition(), id)) != null) {
          throw error("issue id '" + id + "' is declared twice");
        }
        for (OntologyFile.PhraseSpec p :
            nonEmpty(issue.phrases(), "issue '" + id + "' 'phrases'")) {
          String what = "issue '" + id + "' phrase '" + (p == null ? null : p.text()) + "'";
          String text = requireText(p == null ? null : p.text(), what);
          int polarity = p.polarity() == null ? 1 : p.polarity();
          if (polarity != 1 && polarity != -1) {
            throw error(what + ": polarity must be 1 or -1, not " + polarity);
          }
          List<String> ownConcessionOf =
              p.ownConcessionOf() == null ? List.of() : List.copyOf(p.ownConcessionOf());
          requireDeclared(ownConcessionOf, what, labels);
          lexemeIndex.add(
              compile(text, what),
              new IssuePhrase(id, text, polarity, weight(p.weight(), what), ownConcessionOf));
        }
      }
      return propositions;
    }

    private void addOtherSenses(List<String> senses) {
      for (String sense : senses) {
        String what = "otherSenses entry '" + sense + "'";
        lexemeIndex.add(compile(requireText(sense, what), what), new OtherSense(sense));
      }
    }

    private void addCues(String baseLexicon, Lexicon lexicon, List<OntologyFile.CueSpec> own) {
      Map<String, OntologyFile.CueSpec> byText = new LinkedHashMap<>();
      String base = baseLexicon == null ? "english" : baseLexicon;
      switch (base) {
        case "english" -> {
          lexicon.cues.forEach(c -> byText.put(c.text(), c));
          addOtherSenses(lexicon.otherSenses);
        }
        case "none" -> {}
        default -> throw error("baseLexicon must be 'english' or 'none', not '" + base + "'");
      }
      own.forEach(c -> byText.put(requireText(c == null ? null : c.text(), "a cue's 'text'"), c));
      if (byText.isEmpty()) {
        throw error("no stance cues: declare 'cues' or use baseLexicon: english");
      }
      List<String> problems = new ArrayList<>();
      for (OntologyFile.CueSpec c : byText.values()) {
        String what = "cue '" + c.text() + "'";
        Integer stance = c.stance();
        if (stance == null || stance == 0 || Math.abs(stance) > 2) {
          problems.add(what + ": stance must be one of 2, 1, -1, -2, not " + stance);
          continue;
        }
        lexemeIndex.add(
            compile(c.text(), what),
            new Cue(
                c.text(),
                stance,
                Boolean.TRUE.equals(c.deontic()),
                Boolean.TRUE.equals(c.evaluative()),
                weight(c.weight(), what),
                Boolean.TRUE.equals(c.transitive()),
                Boolean.TRUE.equals(c.directive())));
      }
      if (!problems.isEmpty()) {
        throw error(String.join("; ", problems));
      }
    }

    private double weight(Double weight, String what) {
      if (weight == null) {
        return 1.0;
      }
      if (!(weight > 0 && weight <= 1)) {
        throw error(what + ": weight must be in (0, 1], not " + weight);
      }
      return weight;
    }

    private PhrasePattern compile(String text, String what) {
      try {
        return PhrasePattern.compile(text);
      } catch (IllegalArgumentException e) {
        throw error(what + ": " + e.getMessage());
      }
    }

    private String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw error("missing " + what);
      }
      return value.trim();
    }

    private <T> List<T> nonEmpty(List<T> list, String what) {
      if (list == null || list.isEmpty()) {
        throw error("missing or empty " + what);
      }
      return list;
    }

    private OntologyException error(String problem) {
      return new OntologyException("ontology " + source + ": " + problem);
    }
  }
}
