package dev.lore.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.lore.transfer.Progress;

/**
 * A progress bar on standard error, drawn only when standard error is a terminal: a script that pipes or redirects it
 * reads no bar. It is redrawn at most ten times a second.
 */
final class ProgressBar implements Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000;

    private final PrintStream out;
    private String task = "";
    private long total;
    private long done;
    private long drawnAt;

    private ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** A bar on standard error when it is a terminal, else nothing. */
    static Progress onTerminal() {
        return stderrIsTerminal() ? new ProgressBar(System.err) : Progress.NONE;
    }

    @Override
    public void start(String task, long total) {
        this.task = task;
        this.total = total;
        this.done = 0;
        draw();
    }

    @Override
    public void advance() {
        done++;
        if (System.nanoTime() - drawnAt >= REDRAW_NANOS) {
            draw();
        }
    }

    @Override
    public void finish() {
        draw();
        out.println();
    }

    private void draw() {
        long shown = Math.min(done, total);
        int filled = total == 0 ? WIDTH : (int) (shown * WIDTH / total);
        int percent = total == 0 ? 100 : (int) (shown * 100 / total);
        out.printf("\r%s [%s%s] %,d / %,d records %3d%%", task, "=".repeat(filled), " ".repeat(WIDTH - filled), done,
                total, percent);
        out.flush();
        drawnAt = System.nanoTime();
    }

    /**
     * Whether standard error is a terminal. Java tells only whether standard input and output both are (a console);
     * an export writes its records to standard output, so on Linux the file behind descriptor 2 decides.
     */
    private static boolean stderrIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(stderr)) {
            try {
                String target = Files.readSymbolicLink(stderr).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
