package gluelab.kernel.eval;

import gluelab.lab.display.MimeBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaSessionTest {

    private static JavaSession session;
    private static int executionCount;

    @BeforeAll
    static void startSession(@TempDir Path workingDirectory) {
        session = JavaSession.start(workingDirectory);
    }

    @AfterAll
    static void closeSession() {
        session.close();
    }

    private static RecordingListener run(String cell) {
        RecordingListener listener = new RecordingListener();
        session.execute(++executionCount, cell, listener);
        return listener;
    }

    private static RecordingListener runOk(String cell) {
        RecordingListener listener = run(cell);
        assertNull(listener.error(), () -> "unexpected error: " + listener.error());
        return listener;
    }

    @Test
    void classesRecordsVarAndTextBlocksDefinedInOneCellAreUsableInTheNext() {
        runOk("""
                record Point(int x, int y) {
                    int sum() { return x + y; }
                }
                class Counter { private int n; int next() { return ++n; } }
                var origin = new Point(2, 3);
                String banner = \"\"\"
                    Hello,
                    notebook\"\"\";
                """);
        RecordingListener next = runOk("""
                var counter = new Counter();
                counter.next();
                System.out.println(banner.lines().count() + " " + origin.sum() + " " + counter.next());
                """);
        assertEquals("2 5 2\n", next.stdout());
    }

    @Test
    void theLastExpressionIsTheCellResultAsPlainText() {
        RecordingListener cell = runOk("int a = 20;\na + 22");
        assertEquals(MimeBundle.text("42"), cell.result());
    }

    @Test
    void statementsDeclarationsAndNullValuesProduceNoResult() {
        assertNull(runOk("int unused = 1;").result());
        assertNull(runOk("System.out.println(\"x\");").result());
        assertNull(runOk("Object nothing = null;\nnothing").result());
    }

    @Test
    void aRenderableResultCarriesItsRichBundle() {
        RecordingListener cell = runOk("""
                Renderable table = () -> MimeBundle.html("<table><tr><td>1</td></tr></table>", "1 row");
                table
                """);
        assertEquals("<table><tr><td>1</td></tr></table>", cell.result().data().get("text/html"));
        assertEquals("1 row", cell.result().plainText());
    }

    @Test
    void aResultWhoseToStringThrowsIsAnErrorNotACrash() {
        runOk("class Broken { public String toString() { throw new IllegalStateException(\"no text for you\"); } }");
        CellError error = run("new Broken()").error();
        assertEquals("java.lang.IllegalStateException", error.ename());
        assertEquals("no text for you", error.evalue());
    }

    @Test
    void displaySendsRichOutputBetweenTheTextPrintedBeforeAndAfterIt() {
        RecordingListener cell = runOk("""
                System.out.println("before");
                display(MimeBundle.svg("<svg/>", "a picture"));
                System.out.println("after");
                """);
        assertEquals(3, cell.outputs.size(), cell.outputs::toString);
        assertEquals(new RecordingListener.Stream(StdStream.STDOUT, "before\n"), cell.outputs.get(0));
        assertEquals("<svg/>", ((RecordingListener.Displayed) cell.outputs.get(1)).bundle().data().get("image/svg+xml"));
        assertEquals(new RecordingListener.Stream(StdStream.STDOUT, "after\n"), cell.outputs.get(2));
    }

    @Test
    void stdoutAndStderrKeepTheirOrder() {
        RecordingListener cell = runOk("""
                System.out.println("one");
                System.err.println("two");
                System.out.print("three");
                """);
        assertEquals(List.of(
                new RecordingListener.Stream(StdStream.STDOUT, "one\n"),
                new RecordingListener.Stream(StdStream.STDERR, "two\n"),
                new RecordingListener.Stream(StdStream.STDOUT, "three")), cell.outputs);
    }

    @Test
    void outputOfThreadsStartedByTheCellIsCapturedWhileTheCellRuns() {
        RecordingListener cell = runOk("""
                var worker = new Thread(() -> System.out.println("from a worker"));
                worker.start();
                worker.join();
                """);
        assertEquals("from a worker\n", cell.stdout());
    }

    @Test
    void anExceptionShowsItsClassMessageAndOnlyTheNotebooksFrames() {
        runOk("""
                int validate(int rows) {
                    if (rows < 0) {
                        throw new IllegalArgumentException("rows must not be negative: " + rows);
                    }
                    return rows;
                }
                """);
        int count = executionCount + 1;
        CellError error = run("\n\nvalidate(-1)").error();
        assertEquals("java.lang.IllegalArgumentException", error.ename());
        assertEquals("rows must not be negative: -1", error.evalue());
        assertEquals("java.lang.IllegalArgumentException: rows must not be negative: -1", error.traceback().get(0));
        assertEquals("\tat validate(Cell In[" + (count - 1) + "], line 3)", error.traceback().get(1));
        assertEquals("\tat Cell In[" + count + "], line 3", error.traceback().get(2));
        assertEquals(3, error.traceback().size(), error.traceback()::toString);
        assertTrue(error.traceback().stream().noneMatch(line -> line.contains("jdk.") || line.contains("reflect") || line.contains("gluelab.kernel")));
    }

    @Test
    void framesOfLibraryCodeBetweenTheNotebooksFramesAreLeftOut() {
        int count = executionCount + 1;
        CellError error = run("List.of(\"only\").get(5)").error();
        assertEquals(List.of(
                "java.lang.IndexOutOfBoundsException: Index: 5 Size: 1",
                "\tat Cell In[" + count + "], line 1"), error.traceback());
    }

    @Test
    void causesAreShownWithTheirOwnFrames() {
        CellError error = run("""
                try {
                    Integer.parseInt("ten");
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("bad config", e);
                }
                """).error();
        assertEquals("java.lang.IllegalStateException", error.ename());
        assertTrue(error.traceback().contains("Caused by: java.lang.NumberFormatException: For input string: \"ten\""),
                error.traceback()::toString);
    }

    @Test
    void aCompileErrorQuotesTheOffendingLineWithACaret() {
        int count = executionCount + 1;
        CellError error = run("int rows = 3;\nint total = rowz * 2;").error();
        assertEquals("CompilationError", error.ename());
        assertEquals("cannot find symbol; symbol: variable rowz", error.evalue());
        assertEquals(List.of(
                "Cell In[" + count + "], line 2: cannot find symbol",
                "  symbol: variable rowz",
                "    int total = rowz * 2;",
                "                ^^^^"), error.traceback());
    }

    @Test
    void aCellStopsAtItsFirstFailingSnippet() {
        RecordingListener cell = run("""
                System.out.println("runs");
                throw new IllegalStateException("stop here");
                System.out.println("never");
                """);
        assertEquals("runs\n", cell.stdout());
        assertEquals("stop here", cell.error().evalue());
    }

    @Test
    void assertionsAreEnabledInCells() {
        CellError error = run("assert 1 > 2 : \"arithmetic is broken\";").error();
        assertEquals("java.lang.AssertionError", error.ename());
        assertEquals("arithmetic is broken", error.evalue());
    }

    @Test
    void usingAMethodWhoseDependencyIsMissingSaysWhatIsMissing() {
        runOk("double area(double r) { return new Circle(r).area(); }");
        CellError error = run("area(1)").error();
        assertEquals("method area cannot be used until class Circle is declared", error.evalue());
    }

    @Test
    void interruptStopsABusyLoopAndASleepAndTheSessionStaysUsable() throws Exception {
        assertInterrupts("System.out.println(\"spinning\");\nlong spins = 0; while (true) { spins++; }");
        assertInterrupts("System.out.println(\"sleeping\");\nThread.sleep(60_000);");
        assertEquals(MimeBundle.text("ok"), runOk("\"ok\"").result());
    }

    private static void assertInterrupts(String cell) throws Exception {
        RecordingListener listener = new RecordingListener();
        int count = ++executionCount;
        CompletableFuture<Optional<CellError>> running = CompletableFuture.supplyAsync(() -> session.execute(count, cell, listener));
        assertTrue(listener.firstOutput.await(30, TimeUnit.SECONDS), "the cell did not start");
        session.interrupt();
        CellError error = running.get(30, TimeUnit.SECONDS).orElseThrow();
        assertEquals("Interrupted", error.ename());
        assertEquals("execution was interrupted", error.evalue());
    }

    @Test
    void unknownMagicsAreAClearError() {
        CellError error = run("%frobnicate now").error();
        assertEquals("MagicError", error.ename());
        assertEquals("unknown line magic %frobnicate; %lsmagic lists the magics this kernel knows", error.evalue());
    }

    @Test
    void aCellMagicBelowTheFirstLineSaysItMustComeFirst() {
        CellError error = run("int early = 1;\n%%time\nearly + 1").error();
        assertEquals("%%time must be the first line of the cell: a cell magic runs the whole cell; for one line, write %time",
                error.evalue());
    }

    @Test
    void lsmagicListsEveryMagicWithItsUsageOnOneLine() {
        String listing = runOk("%lsmagic").stdout();
        for (String usage : List.of("%addMavenRepo <id> <url>", "%classpath <directory or jar>...", "%jars <path or glob>...",
                "%load <file>", "%loadFromPOM <pom.xml> [scope...]", "%lsmagic",
                "%maven <group:artifact[:type[:classifier]]:version>...", "%time <statement>", "%%loadFromPOM [scope...]", "%%time")) {
            assertTrue(listing.lines().anyMatch(line -> line.startsWith("  " + usage + " ")), () -> usage + " missing from\n" + listing);
        }
        assertTrue(listing.contains("(also %addMavenDependencies, %addMavenDependency)"), listing);
        assertTrue(listing.startsWith("Line magics:\n") && listing.contains("\nCell magics:\n"), listing);
    }

    @Test
    void timePrintsCpuAndWallTimeAsIPythonDoesAndKeepsTheValue() {
        RecordingListener cell = runOk("%time 6 * 7");
        assertEquals(MimeBundle.text("42"), cell.result());
        assertTrue(cell.stdout().matches("CPU times: user [0-9.]+ [µm]?s, sys: [0-9.]+ [µmn]?s, total: [0-9.]+ [µmn]?s\nWall time: [0-9.]+ [µmn]?s\n"),
                cell.stdout());
    }

    @Test
    void cellTimeRunsTheWholeCellAndItsErrorsPointAtTheCellsLines() {
        RecordingListener cell = runOk("%%time\nint base = 20;\nbase + 22");
        assertEquals(MimeBundle.text("42"), cell.result());
        assertTrue(cell.stdout().contains("Wall time: "), cell.stdout());

        int count = executionCount + 1;
        CellError error = run("%%time\nint fine = 1;\nthrow new IllegalStateException(\"stop\");").error();
        assertEquals(List.of("java.lang.IllegalStateException: stop", "\tat Cell In[" + count + "], line 3"), error.traceback());
    }

    @Test
    void aNullPointerExceptionNamesTheVariableAsTheLearnerWroteIt() {
        runOk("String s = null;\nint len(String text) { return text.length(); }");
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null", run("s.length()").error().evalue());
        assertEquals("Cannot invoke \"String.length()\" because \"text\" is null", run("len(null)").error().evalue());
    }

    @Test
    void aClassCastExceptionAndTheLearnersOwnExceptionsNameTheirClassesAsWritten() {
        runOk("record Order(int id) {}\nclass OrderRejected extends RuntimeException { OrderRejected(String m) { super(m); } }");
        CellError cast = run("Object o = new Order(1);\nString text = (String) o;").error();
        assertEquals("java.lang.ClassCastException", cast.ename());
        assertTrue(cast.evalue().startsWith("class Order cannot be cast to class java.lang.String (Order is in unnamed module"),
                cast.evalue());
        assertFalse(String.join("\n", cast.traceback()).contains("$JShell$"), cast.traceback()::toString);

        CellError rejected = run("throw new OrderRejected(\"order 7 has no lines\");").error();
        assertEquals("OrderRejected", rejected.ename());
        assertEquals("OrderRejected: order 7 has no lines", rejected.traceback().get(0));
    }

    @Test
    void displayAsRequestedTypesThenUpdateItUnderItsId() {
        RecordingListener cell = runOk("""
                String id = display("<b>3</b>", "text/html");
                updateDisplay(id, "<b>2</b>", "text/html");
                id
                """);
        RecordingListener.Displayed shown = (RecordingListener.Displayed) cell.outputs.get(0);
        RecordingListener.Updated updated = (RecordingListener.Updated) cell.outputs.get(1);
        assertEquals(java.util.Map.of("text/html", "<b>3</b>", "text/plain", "<b>3</b>"), shown.bundle().data());
        assertEquals(shown.displayId(), updated.displayId());
        assertEquals("<b>2</b>", updated.bundle().data().get("text/html"));
        assertEquals(MimeBundle.text(shown.displayId()), cell.result());
    }

    @Test
    void aRendererRegisteredForTheLearnersTypeShowsItsValuesAndRenderPicksTypes() {
        RecordingListener cell = runOk("""
                record Invoice(String customer, int cents) {}
                Display.register(Invoice.class, invoice -> MimeBundle.of("text/markdown", "**" + invoice.customer() + "** owes "
                        + invoice.cents() / 100.0, invoice.customer()));
                new Invoice("Ada", 1250)
                """);
        assertEquals("**Ada** owes 12.5", cell.result().data().get("text/markdown"));
        assertEquals("Ada", cell.result().plainText());

        MimeBundle onlyPlain = runOk("render(new Invoice(\"Bo\", 100), \"text/html\")").result();
        assertEquals(java.util.Map.of("text/plain", "Bo"), onlyPlain.data());
    }

    @Test
    void loadEvaluatesAFileRelativeToTheWorkingDirectory() throws Exception {
        Files.writeString(session.workingDirectory().resolve("helpers.jsh"), "String greet(String who) { return \"hello \" + who; }\n");
        RecordingListener cell = runOk("%load helpers.jsh\ngreet(\"lab\")");
        assertEquals(MimeBundle.text("hello lab"), cell.result());
    }

    @Test
    void completionOffersMembersOfTheExpressionBeforeTheCursor() {
        runOk("String word = \"abc\";");
        String cell = "int x = 1;\nword.toUpp";
        Completion completion = session.complete(cell, cell.length());
        assertTrue(completion.matches().contains("toUpperCase("), completion.matches()::toString);
        assertEquals(cell.length() - "toUpp".length(), completion.start());
        assertEquals(cell.length(), completion.end());
    }

    @Test
    void inspectionShowsTheSignatureAtTheCursor() {
        String cell = "Math.max(";
        String documentation = session.inspect(cell, cell.length()).orElseThrow();
        assertTrue(documentation.contains("max(int"), documentation);
    }

    @Test
    void completenessTellsACompleteCellFromAnUnfinishedOne() {
        assertEquals(Completeness.COMPLETE, session.completeness("int a = 1;"));
        assertEquals(Completeness.INCOMPLETE, session.completeness("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void theDefaultImportsAreInScope() {
        RecordingListener cell = runOk("""
                List<Integer> numbers = new ArrayList<>(List.of(3, 1, 2));
                Collections.sort(numbers);
                Duration.ofMinutes(2).toSeconds() + " " + numbers.stream().map(String::valueOf).collect(Collectors.joining(","))
                """);
        assertEquals(MimeBundle.text("120 1,2,3"), cell.result());
        assertFalse(cell.outputs.isEmpty());
    }
}
