package gluelab.process;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A tiny child process for the pool's tests, speaking a line protocol of its own. It says {@code ready} at
 * once, after {@code READY_AFTER_MS}, or never ({@code READY=never}); it first says {@code cwd <dir>} and, for
 * every name in {@code ECHO_ENV}, {@code env <name>=<value>}. On stdin: {@code work <id> ok} answers
 * {@code done <id>}; {@code work <id> hold} waits for {@code finish <id>}; {@code work <id> crash} writes its
 * last words to stderr and dies with exit code 3. It exits when stdin closes.
 */
public final class ScriptedChild {

    private ScriptedChild() {
    }

    public static void main(String[] args) throws Exception {
        say("cwd " + Path.of("").toAbsolutePath());
        String echo = System.getenv().getOrDefault("ECHO_ENV", "");
        for (String name : echo.split(",")) {
            if (!name.isBlank()) {
                say("env " + name + "=" + System.getenv(name));
            }
        }
        if (!"never".equals(System.getenv("READY"))) {
            Thread.sleep(Long.parseLong(System.getenv().getOrDefault("READY_AFTER_MS", "0")));
            say("ready");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.split(" ");
            if (words[0].equals("finish")) {
                say("done " + words[1]);
            } else if (words[0].equals("work")) {
                switch (words[2]) {
                    case "ok" -> say("done " + words[1]);
                    case "crash" -> {
                        System.err.println("java.lang.IllegalStateException: dying while doing " + words[1]);
                        System.err.flush();
                        Runtime.getRuntime().halt(3);
                    }
                    default -> { }
                }
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
