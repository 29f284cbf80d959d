package io.smlfusion.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.smlfusion.security.BodyEncryption;
import io.smlfusion.security.SecretKeys;

/**
 * The parsed command line of {@code bin/sml}: options may appear anywhere before {@code --};
 * {@code --opt value} and {@code --opt=value} are both accepted. Credentials come from
 * {@code --host/--cid/--secret}, else from {@code SML_HOST}, {@code SML_CID}, {@code SML_SECRET}.
 *
 * @param command   what to do
 * @param host      base URL of the server, without trailing slash
 * @param cid       customer id
 * @param secret    the customer's secret key (validated)
 * @param method    HTTP method (calls only)
 * @param path      PATH as typed, relative to {@code /symetry/rest/{cid}/} unless it starts with '/'
 *                  (calls only)
 * @param input     BODY of a call, or TEXT/BASE64 of encrypt/decrypt: a literal, {@code @file}, or
 *                  {@code -} for stdin; {@code null} when absent
 * @param encrypt   encrypt the call's body with the caller's key
 * @param scheme    body encryption scheme
 * @param verbose   print the string to sign (secret masked) and the response headers
 * @param operands  the words after a data command: {@code PID} (learn, forget), {@code PID MODELID}
 *                  (predict), {@code JOB} (wait); empty for the other commands
 * @param rows      where the rows of learn, forget and predict come from; null for the other commands
 * @param waitLimit how long {@code wait} polls at most
 */
