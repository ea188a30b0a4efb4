package gluelab.kernel.eval;

import gluelab.kernel.eval.magic.MagicContext;
import gluelab.kernel.eval.magic.MagicException;
import gluelab.kernel.eval.magic.Magics;
import gluelab.lab.display.Display;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * The evaluator shared by the Jupyter kernel and the headless runner: a JShell running in this JVM, with the
 * process class path and the {@link DefaultImports} preloaded, IJava's magics, and cell output captured per cell.
 * One session is one notebook's state.
 */
public final class JavaSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JavaSession.class.getName());

    /** Cell output goes through process-wide streams, so cells of all sessions in this JVM run one at a time. */
    private static final ReentrantLock CELL_EXECUTION = new ReentrantLock();

    private static final Object NO_VALUE = new Object();

    private final JShell jshell;
    private final InProcessExecutionControl control;
    private final OutputCapture capture;
    private final Magics magics = Magics.standard();
    private final SnippetOrigins origins = new SnippetOrigins();
    private final CellErrors errors = new CellErrors(origins);
    private final CodeAssistance assistance;
    private final Path workingDirectory;
    private volatile boolean interruptRequested;
    private volatile String interruptReason;

    private JavaSession(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.capture = OutputCapture.install();
        InProcessEngine engine = new InProcessEngine();
        this.control = engine.control();
        this.jshell = JShell.builder()
                .executionEngine(engine, Map.of())
                .out(capture.processOut())
                .err(capture.processErr())
                // Debug information names locals and parameters in NullPointerException messages ("because "t" is
                // null", not "<parameter1>").
                .compilerOptions("-g")
                .build();
        // Compiles against the process class path; snippet classes still load it through this JVM's loader.
        jshell.addToClasspath(ProcessClasspath.asString());
        for (String target : DefaultImports.IMPORTS) {
            addImport(target);
        }
        this.assistance = new CodeAssistance(jshell);
    }

    /**
     * Starts a session whose magics resolve relative paths against {@code workingDirectory} (the notebook's
     * directory, as Jupyter starts kernels there).
     */
    public static JavaSession start(Path workingDirectory) {
        return new JavaSession(workingDirectory);
    }

    /** Compiles and runs a trivial cell, so the first real cell does not pay for the compiler's start-up. */
    public JavaSession warmUp() {
        execute(0, "String.valueOf(1 + 1)", CellListener.IGNORE);
        return this;
    }

    public OutputCapture outputCapture() {
        return capture;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /**
     * Runs one cell. Everything it produces goes to {@code listener} in order; if it fails, the error is both
     * sent to the listener and returned.
     */
    public Optional<CellError> execute(int executionCount, String cell, CellListener listener) {
        CELL_EXECUTION.lock();
        try {
            interruptRequested = false;
            interruptReason = null;
            control.beginCell();
            capture.begin(listener);
            Object value = NO_VALUE;
            CellError error = null;
            try {
                value = evaluateCell(SourceOrigin.cell(executionCount, cell));
            } catch (CellFailure failure) {
                error = failure.error();
            } finally {
                capture.end();
            }
            if (error == null && value != NO_VALUE && value != null && !ResultSuppression.endsWithSemicolon(cell)) {
                try {
                    listener.result(Display.render(value));
                } catch (RuntimeException renderingFailed) {
                    // toString() or toMimeBundle() of the notebook's own class threw.
                    error = CellErrors.rendering(renderingFailed);
                }
            }
            if (error != null) {
                listener.error(error);
                return Optional.of(error);
            }
            return Optional.empty();
        } finally {
            CELL_EXECUTION.unlock();
        }
    }

    /** Asks the running cell to stop; it ends with an "Interrupted" error. Safe to call from any thread. */
    public void interrupt() {
        interrupt(null);
    }

    /** Like {@link #interrupt()}, saying why in the error, such as a timeout. */
    public void interrupt(String reason) {
        interruptReason = reason;
        interruptRequested = true;
        control.stop();
    }

    /** Completion candidates at the cursor. */
    public Completion complete(String cell, int cursor) {
        return assistance.complete(cell, cursor);
    }

    /** Signatures and documentation of what is at the cursor, as plain text, or empty if nothing is known. */
    public Optional<String> inspect(String cell, int cursor) {
        return assistance.inspect(cell, cursor);
    }

    /** Whether the cell could run as typed, for consoles deciding between "run" and "new line". */
    public Completeness completeness(String cell) {
        return assistance.completeness(cell);
    }

    @Override
    public void close() {
        magics.close();
        jshell.close();
    }

    private Object evaluateCell(SourceOrigin origin) throws CellFailure {
        return evaluateText(origin.text(), origin, 0);
    }

    /** Evaluates cell text (all of a cell, or what a magic was given of it) starting at {@code offset} in its origin. */
    private Object evaluateText(String text, SourceOrigin origin, int offset) throws CellFailure {
        Object value = NO_VALUE;
        for (CellSource.Segment segment : CellSource.parse(text)) {
            checkInterrupted();
            if (segment instanceof CellSource.LineMagic magic) {
                value = runMagic(magic, origin, offset);
            } else if (segment instanceof CellSource.CellMagic magic) {
                value = runMagic(magic, origin, offset);
            } else if (segment instanceof CellSource.JavaCode code) {
                value = evaluateJava(code.text(), origin, offset + code.offset());
            }
        }
        return value;
    }

    private Object runMagic(CellSource.LineMagic magic, SourceOrigin origin, int offset) throws CellFailure {
        try {
            if (magic.misplacedCellMagic()) {
                throw magics.misplacedCellMagic(magic.name());
            }
            Object value = magics.runLine(magic.name(), magic.arguments(),
                    new SessionMagicContext(origin, offset + magic.argumentsOffset()));
            return value == null ? NO_VALUE : value;
        } catch (MagicException e) {
            throw new CellFailure(CellErrors.magic(e.getMessage()));
        }
    }

    private Object runMagic(CellSource.CellMagic magic, SourceOrigin origin, int offset) throws CellFailure {
        try {
            Object value = magics.runCell(magic.name(), magic.arguments(), magic.body(),
                    new SessionMagicContext(origin, offset + magic.bodyOffset()));
            return value == null ? NO_VALUE : value;
        } catch (MagicException e) {
            throw new CellFailure(CellErrors.magic(e.getMessage()));
        }
    }

    /** Evaluates the snippets of a piece of code one by one; returns the value of the last expression. */
    private Object evaluateJava(String code, SourceOrigin origin, int offsetInOrigin) throws CellFailure {
        Object value = NO_VALUE;
        String remaining = code;
        int consumed = 0;
        while (true) {
            checkInterrupted();
            CompletionInfo info = jshell.sourceCodeAnalysis().analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                return value;
            }
            boolean complete = info.completeness().isComplete();
            // An incomplete or unparseable rest is evaluated as is, so the compiler explains what is wrong.
            String source = complete ? info.source() : remaining;
            // JShell numbers the lines of stack frames from the first non-blank character, and gets them wrong
            // for declarations that start with blank lines, so leading blanks never reach it.
            int blanks = leadingWhitespace(source);
            value = evaluateSnippet(source.substring(blanks), origin, offsetInOrigin + consumed + blanks);
            if (!complete) {
                return value;
            }
            consumed += remaining.length() - info.remaining().length();
            remaining = info.remaining();
        }
    }

    private Object evaluateSnippet(String source, SourceOrigin origin, int offsetInOrigin) throws CellFailure {
        control.resetLastValue();
        List<SnippetEvent> events = jshell.eval(source);
        SnippetEvent event = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (event == null) {
            checkInterrupted();
            return NO_VALUE;
        }
        Snippet snippet = event.snippet();
        origins.record(snippet.id(), origin, lineOf(origin.text(), offsetInOrigin));
        checkInterrupted();
        if (event.status() == Snippet.Status.REJECTED) {
            throw new CellFailure(errors.compilation(jshell, snippet, origin, offsetInOrigin));
        }
        if (event.exception() instanceof EvalException exception) {
            throw new CellFailure(errors.exception(exception));
        }
        if (event.exception() instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet declaration = unresolved.getSnippet();
            throw new CellFailure(errors.unresolved(describe(declaration), jshell.unresolvedDependencies(declaration).toList()));
        }
        if (event.exception() != null) {
            throw new CellFailure(new CellError(event.exception().getClass().getName(), event.exception().getMessage(),
                    List.of(String.valueOf(event.exception()))));
        }
        if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED && snippet instanceof DeclarationSnippet declaration) {
            throw new CellFailure(errors.unresolved(describe(declaration), jshell.unresolvedDependencies(declaration).toList()));
        }
        return isResult(snippet) && control.invokedSinceReset() ? control.lastValue() : NO_VALUE;
    }

    /** Expressions are a cell's result; declarations, statements and assignments are not. */
    private static boolean isResult(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private static String describe(DeclarationSnippet declaration) {
        String kind = switch (declaration.kind()) {
            case METHOD -> "method";
            case VAR -> "variable";
            case TYPE_DECL -> "type";
            default -> "declaration";
        };
        return kind + " " + declaration.name();
    }

    private void checkInterrupted() throws CellFailure {
        if (interruptRequested) {
            throw new CellFailure(CellErrors.interrupted(interruptReason));
        }
    }

    private void addImport(String target) {
        SnippetEvent event = jshell.eval(DefaultImports.declaration(target)).get(0);
        if (event.status() != Snippet.Status.VALID) {
            // A lab package absent from the class path (a trimmed build) must not break every notebook.
            LOG.warning(() -> "default import skipped, not on the class path: " + target);
            jshell.drop(event.snippet());
        }
    }

    private static int leadingWhitespace(String text) {
        int count = 0;
        while (count < text.length() && Character.isWhitespace(text.charAt(count))) {
            count++;
        }
        return count;
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * How a session lets magics act on it. {@code inputOffset} is where the magic's arguments or body start in
     * {@code origin}, so code a magic evaluates keeps the cell's line numbers in errors.
     */
    private final class SessionMagicContext implements MagicContext {

        private final SourceOrigin origin;
        private final int inputOffset;

        SessionMagicContext(SourceOrigin origin, int inputOffset) {
            this.origin = origin;
            this.inputOffset = inputOffset;
        }

        @Override
        public Path workingDirectory() {
            return workingDirectory;
        }

        @Override
        public void addToClasspath(Path entry) {
            jshell.addToClasspath(entry.toAbsolutePath().normalize().toString());
        }

        @Override
        public void evaluateFile(Path file, String source) throws CellFailure {
            evaluateJava(source, new SourceOrigin(workingDirectory.relativize(file).toString(), source), 0);
        }

        @Override
        public Object evaluate(String code) throws CellFailure {
            int at = origin.text().indexOf(code, inputOffset);
            Object value = at < 0
                    ? evaluateText(code, new SourceOrigin("magic input", code), 0)
                    : evaluateText(code, origin, at);
            return value == NO_VALUE ? null : value;
        }
    }
}
