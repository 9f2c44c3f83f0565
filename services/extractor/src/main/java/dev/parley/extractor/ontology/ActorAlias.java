package dev.parley.extractor.ontology;

import java.util.List;

/**
 * A name for one or more parties.
 *
 * @param actors ids of the parties (several for group names such as "Western allies")
 * @param person the name is a person or a personal title, so it can be referred to as "he"/"she"
 */
public record ActorAlias(String text, List<String> actors, boolean person) {}
