package dev.parley.extractor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the shared sample articles through the extractor, writes the predictions for the Python
 * scorer to target/sample-predictions.jsonl (and the confident ones to
 * target/sample-predictions-confident.jsonl) and guards a quality floor.
 */
class SampleScoreTest {

    static final Path PREDICTIONS = Path.of("target/sample-predictions.jsonl");
    static final Path CONFIDENT = Path.of("target/sample-predictions-confident.jsonl");

    @Test
    void samplesScoreAboveTheFloor() throws Exception {
        Assumptions.assumeTrue(SampleCorpus.available(),
                "shared samples not found at " + SampleCorpus.SHARED.toAbsolutePath().normalize() + "; skipping");
        PositionExtractor extractor = new PositionExtractor(Ontology.loadDefault());
        List<SampleCorpus.Prediction> all = SampleCorpus.predict(extractor);
        List<SampleCorpus.Prediction> confident = all.stream().filter(p -> p.position().confidence() >= 0.7).toList();
        SampleCorpus.write(all, PREDICTIONS);
        SampleCorpus.write(confident, CONFIDENT);

        SampleCorpus.Score score = SampleCorpus.score(all);
        SampleCorpus.Score confidentScore = SampleCorpus.score(confident);
        System.out.println("samples, all positions:        " + score);
        System.out.println("samples, confidence >= 0.7:    " + confidentScore);
        // Floors sit below the measured 0.968/0.968 so that honest generalisations can trade a
        // sample or two; a drop beneath them means a rule broke, not that a sentence was missed.
        assertTrue(score.precision() >= 0.85, "precision " + score);
        assertTrue(score.recall() >= 0.85, "recall " + score);
        assertTrue(confidentScore.precision() >= score.precision(),
                "confident positions must be at least as precise: " + confidentScore + " vs " + score);
    }
}
