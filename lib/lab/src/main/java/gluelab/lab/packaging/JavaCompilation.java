package gluelab.lab.packaging;

import com.sun.source.util.JavacTask;
import gluelab.lab.JobCompileException;
import gluelab.lab.LabSetupException;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in this JVM with javax.tools (for Java 17, as Glue 5.0 runs), finds the classes with
 * a {@code main} method, and turns errors into a message a learner can act on: file and line, the line
 * itself with a caret under the spot, and javac's explanation.
 */
public final class JavaCompilation {

    /**
     * What a compilation produced.
     *
     * @param mainClasses the binary names of classes with {@code public static void main(String[])}
     */
    public record Result(List<String> mainClasses) {
    }

    private JavaCompilation() {
    }

    /**
     * Compiles {@code sources} against {@code classpath} into {@code outputDir}.
     *
     * @param displayName how to show a source file's path in errors, e.g. relative to the checkout
     * @param hint        added to the message when a failure names this text (e.g. a missing package), or null
     */
    public static Result compile(List<Path> sources, List<Path> classpath, Path outputDir,
                                 Function<Path, String> displayName, Function<String, String> hint) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new LabSetupException("Packaging a job compiles Java, which needs a JDK; this is a JRE ("
                    + System.getProperty("java.home") + "). Install a JDK 17 or later.");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter compilerOutput = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(outputDir);
            List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-proc:none", "-nowarn",
                    "-Xlint:none", "-g", "-classpath", classpath.stream().map(Path::toString)
                            .collect(Collectors.joining(File.pathSeparator)), "-d", outputDir.toString());
            JavacTask task = (JavacTask) compiler.getTask(compilerOutput, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            List<String> mainClasses = new ArrayList<>();
            Iterable<? extends Element> analyzed = task.analyze();
            failOnErrors(diagnostics, displayName, hint, compilerOutput);
            Elements elements = task.getElements();
            for (Element element : analyzed) {
                if (element instanceof TypeElement type) {
                    collectMainClasses(type, elements, mainClasses);
                }
            }
            task.generate();
            failOnErrors(diagnostics, displayName, hint, compilerOutput);
            mainClasses.sort(null);
            return new Result(List.copyOf(mainClasses));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compile: " + e.getMessage(), e);
        }
    }

    private static void collectMainClasses(TypeElement type, Elements elements, List<String> mainClasses) {
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof ExecutableElement method && isMain(method)) {
                mainClasses.add(elements.getBinaryName(type).toString());
            } else if (member instanceof TypeElement nested && member.getModifiers().contains(Modifier.STATIC)) {
                collectMainClasses(nested, elements, mainClasses);
            }
        }
    }

    private static boolean isMain(ExecutableElement method) {
        if (method.getKind() != ElementKind.METHOD || !method.getSimpleName().contentEquals("main")
                || !method.getModifiers().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC))
                || method.getReturnType().getKind() != TypeKind.VOID || method.getParameters().size() != 1) {
            return false;
        }
        return method.getParameters().get(0).asType() instanceof ArrayType array
                && array.getComponentType().toString().equals("java.lang.String");
    }

    private static void failOnErrors(DiagnosticCollector<JavaFileObject> diagnostics, Function<Path, String> displayName,
                                     Function<String, String> hint, StringWriter compilerOutput) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(describe(diagnostic, displayName));
            }
        }
        if (errors.isEmpty()) {
            if (!compilerOutput.toString().isBlank() && compilerOutput.toString().contains("error")) {
                errors.add(compilerOutput.toString().strip());
            } else {
                return;
            }
        }
        StringBuilder message = new StringBuilder("The job does not compile (" + errors.size() + " error"
                + (errors.size() == 1 ? "" : "s") + "):\n\n");
        message.append(String.join("\n\n", errors));
        String extra = hint == null ? null : hint.apply(message.toString());
        if (extra != null) {
            message.append("\n\n").append(extra);
        }
        throw new JobCompileException(message.toString(), errors);
    }

    /** One error as javac prints it, with the source line and a caret. */
    static String describe(Diagnostic<? extends JavaFileObject> diagnostic, Function<Path, String> displayName) {
        String message = diagnostic.getMessage(Locale.ROOT);
        String firstLine = message.lines().findFirst().orElse("");
        String details = message.lines().skip(1).collect(Collectors.joining("\n"));
        JavaFileObject source = diagnostic.getSource();
        if (source == null || diagnostic.getLineNumber() == Diagnostic.NOPOS) {
            return "error: " + message;
        }
        Path file = Path.of(source.toUri());
        StringBuilder text = new StringBuilder(displayName.apply(file)).append(':').append(diagnostic.getLineNumber())
                .append(": error: ").append(firstLine);
        String line = sourceLine(file, (int) diagnostic.getLineNumber());
        if (line != null) {
            text.append('\n').append(line);
            long column = diagnostic.getColumnNumber();
            if (column != Diagnostic.NOPOS && column >= 1) {
                StringBuilder caret = new StringBuilder();
                for (int i = 0; i < column - 1 && i < line.length(); i++) {
                    caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
                }
                text.append('\n').append(caret).append('^');
            }
        }
        if (!details.isBlank()) {
            text.append('\n').append(details);
        }
        return text.toString();
    }

    private static String sourceLine(Path file, int number) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return number >= 1 && number <= lines.size() ? lines.get(number - 1) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
