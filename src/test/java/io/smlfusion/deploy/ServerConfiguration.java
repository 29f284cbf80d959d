package io.smlfusion.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the server actually reads and serves, found in its sources rather than written down twice:
 * <ul>
 * <li>MicroProfile Config keys: the names in {@code @ConfigProperty(name = ...)} and in
 *     {@code getValue(...)}/{@code getOptionalValue(...)} calls under {@code src/main/java}, as
 *     string literals or as {@code static final String} constants (resolved in the same file, or
 *     in {@code OtherClass.CONSTANT}'s file). When a call passes a variable (a helper such as
 *     {@code millis(String key, ...)} in {@code FusionConfig}), every dotted-key constant of that
 *     file counts as read;</li>
 * <li>Liberty variables: {@code <variable name=...>} and {@code ${name}} references in the XML
 *     files under {@code src/main/liberty/config} (Liberty resolves them from the environment as well),
 *     without Liberty's own location variables;</li>
 * <li>the default HTTP port ({@code http.port} in server.xml) and the health endpoints
 *     ({@code mpHealth} feature plus a {@code @Liveness}/{@code @Readiness}/{@code @Startup} check).</li>
 * </ul>
 * An environment variable names a key by the MicroProfile Config rule, which Liberty also applies
 * to server.xml variables: the exact name, or with every non-alphanumeric character replaced by
 * {@code _}, or that in upper case ({@code HTTP_PORT} ↔ {@code http.port}).
 */
final class ServerConfiguration {

