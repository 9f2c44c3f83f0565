package dev.parley.extractor;

import java.util.Objects;

/**
 * An article as headline and body. Offsets of extracted positions always refer to
 * {@link #of(String, String)}: the headline, a line break, the body.
 */
public record ArticleText(String headline, String body) {

    public ArticleText {
        headline = Objects.requireNonNullElse(headline, "");
        body = Objects.requireNonNullElse(body, "");
    }

    /** The text that extraction offsets refer to. */
    public static String of(String headline, String body) {
        return Objects.requireNonNullElse(headline, "") + "\n" + Objects.requireNonNullElse(body, "");
    }

    /** Reads the sample-file layout: first line is the headline, the rest is the body. */
    public static ArticleText parseFile(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return new ArticleText(text.strip(), "");
        }
        return new ArticleText(text.substring(0, newline).strip(), text.substring(newline + 1));
    }

    /** Same as {@link #of(String, String)} for this article. */
    public String text() {
        return of(headline, body);
    }
}