record CliArguments(Command command, String host, String cid, String secret, String method, String path, String input,
                    boolean encrypt, BodyEncryption scheme, boolean verbose, List<String> operands, RowSource rows,
                    Duration waitLimit) {

    enum Command {
        CALL, ENCRYPT, DECRYPT, HELP, LEARN, FORGET, PREDICT, WAIT;

        /** The words that follow the command word (a call's METHOD PATH [BODY] are checked apart). */
        String operandNames() {
            return switch (this) {
                case LEARN, FORGET -> "PID";
                case PREDICT -> "PID MODELID";
                case WAIT -> "JOB";
                case ENCRYPT, DECRYPT -> "TEXT|@file|-";
                default -> "";
            };
        }

        int operandCount() {
            return operandNames().split(" ").length;
        }
    }

    /**
     * The rows of a data command.
     *
     * @param csv       a CSV file with a header row ({@code -} for stdin), or null
     * @param json      a DataFrame JSON file ({@code -} for stdin), sent as it is, or null
     * @param types     the attribute types given with {@code --types}, or null to infer them
     * @param batchRows at most this many CSV rows per request
     */
    record RowSource(String csv, String json, List<String> types, int batchRows) {
    }

    static final int DEFAULT_BATCH_ROWS = 10_000;
    static final Duration DEFAULT_WAIT_LIMIT = Duration.ofHours(1);

    static final String DEFAULT_HOST = "http://localhost:9080";
    static final String DEFAULT_CID = "c1";

    static final String USAGE = """
            usage: bin/sml [options] METHOD PATH [BODY]     signed call to $SML_HOST/symetry/rest/$SML_CID/PATH
                   bin/sml learn PID   --csv FILE [--types T,..] [--batch N]   learn a CSV file (header row first)
                   bin/sml forget PID  --csv FILE [--types T,..] [--batch N]   forget the rows of a CSV file
                   bin/sml learn|forget PID --json FILE                       send one DataFrame as it is
                   bin/sml predict PID MODELID --csv FILE [--types T,..]      predictions as CSV on stdout
                   bin/sml wait JOB [--timeout SECONDS]                       poll an asynchronous job until it ends
                   bin/sml encrypt [--scheme S] TEXT|@file|-
                   bin/sml decrypt [--scheme S] BASE64|@file|-

              PATH      relative to /symetry/rest/{cid}/, e.g. projects/list or 'projects?pid=p1&type=cpu';
                        the query is signed exactly as typed. A PATH starting with '/' is used as is.
              BODY      literal text, @file to read a file, - to read stdin

            options:
              --host URL        server base URL   (env SML_HOST, default http://localhost:9080)
              --cid CID         customer id       (env SML_CID, default c1)
              --secret KEY      Base64 secret key (env SML_SECRET, required)
              --encrypt         encrypt BODY with the secret key before sending
              --scheme S        aes-cbc (default, the product's scheme) or aes-gcm (authenticated;
                                sends the sym-encryption header)
              --csv FILE        rows to learn, forget or predict: CSV with a header row; - reads stdin
              --json FILE       a DataFrame JSON file (- reads stdin), sent in one request
              --types T,..      attribute types, one per CSV column (C continuous, B binary 0/1,
                                T category, X ignored); default: C for numeric columns, T otherwise,
                                judged on the first batch
              --batch N         CSV rows per request (default 10000)
              --timeout S       how long wait polls (default 3600 s)
              -v, --verbose     print the string to sign (secret masked) and the response headers to stderr
              -h, --help        this text

            exit status: 0 on a 2xx answer, 1 on any other answer or failure, 2 on a usage error
            """;

    /** These credentials and options for another signed call, without a body option: how the data commands call. */
    CliArguments forCall(String callMethod, String callPath) {
        return new CliArguments(Command.CALL, host, cid, secret, callMethod, callPath, null, false, scheme, verbose, List.of(),
                null, waitLimit);
    }

    static CliArguments parse(String[] args, Map<String, String> env) throws CliUsageException {
        String host = env.getOrDefault("SML_HOST", DEFAULT_HOST);
        String cid = env.getOrDefault("SML_CID", DEFAULT_CID);
        String secret = env.get("SML_SECRET");
        boolean encrypt = false;
        boolean verbose = false;
        String csv = null;
        String json = null;
        List<String> types = null;
        int batchRows = DEFAULT_BATCH_ROWS;
        Duration waitLimit = DEFAULT_WAIT_LIMIT;
        BodyEncryption scheme = BodyEncryption.AES_CBC;
        List<String> positional = new ArrayList<>();

        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inlineValue = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--" -> optionsEnded = true;
                case "-h", "--help" -> {
                    return new CliArguments(Command.HELP, null, null, null, null, null, null, false, scheme, false, List.of(),
                            null, waitLimit);
                }
                case "-v", "--verbose" -> verbose = true;
                case "--encrypt" -> encrypt = true;
                case "--host", "--cid", "--secret", "--scheme", "--csv", "--json", "--types", "--batch", "--timeout" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (++i == args.length) {
                            throw new CliUsageException(name + " needs a value");
                        }
                        value = args[i];
                    }
                    switch (name) {
                        case "--host" -> host = value;
                        case "--cid" -> cid = value;
                        case "--secret" -> secret = value;
                        case "--csv" -> csv = value;
                        case "--json" -> json = value;
                        case "--types" -> types = types(value);
                        case "--batch" -> batchRows = positive(name, value, 1_000_000);
                        case "--timeout" -> waitLimit = Duration.ofSeconds(positive(name, value, Integer.MAX_VALUE));
                        default -> scheme = scheme(value);
                    }
                }
                default -> throw new CliUsageException("Unknown option " + arg);
            }
        }

        if (positional.isEmpty()) {
            throw new CliUsageException("Missing METHOD and PATH (or encrypt/decrypt)");
        }
        Command command = switch (positional.get(0)) {
            case "encrypt" -> Command.ENCRYPT;
            case "decrypt" -> Command.DECRYPT;
            case "learn" -> Command.LEARN;
            case "forget" -> Command.FORGET;
            case "predict" -> Command.PREDICT;
            case "wait" -> Command.WAIT;
            default -> Command.CALL;
        };
        String method = null;
        String path = null;
        String input = null;
        List<String> operands = List.of();
        RowSource rows = null;
        if (command == Command.CALL) {
            if (positional.size() < 2 || positional.size() > 3) {
                throw new CliUsageException("Expected METHOD PATH [BODY], got " + positional.size() + " argument(s)");
            }
            method = positional.get(0).toUpperCase(Locale.ROOT);
            path = positional.get(1);
            input = positional.size() == 3 ? positional.get(2) : null;
            if (encrypt && input == null) {
                throw new CliUsageException("--encrypt needs a BODY");
            }
        } else if (positional.size() != command.operandCount() + 1) {
            throw new CliUsageException("Expected " + positional.get(0) + " " + command.operandNames());
        } else if (command == Command.ENCRYPT || command == Command.DECRYPT) {
            input = positional.get(1);
        } else {
            operands = List.copyOf(positional.subList(1, positional.size()));
            if (command != Command.WAIT) {
                if ((csv == null) == (json == null)) {
                    throw new CliUsageException(positional.get(0) + " needs exactly one of --csv FILE and --json FILE");
                }
                if (json != null && (command == Command.PREDICT || types != null)) {
                    throw new CliUsageException("--json sends a DataFrame as it is: use it with learn or forget, without --types");
                }
                rows = new RowSource(csv, json, types, batchRows);
            }
        }
        if (secret == null || secret.isBlank()) {
            throw new CliUsageException("No secret key: set SML_SECRET (export SML_SECRET=<Base64 key>) or pass --secret");
        }
        try {
            SecretKeys.requireValid(secret);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(e.getMessage());
        }
        return new CliArguments(command, stripTrailingSlash(host), cid, secret, method, path, input, encrypt, scheme, verbose,
                operands, rows, waitLimit);
    }

    private static List<String> types(String value) throws CliUsageException {
        List<String> types = List.of(value.split(",", -1)).stream().map(String::strip).map(t -> t.toUpperCase(Locale.ROOT)).toList();
        for (String type : types) {
            if (!List.of("C", "B", "T", "X").contains(type)) {
                throw new CliUsageException("--types takes C, B, T or X per column, comma separated; got [" + type + "]");
            }
        }
        return types;
    }

    private static int positive(String option, String value, int max) throws CliUsageException {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new CliUsageException(option + " takes a whole number from 1 to " + max + ", not [" + value + "]");
    }

    private static BodyEncryption scheme(String value) throws CliUsageException {
        try {
            return BodyEncryption.fromHeader(value);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(e.getMessage().replace("sym-encryption", "--scheme"));
        }
    }

    private static String stripTrailingSlash(String host) {
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }
}