    private static final Pattern CONSTANT = Pattern.compile(
            "\\b(?:static\\s+final|final\\s+static)\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*([^,)]+)");
    private static final Pattern CONFIG_CALL = Pattern.compile(
            "\\.(?:getValue|getOptionalValue|getValues|getOptionalValues|getConfigValue)\\s*\\(\\s*([^,)]+)");
    private static final Pattern DOTTED_KEY = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_.-]*)}");
    /** Liberty's predefined location variables: not configuration a deployment sets. */
    private static final Set<String> LIBERTY_LOCATIONS = Set.of("server.config.dir", "server.output.dir",
            "wlp.install.dir", "wlp.user.dir", "wlp.server.name", "shared.app.dir", "shared.config.dir",
            "shared.resource.dir", "shared.stackgroup.dir", "usr.extension.dir", "wlp.process.type");
    private static final Map<String, String> HEALTH_PATHS = Map.of(
            "Liveness", "/health/live", "Readiness", "/health/ready", "Startup", "/health/started");

    private final Set<String> configKeys;
    private final Set<String> libertyVariables;
    private final Map<String, String> variableDefaults;
    private final Set<String> healthPaths;

    private ServerConfiguration(Set<String> configKeys, Set<String> libertyVariables,
                                Map<String, String> variableDefaults, Set<String> healthPaths) {
        this.configKeys = configKeys;
        this.libertyVariables = libertyVariables;
        this.variableDefaults = variableDefaults;
        this.healthPaths = healthPaths;
    }

    static ServerConfiguration scan(Path repositoryRoot) {
        Path javaRoot = repositoryRoot.resolve("src/main/java");
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(javaRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(file.getFileName().toString().replace(".java", ""), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> constants = new HashMap<>();
        sources.forEach((type, text) -> {
            Map<String, String> own = new LinkedHashMap<>();
            Matcher m = CONSTANT.matcher(text);
            while (m.find()) {
                own.put(m.group(1), m.group(2));
            }
            constants.put(type, own);
        });

        Set<String> keys = new TreeSet<>();
        sources.forEach((type, text) -> {
            for (Pattern usage : List.of(CONFIG_PROPERTY, CONFIG_CALL)) {
                Matcher m = usage.matcher(text);
                while (m.find()) {
                    keys.addAll(resolve(m.group(1).strip(), type, constants));
                }
            }
        });
        keys.addAll(microprofileConfigProperties(repositoryRoot));

        Set<String> variables = new TreeSet<>();
        Map<String, String> defaults = new HashMap<>();
        Set<String> features = new TreeSet<>();
        Path libertyConfig = repositoryRoot.resolve("src/main/liberty/config");
        try (Stream<Path> files = Files.walk(libertyConfig)) {
            for (Path xml : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                Document document = parse(xml);
                NodeList declared = document.getElementsByTagName("variable");
                for (int i = 0; i < declared.getLength(); i++) {
                    Element variable = (Element) declared.item(i);
                    variables.add(variable.getAttribute("name"));
                    String value = variable.hasAttribute("value") ? variable.getAttribute("value") : variable.getAttribute("defaultValue");
                    defaults.putIfAbsent(variable.getAttribute("name"), value);
                }
                NodeList featureElements = document.getElementsByTagName("feature");
                for (int i = 0; i < featureElements.getLength(); i++) {
                    features.add(featureElements.item(i).getTextContent().strip());
                }
                Matcher references = VARIABLE_REFERENCE.matcher(Files.readString(xml));
                while (references.find()) {
                    variables.add(references.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        variables.removeAll(LIBERTY_LOCATIONS);

        Set<String> health = new TreeSet<>();
        if (features.stream().anyMatch(f -> f.startsWith("mpHealth-") || f.startsWith("microProfile-"))) {
            sources.values().forEach(text -> HEALTH_PATHS.forEach((annotation, path) -> {
                if (Pattern.compile("@" + annotation + "\\b").matcher(text).find()) {
                    health.add(path);
                }
            }));
        }
        return new ServerConfiguration(keys, variables, defaults, health);
    }

    /** The keys that an argument expression of a config call names. */
    private static Set<String> resolve(String expression, String type, Map<String, Map<String, String>> constants) {
        if (expression.startsWith("\"") && expression.endsWith("\"") && expression.length() >= 2) {
            return Set.of(expression.substring(1, expression.length() - 1));
        }
        int dot = expression.lastIndexOf('.');
        String owner = dot < 0 ? type : expression.substring(expression.lastIndexOf('.', dot - 1) + 1, dot);
        String name = dot < 0 ? expression : expression.substring(dot + 1);
        String value = constants.getOrDefault(owner, Map.of()).get(name);
        if (value != null) {
            return Set.of(value);
        }
        // a variable (e.g. a helper's parameter): the file's key constants are what it receives
        Set<String> keys = new TreeSet<>();
        constants.getOrDefault(type, Map.of()).values().stream()
                .filter(v -> DOTTED_KEY.matcher(v).matches())
                .forEach(keys::add);
        return keys;
    }

    private static Set<String> microprofileConfigProperties(Path repositoryRoot) {
        Path file = repositoryRoot.resolve("src/main/resources/META-INF/microprofile-config.properties");
        if (!Files.exists(file)) {
            return Set.of();
        }
        try {
            Set<String> keys = new TreeSet<>();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!")) {
                    keys.add(trimmed.split("\\s*[=:]\\s*|\\s+", 2)[0]);
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(Path xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + xml + ": " + e.getMessage(), e);
        }
    }

    /** The MicroProfile Config (and Liberty variable) environment names of {@code key}. */
    static Set<String> environmentNames(String key) {
        String sanitised = key.replaceAll("[^A-Za-z0-9]", "_");
        return Set.of(key, sanitised, sanitised.toUpperCase(Locale.ROOT));
    }

    /** @return the key or variable that environment variable {@code name} sets, or null */
    String keyOf(String name) {
        for (Set<String> names : List.of(configKeys, libertyVariables)) {
            for (String key : names) {
                if (environmentNames(key).contains(name)) {
                    return key;
                }
            }
        }
        return null;
    }

    Set<String> configKeys() {
        return configKeys;
    }

    Set<String> libertyVariables() {
        return libertyVariables;
    }

    /** The server's HTTP port unless the environment says otherwise: server.xml's {@code http.port}. */
    int defaultHttpPort() {
        String port = variableDefaults.get("http.port");
        if (port == null || !port.matches("\\d+")) {
            throw new IllegalStateException("server.xml declares no numeric http.port variable: " + port);
        }
        return Integer.parseInt(port);
    }

    /** /health/live, /health/ready, /health/started: the ones the server has a check for. */
    Set<String> healthPaths() {
        return healthPaths;
    }
}
