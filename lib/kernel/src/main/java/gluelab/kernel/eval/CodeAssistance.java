package gluelab.kernel.eval;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Help while typing, from JShell's source analysis over a session's current state: completion, inspection
 * and whether a cell is complete. Magic lines are skipped; in code, the snippet under the cursor is analysed.
 */
final class CodeAssistance {

    private final JShell jshell;

    CodeAssistance(JShell jshell) {
        this.jshell = jshell;
    }

    private SourceCodeAnalysis analysis() {
        return jshell.sourceCodeAnalysis();
    }

    /** Completion candidates at the cursor. */
    Completion complete(String cell, int cursor) {
        Optional<SnippetAt> at = snippetAt(cell, cursor);
        if (at.isEmpty()) {
            return new Completion(List.of(), cursor, cursor);
        }
        SnippetAt snippet = at.get();
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                analysis().completionSuggestions(snippet.text(), snippet.cursor(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completion(List.copyOf(matches), snippet.start() + anchor[0], cursor);
    }

    /** Signatures and documentation of what is at the cursor, as plain text, or empty if nothing is known. */
    Optional<String> inspect(String cell, int cursor) {
        Optional<SnippetAt> at = snippetAt(cell, cursor);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        SnippetAt snippet = at.get();
        SourceCodeAnalysis analysis = analysis();
        List<String> parts = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation documentation : analysis.documentation(snippet.text(), snippet.cursor(), true)) {
            parts.add(documentation.signature());
            if (documentation.javadoc() != null && !documentation.javadoc().isBlank()) {
                parts.add(documentation.javadoc().strip());
            }
        }
        if (parts.isEmpty()) {
            SourceCodeAnalysis.QualifiedNames names = analysis.listQualifiedNames(snippet.text(), snippet.cursor());
            if (!names.getNames().isEmpty()) {
                parts.addAll(names.getNames());
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", parts));
    }

    /** Whether the cell could run as typed, for consoles deciding between "run" and "new line". */
    Completeness completeness(String cell) {
        Completeness result = Completeness.COMPLETE;
        for (CellSource.Segment segment : CellSource.parse(cell)) {
            if (segment instanceof CellSource.JavaCode code) {
                result = completenessOf(code.text());
            }
        }
        return result;
    }

    private Completeness completenessOf(String code) {
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis().analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return Completeness.COMPLETE;
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    remaining = info.remaining();
                    break;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return Completeness.INCOMPLETE;
                default:
                    return Completeness.INVALID;
            }
        }
    }

    /** The snippet of a cell the cursor is in, and the cursor relative to it; empty on a magic line. */
    private Optional<SnippetAt> snippetAt(String cell, int cursor) {
        for (CellSource.Segment segment : CellSource.parse(cell)) {
            if (segment instanceof CellSource.JavaCode code
                    && cursor >= code.offset() && cursor <= code.offset() + code.text().length()) {
                String remaining = code.text().substring(0, cursor - code.offset());
                int start = code.offset();
                while (true) {
                    CompletionInfo info = analysis().analyzeCompletion(remaining);
                    if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                        break;
                    }
                    start += remaining.length() - info.remaining().length();
                    remaining = info.remaining();
                }
                return Optional.of(new SnippetAt(remaining, start, remaining.length()));
            }
        }
        return Optional.empty();
    }

    private record SnippetAt(String text, int start, int cursor) {
    }
}
