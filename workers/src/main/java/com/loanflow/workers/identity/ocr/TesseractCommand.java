package com.loanflow.workers.identity.ocr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tesseract command line (Debian tesseract-ocr + tesseract-ocr-chi-sim), one process per call: the image goes
 * to stdin, the result comes from stdout. A process, not tess4j's JNA binding: tess4j ships no Linux natives, binds
 * whatever libtesseract it finds by symbol, and a crash in native code would take the worker JVM with it.
 */
public final class TesseractCommand {

    private final String executable;
    private final Duration timeout;

    public TesseractCommand(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** Whether the command runs here and has the simplified-Chinese model (what an ID card front needs). */
    public boolean available() {
        try {
            Result languages = run(new byte[0], List.of("--list-langs"));
            return languages.exitCode() == 0 && (languages.stdout() + languages.stderr()).lines()
                    .anyMatch(line -> line.trim().equals("chi_sim"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Runs tesseract on a PNG with the given options; the output format is the last arguments (e.g. tsv). */
    public String recognise(byte[] png, List<String> options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("stdin", "stdout"));
        arguments.addAll(options);
        Result result = run(png, arguments);
        if (result.exitCode() != 0) {
            throw new IOException("tesseract exited with " + result.exitCode() + ": " + result.stderr().strip());
        }
        return result.stdout();
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    private Result run(byte[] input, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        // one thread per run: workers run several tasks at once, and OpenMP threads on top of that only contend
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        // the three streams each on a thread of their own, never a shared pool: with a pool of two, both readers
        // would wait for output while the input waited for a thread, until the timeout; the input is written inside
        // the timeout, so a tesseract that stops reading does not block this thread
        CompletableFuture<byte[]> stdout = new CompletableFuture<>();
        CompletableFuture<byte[]> stderr = new CompletableFuture<>();
        start("tesseract-stdout", () -> complete(stdout, process.getInputStream()));
        start("tesseract-stderr", () -> complete(stderr, process.getErrorStream()));
        start("tesseract-stdin", () -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            } catch (IOException closedEarly) {
                // --list-langs does not read stdin; a killed process neither
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("tesseract did not finish within " + timeout);
            }
            return new Result(process.exitValue(), new String(stdout.join(), StandardCharsets.UTF_8),
                    new String(stderr.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for tesseract", e);
        }
    }

    private static void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void complete(CompletableFuture<byte[]> result, InputStream in) {
        try {
            result.complete(readAll(in));
        } catch (Throwable e) {   // an Error too: the caller's join() must never wait for a result that won't come
            result.completeExceptionally(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
