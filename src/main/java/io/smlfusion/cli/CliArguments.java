package io.smlfusion.cli;

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
 */
record CliArguments(Command command, String host, String cid, String secret, String method, String path, String input,
                    boolean encrypt, BodyEncryption scheme, boolean verbose) {

    enum Command { CALL, ENCRYPT, DECRYPT, HELP }

    static final String DEFAULT_HOST = "http://localhost:9080";
    static final String DEFAULT_CID = "c1";

    static final String USAGE = """
            usage: bin/sml [options] METHOD PATH [BODY]     signed call to $SML_HOST/symetry/rest/$SML_CID/PATH
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
              -v, --verbose     print the string to sign (secret masked) and the response headers to stderr
              -h, --help        this text

            exit status: 0 on a 2xx answer, 1 on any other answer or failure, 2 on a usage error
            """;

    static CliArguments parse(String[] args, Map<String, String> env) throws CliUsageException {
        String host = env.getOrDefault("SML_HOST", DEFAULT_HOST);
        String cid = env.getOrDefault("SML_CID", DEFAULT_CID);
        String secret = env.get("SML_SECRET");
        boolean encrypt = false;
        boolean verbose = false;
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
                    return new CliArguments(Command.HELP, null, null, null, null, null, null, false, scheme, false);
                }
                case "-v", "--verbose" -> verbose = true;
                case "--encrypt" -> encrypt = true;
                case "--host", "--cid", "--secret", "--scheme" -> {
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
            default -> Command.CALL;
        };
        String method = null;
        String path = null;
        String input;
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
        } else {
            if (positional.size() != 2) {
                throw new CliUsageException("Expected " + positional.get(0) + " TEXT|@file|-");
            }
            input = positional.get(1);
        }
        if (secret == null || secret.isBlank()) {
            throw new CliUsageException("No secret key: set SML_SECRET (export SML_SECRET=<Base64 key>) or pass --secret");
        }
        try {
            SecretKeys.requireValid(secret);
        } catch (IllegalArgumentException e) {
            throw new CliUsageException(e.getMessage());
        }
        return new CliArguments(command, stripTrailingSlash(host), cid, secret, method, path, input, encrypt, scheme, verbose);
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
