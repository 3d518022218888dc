package com.loanflow.contract.template;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces ${name} in template text; a name without a value is a template/content mismatch and fails the render. */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private Placeholders() {
    }

    static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new MissingPlaceholderException(matcher.group(1), text);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        if (filled.indexOf("${") >= 0) {
            // A malformed placeholder (e.g. "${ name}") would otherwise be printed into a legal document.
            throw new IllegalStateException("malformed placeholder in template line: " + text);
        }
        return filled.toString();
    }
}
