package io.smlfusion.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.smlfusion.security.BodyDecryptionException;
import io.smlfusion.security.RequestSigner;

/**
 * {@code bin/sml}: signed calls to a SymetryML-compatible server, and the body encryption of
 * spec §3 from the shell. Run with {@code --help} for the usage.
 *
 * <p>Encrypted answers are decrypted by piping, e.g.
 * {@code bin/sml --encrypt POST projects/fusion/f1/cellsStatus @cells.json | jq -r .values.cellsStatus | bin/sml decrypt -}.
 */
public final class SmlCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final Map<String, String> env;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http;

    SmlCli(Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err, HttpClient http) {
        this.env = env;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.http = http;
    }

    public static void main(String[] args) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        System.exit(new SmlCli(System.getenv(), System.in, System.out, System.err, http).run(args));
    }

    /** @return the process exit status */
    int run(String[] args) {
        try {
            CliArguments parsed = CliArguments.parse(args, env);
            return switch (parsed.command()) {
                case HELP -> {
                    out.print(CliArguments.USAGE);
                    yield OK;
                }
                case ENCRYPT -> {
                    out.println(parsed.scheme().codec().encrypt(parsed.secret(), text(parsed.input())));
                    yield OK;
                }
                case DECRYPT -> {
                    out.println(parsed.scheme().codec().decrypt(parsed.secret(), text(parsed.input())));
                    yield OK;
                }
                case CALL -> call(parsed);
            };
        } catch (CliUsageException e) {
            err.println("sml: " + e.getMessage());
            err.println("Run 'bin/sml --help' for the usage.");
            return USAGE;
        } catch (BodyDecryptionException e) {
            err.println("sml: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("sml: " + e);
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private int call(CliArguments args) throws CliUsageException, IOException, InterruptedException {
        byte[] body = args.input() == null ? null : bytes(args.input());
        SignedCall call = SignedCall.build(args, body, new RequestSigner(args.cid(), args.secret(), Clock.systemUTC()));
        if (args.verbose()) {
            err.println("> " + call.method() + " " + call.uri());
            call.headers().forEach((name, value) -> err.println("> " + name + ": " + value));
            err.println("> string to sign:");
            call.signed().maskedStringToSign().lines().forEach(line -> err.println(">   " + line));
        }
        HttpResponse<String> response;
        try {
            response = http.send(call.toHttpRequest(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("sml: " + call.method() + " " + call.uri() + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return FAILED;
        }
        if (args.verbose()) {
            err.println("< " + response.statusCode());
            response.headers().map().forEach((name, values) -> values.forEach(value -> err.println("< " + name + ": " + value)));
        }
        out.println(response.body());
        return response.statusCode() / 100 == 2 ? OK : FAILED;
    }

    private String text(String input) throws CliUsageException, IOException {
        return new String(bytes(input), StandardCharsets.UTF_8);
    }

    /** A literal, {@code @file}, or {@code -} for stdin. */
    private byte[] bytes(String input) throws CliUsageException, IOException {
        if (input.equals("-")) {
            return stdin.readAllBytes();
        }
        if (input.startsWith("@")) {
            try {
                return Files.readAllBytes(Path.of(input.substring(1)));
            } catch (NoSuchFileException e) {
                throw new CliUsageException("No such file: " + input.substring(1));
            }
        }
        return input.getBytes(StandardCharsets.UTF_8);
    }
}
