package io.smlfusion.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks every deployment file under {@code deploy/} against what the server really reads and
 * serves ({@link ServerConfiguration}), so that a typo in a manifest fails {@code mvn test}:
 * <ul>
 * <li>every YAML file parses (all documents, no duplicate keys);</li>
 * <li>probes and health checks use a health path the server serves, on the server's HTTP port
 *     (server.xml's {@code http.port}, or {@code HTTP_PORT} set for that container), and so do the
 *     container ports, Service target ports and compose port mappings;</li>
 * <li>every environment variable given to a sml-fusion container (Kubernetes {@code env} and
 *     {@code envFrom}, compose {@code environment}, Containerfile {@code ENV}) is a key the server
 *     reads, a variable of the Open Liberty image ({@link #LIBERTY_IMAGE_VARIABLES}), or a helper
 *     that another variable of the same container references as {@code $(NAME)}; PostgreSQL
 *     containers get the postgres image's and libpq's variables ({@link #POSTGRES_VARIABLES});</li>
 * <li>Service selectors match a pod template, ConfigMap/Secret references resolve;</li>
 * <li>the Containerfile follows the image conventions and copies only what exists or the build makes;</li>
 * <li>the shell scripts parse ({@code bash -n}).</li>
 * </ul>
 */
class DeployManifestsTest {

    /**
     * Environment variables that the Open Liberty runtime and its container image read themselves.
     * Sources: Open Liberty docs "Default environment variables" and the {@code bin/server} script
     * (JAVA_HOME, JVM_ARGS, LOG_DIR, LOG_FILE, SERVER_WORKING_DIR, VARIABLE_SOURCE_DIRS, WLP_*);
     * Open Liberty docs "Logging" (WLP_LOGGING_*); github.com/OpenLiberty/ci.docker README
     * ("Build Variables", "OpenJ9 Shared Class Cache", "Logging"), its Dockerfiles (OPENJ9_SCC,
     * OPENJ9_JAVA_OPTIONS, RANDFILE) and helpers/runtime/docker-server.sh (TLS_DIR,
     * SEC_IMPORT_K8S_CERTS, SEC_TLS_TRUSTDEFAULTCERTS, SERVICEABILITY_NAMESPACE); the JVM's own
     * JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS, IBM_JAVA_OPTIONS; TZ and LANG of the operating system.
     */
    static final Set<String> LIBERTY_IMAGE_VARIABLES = Set.of(
            "JAVA_HOME", "JVM_ARGS", "LOG_DIR", "LOG_FILE", "SERVER_WORKING_DIR", "VARIABLE_SOURCE_DIRS",
            "WLP_USER_DIR", "WLP_OUTPUT_DIR", "WLP_DEBUG_ADDRESS", "WLP_DEBUG_SUSPEND", "WLP_DEBUG_REMOTE",
            "WLP_SKIP_MAXPERMSIZE", "WLP_SKIP_UMASK",
            "WLP_LOGGING_CONSOLE_FORMAT", "WLP_LOGGING_CONSOLE_LOGLEVEL", "WLP_LOGGING_CONSOLE_SOURCE",
            "WLP_LOGGING_MESSAGE_FORMAT", "WLP_LOGGING_MESSAGE_SOURCE", "WLP_LOGGING_JSON_FIELD_MAPPINGS",
            "WLP_LOGGING_JSON_ACCESS_LOG_FIELDS", "WLP_LOGGING_APPS_WRITE_JSON",
            "OPENJ9_SCC", "TRIM_SCC", "SCC_SIZE", "WARM_ENDPOINT", "WARM_ENDPOINT_URL", "WARM_OPENAPI_ENDPOINT",
            "WARM_OPENAPI_ENDPOINT_URL", "TLS", "SSL", "VERBOSE", "TLS_DIR", "SEC_IMPORT_K8S_CERTS",
            "SEC_TLS_TRUSTDEFAULTCERTS", "SERVICEABILITY_NAMESPACE", "RANDFILE",
            "OPENJ9_JAVA_OPTIONS", "IBM_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "TZ", "LANG");

    /**
     * The official postgres image's variables (its documentation on Docker Hub: POSTGRES_*, PGDATA)
     * and libpq's (PostgreSQL docs, "Environment Variables"), for the database and init containers.
     */
    static final Set<String> POSTGRES_VARIABLES = Set.of(
            "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_PASSWORD_FILE", "POSTGRES_DB", "POSTGRES_INITDB_ARGS",
            "POSTGRES_INITDB_WALDIR", "POSTGRES_HOST_AUTH_METHOD", "PGDATA",
            "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGPASSFILE", "PGCONNECT_TIMEOUT",
            "PGSSLMODE", "PGAPPNAME", "TZ", "LANG");

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"',\\]]+");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{(\\w+)(?::?-([^}]*))?}");
    private static final Pattern HELPER_REFERENCE = Pattern.compile("\\$\\((\\w+)\\)");
    private static final Pattern SCRIPT_REFERENCE = Pattern.compile("\\$\\{?(\\w+)");
    private static final Pattern CONFIG_NAME_IN_TEXT = Pattern.compile("\\b((?:SMLFUSION|RTLM_OPTION)_[A-Z0-9_]*[A-Z0-9])\\b");

    static Path root;
    static Path deploy;
    static ServerConfiguration server;
    /** Every YAML document under deploy/, by file (relative to deploy/). */
    static Map<String, List<Map<String, Object>>> yaml;

    @BeforeAll
    static void load() throws IOException {
        root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        deploy = root.resolve("deploy");
        assertTrue(Files.isDirectory(deploy), "no deploy/ under " + root);
        server = ServerConfiguration.scan(root);
        yaml = new LinkedHashMap<>();
        for (Path file : files(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))) {
            yaml.put(deploy.relativize(file).toString(), loadAll(file));
        }
    }

    // ---------------------------------------------------------------------------------- basics

    @Test
    void everyYamlFileParsesAndTheExpectedOnesExist() {
        assertTrue(yaml.containsKey("compose.yaml"), "deploy/compose.yaml is missing: " + yaml.keySet());
        assertTrue(yaml.keySet().stream().anyMatch(f -> f.startsWith("kubernetes/")), "no deploy/kubernetes/*.yaml");
        List<String> kinds = kubernetesObjects().stream().map(o -> (String) o.get("kind")).toList();
        for (String kind : List.of("StatefulSet", "Deployment", "Service", "ConfigMap", "Secret")) {
            assertTrue(kinds.contains(kind), "deploy/kubernetes has no " + kind + ": " + kinds);
        }
    }

    @Test
    void theScannerSeesTheServerConfiguration() {
        // guards the scanner itself: if it found nothing, every variable check would be meaningless
        for (String key : List.of("smlfusion.bootstrap.cid", "smlfusion.bootstrap.secret", "smlfusion.request.max.bytes",
                "rtlm.option.sml.fusion.prefetch.min.time.ms", "smlfusion.fusion.cell.read.timeout.ms",
                "smlfusion.fusion.cell.host.allow", "smlfusion.security.sealing.key")) {
            assertTrue(server.configKeys().contains(key), key + " not found among " + server.configKeys());
        }
        assertTrue(server.libertyVariables().containsAll(Set.of("http.port", "https.port", "http.host")), server.libertyVariables().toString());
        assertEquals("smlfusion.bootstrap.secret", server.keyOf("SMLFUSION_BOOTSTRAP_SECRET"));
        assertEquals("http.port", server.keyOf("HTTP_PORT"));
        assertEquals(null, server.keyOf("SMLFUSION_BOOTSTRAP_SECRETS"));
        assertEquals(Set.of("/health/live", "/health/ready", "/health/started"), server.healthPaths());
    }

    // ------------------------------------------------------------------------------ Kubernetes

    @Test
    void kubernetesProbesUseTheHealthEndpointsOnTheHttpPort() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (PodTemplate pod : podTemplates()) {
            for (Map<String, Object> container : list(pod.spec().get("containers"))) {
                if (!isSmlFusion(str(container.get("image")))) {
                    continue;
                }
                checked++;
                String where = pod.where() + " container " + container.get("name");
                int port = expectedPort(kubernetesEnv(container));
                Map<String, Integer> ports = containerPorts(container);
                if (!ports.containsValue(port)) {
                    problems.add(where + ": no containerPort " + port + " (the server's HTTP port), has " + ports);
                }
                Map<String, String> expected = Map.of("livenessProbe", "/health/live", "readinessProbe", "/health/ready",
                        "startupProbe", "/health/started");
                for (Map.Entry<String, String> probe : expected.entrySet()) {
                    Map<String, Object> spec = map(container.get(probe.getKey()));
                    if (spec.isEmpty()) {
                        problems.add(where + ": no " + probe.getKey());
                        continue;
                    }
                    Map<String, Object> get = map(spec.get("httpGet"));
                    String path = str(get.get("path"));
                    if (!server.healthPaths().contains(path)) {
                        problems.add(where + " " + probe.getKey() + ": path " + path + " is not served (" + server.healthPaths() + ")");
                    } else if (!path.equals(probe.getValue())) {
                        problems.add(where + " " + probe.getKey() + ": should use " + probe.getValue() + ", not " + path);
                    }
                    Integer probePort = resolvePort(get.get("port"), ports);
                    if (!Objects.equals(probePort, port)) {
                        problems.add(where + " " + probe.getKey() + ": port " + get.get("port") + " is not the HTTP port " + port);
                    }
                }
                Map<String, Object> resources = map(container.get("resources"));
                if (map(resources.get("requests")).get("memory") == null || map(resources.get("limits")).get("memory") == null) {
                    problems.add(where + ": memory requests and limits are required");
                }
                Map<String, Object> podSecurity = map(pod.spec().get("securityContext"));
                Map<String, Object> security = map(container.get("securityContext"));
                if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot")) && !Boolean.TRUE.equals(security.get("runAsNonRoot"))) {
                    problems.add(where + ": runAsNonRoot is not set");
                }
                Object user = security.getOrDefault("runAsUser", podSecurity.get("runAsUser"));
                if (user == null || Integer.valueOf(0).equals(user)) {
                    problems.add(where + ": runAsUser must be a non-root user (the image's is 1001), is " + user);
                }
            }
        }
        assertTrue(checked >= 2, "expected sml-fusion containers for the cells and the fusion, found " + checked);
        assertNoProblems(problems);
    }

    @Test
    void kubernetesServicesSelectPodsAndTargetTheirPorts() {
        List<String> problems = new ArrayList<>();
        List<PodTemplate> pods = podTemplates();
        for (PodTemplate pod : pods) {
            Map<String, Object> matchLabels = map(map(map(pod.workload().get("spec")).get("selector")).get("matchLabels"));
            if (matchLabels.isEmpty() || !pod.labels().entrySet().containsAll(matchLabels.entrySet())) {
                problems.add(pod.where() + ": selector " + matchLabels + " does not match its template labels " + pod.labels());
            }
        }
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        for (Map<String, Object> service : kubernetesObjects("Service")) {
            services.put(name(service), service);
            Map<String, Object> spec = map(service.get("spec"));
            Map<String, Object> selector = map(spec.get("selector"));
            List<PodTemplate> selected = pods.stream().filter(p -> !selector.isEmpty() && p.labels().entrySet().containsAll(selector.entrySet())).toList();
            if (selected.isEmpty()) {
                problems.add("Service " + name(service) + ": selector " + selector + " matches no pod template");
                continue;
            }
            for (Map<String, Object> port : list(spec.get("ports"))) {
                Object target = port.getOrDefault("targetPort", port.get("port"));
                for (PodTemplate pod : selected) {
                    boolean found = list(pod.spec().get("containers")).stream()
                            .anyMatch(c -> resolvePort(target, containerPorts(c)) != null
                                    && containerPorts(c).containsValue(resolvePort(target, containerPorts(c))));
                    if (!found) {
                        problems.add("Service " + name(service) + ": targetPort " + target + " is no container port of " + pod.where());
                    }
                }
            }
        }
        for (PodTemplate pod : pods) {
            if (pod.workload().get("kind").equals("StatefulSet")) {
                String serviceName = str(map(pod.workload().get("spec")).get("serviceName"));
                Map<String, Object> governing = services.get(serviceName);
                if (governing == null) {
                    problems.add(pod.where() + ": serviceName " + serviceName + " is no Service here");
                }
            }
        }
        Map<String, Object> cellService = services.get(cellStatefulSet().map(p -> str(map(p.workload().get("spec")).get("serviceName"))).orElse(""));
        if (cellService == null || !"None".equals(map(cellService.get("spec")).get("clusterIP"))) {
            problems.add("the cells' StatefulSet needs a headless Service (clusterIP: None) for stable per-pod names");
        }
        assertNoProblems(problems);
    }

    @Test
    void kubernetesConfigMapAndSecretReferencesResolve() {
        List<String> problems = new ArrayList<>();
        for (PodTemplate pod : podTemplates()) {
            for (Map<String, Object> container : allContainers(pod)) {
                String where = pod.where() + " container " + container.get("name");
                for (Map<String, Object> env : list(container.get("env"))) {
                    Map<String, Object> from = map(env.get("valueFrom"));
                    for (String kind : List.of("configMapKeyRef", "secretKeyRef")) {
                        Map<String, Object> ref = map(from.get(kind));
                        if (!ref.isEmpty() && !Boolean.TRUE.equals(ref.get("optional"))) {
                            String objectKind = kind.startsWith("config") ? "ConfigMap" : "Secret";
                            Set<String> keys = keysOf(objectKind, str(ref.get("name")));
                            if (keys == null) {
                                problems.add(where + " " + env.get("name") + ": no " + objectKind + " " + ref.get("name"));
                            } else if (!keys.contains(str(ref.get("key")))) {
                                problems.add(where + " " + env.get("name") + ": " + objectKind + " " + ref.get("name") + " has no key " + ref.get("key"));
                            }
                        }
                    }
                }
                for (Map<String, Object> source : list(container.get("envFrom"))) {
                    for (String kind : List.of("configMapRef", "secretRef")) {
                        Map<String, Object> ref = map(source.get(kind));
                        String objectKind = kind.startsWith("config") ? "ConfigMap" : "Secret";
                        if (!ref.isEmpty() && keysOf(objectKind, str(ref.get("name"))) == null) {
                            problems.add(where + ": envFrom names no " + objectKind + " " + ref.get("name"));
                        }
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void kubernetesEnvironmentVariablesAreReadByTheServer() {
        List<String> problems = new ArrayList<>();
        for (PodTemplate pod : podTemplates()) {
            for (Map<String, Object> container : allContainers(pod)) {
                Map<String, String> env = kubernetesEnv(container);
                String command = String.valueOf(container.get("command")) + " " + container.get("args");
                checkVariables(pod.where() + " container " + container.get("name"), str(container.get("image")), env, command, problems);
            }
        }
        assertNoProblems(problems);
    }

    // --------------------------------------------------------------------------------- compose

    @Test
    void composeServicesUseTheHttpPortHealthAndKnownVariables() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = map(compose().get("services"));
        assertTrue(services.size() >= 5, "compose.yaml should have a fusion, three cells and PostgreSQL: " + services.keySet());
        int smlServices = 0;
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String where = "compose service " + entry.getKey();
            Map<String, Object> service = map(entry.getValue());
            String image = composeImage(service);
            Map<String, String> env = composeEnv(service.get("environment"));
            checkVariables(where, image, env, String.valueOf(service.get("command")) + " " + service.get("entrypoint"), problems);
            for (Object dependency : dependencies(service.get("depends_on"))) {
                if (!services.containsKey(String.valueOf(dependency))) {
                    problems.add(where + ": depends_on " + dependency + " is no service");
                }
            }
            for (Object volume : objects(service.get("volumes"))) {
                String spec = String.valueOf(volume);
                if (spec.startsWith("./") || spec.startsWith("../")) {
                    Path source = deploy.resolve(spec.split(":")[0]).normalize();
                    if (!Files.exists(source)) {
                        problems.add(where + ": bind mount source " + source + " does not exist");
                    }
                }
            }
            if (!isSmlFusion(image)) {
                continue;
            }
            smlServices++;
            int port = expectedPort(env);
            for (Object mapping : objects(service.get("ports"))) {
                int containerPort = composeContainerPort(mapping);
                if (containerPort != port) {
                    problems.add(where + ": port mapping " + mapping + " does not reach the HTTP port " + port);
                }
            }
            checkHealthUrl(where + " healthcheck", String.valueOf(map(service.get("healthcheck")).get("test")), port, problems);
        }
        assertTrue(smlServices >= 4, "expected one fusion and three cells running sml-fusion, found " + smlServices);
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------- Containerfile

    @Test
    void containerfileFollowsTheOpenLibertyImageConventions() throws IOException {
        Containerfile file = Containerfile.read(deploy.resolve("Containerfile"));
        List<String> problems = new ArrayList<>();
        Map<String, String> args = file.pairs("ARG");
        String from = file.all("FROM").get(0).arguments().split("\\s+")[0];
        Matcher argument = DEFAULTED.matcher(from);
        String base = argument.matches() ? args.get(argument.group(1)) : from;
        if (base == null || !base.matches("icr\\.io/appcafe/open-liberty:[\\w.-]*(kernel-slim|full)-java17-[\\w.-]+")) {
            problems.add("FROM " + from + " (= " + base + ") is not an official Open Liberty Java 17 image");
        }
        List<String> keywords = file.instructions().stream()
                .map(i -> i.keyword() + " " + i.arguments()).toList();
        int features = indexOf(keywords, "RUN features.sh");
        int configure = indexOf(keywords, "RUN configure.sh");
        if (features < 0 || configure < 0 || features > configure) {
            problems.add("expected RUN features.sh, later RUN configure.sh");
        }
        List<Containerfile.Instruction> users = file.all("USER");
        if (users.isEmpty() || !users.get(users.size() - 1).arguments().matches("1001(:0)?")) {
            problems.add("the image must end as the non-root user 1001, not " + users);
        }
        Map<String, String> env = file.pairs("ENV");
        int port = expectedPort(env);
        List<String> exposed = file.all("EXPOSE").stream().flatMap(i -> Stream.of(i.arguments().split("\\s+"))).toList();
        if (!exposed.equals(List.of(String.valueOf(port)))) {
            problems.add("EXPOSE " + exposed + " should be the HTTP port " + port);
        }
        checkVariables("Containerfile ENV", "sml-fusion", env, "", problems);
        List<Containerfile.Instruction> healthchecks = file.all("HEALTHCHECK");
        if (!healthchecks.isEmpty()) {
            checkHealthUrl("Containerfile HEALTHCHECK", healthchecks.get(0).arguments(), port, problems);
        }

        List<String> ignoreIncludes = Files.readAllLines(deploy.resolve("Containerfile.dockerignore")).stream()
                .map(String::strip).filter(l -> l.startsWith("!")).map(l -> l.substring(1).replaceAll("/?\\*\\*$", "")).toList();
        BuildOutputs outputs = BuildOutputs.of(root);
        for (Containerfile.Copy copy : file.copies()) {
            if (copy.flags().containsKey("--from")) {
                continue;
            }
            if (!"1001:0".equals(copy.flags().get("--chown"))) {
                problems.add("line " + copy.line() + ": COPY without --chown=1001:0");
            }
            for (String source : copy.sources()) {
                String relative = source.replaceAll("/+$", "");
                if (!Files.exists(root.resolve(relative)) && !outputs.produces(relative)) {
                    problems.add("line " + copy.line() + ": COPY source " + source + " neither exists nor is made by the build " + outputs);
                }
                if (ignoreIncludes.stream().noneMatch(inc -> relative.equals(inc) || relative.startsWith(inc + "/"))) {
                    problems.add("line " + copy.line() + ": COPY source " + source + " is excluded by Containerfile.dockerignore");
                }
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------- scripts and texts

    @Test
    void shellScriptsParse() throws Exception {
        List<Path> scripts = files(p -> p.toString().endsWith(".sh") || firstLine(p).matches("#!.*\\b(bash|sh)\\b.*"));
        assertTrue(scripts.contains(deploy.resolve("local/cluster")), "deploy/local/cluster is missing: " + scripts);
        List<String> problems = new ArrayList<>();
        for (Path script : scripts) {
            Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n " + script + " did not finish");
            if (bash.exitValue() != 0) {
                problems.add("bash -n " + deploy.relativize(script) + ": " + output.strip());
            }
            if (!Files.isExecutable(script)) {
                problems.add(deploy.relativize(script) + " is not executable");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyConfigurationNameMentionedUnderDeployIsKnown() throws IOException {
        // catches typos in scripts, comments and examples too (e.g. deploy/local/cluster's exports)
        List<String> problems = new ArrayList<>();
        for (Path file : files(p -> true)) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException binary) {
                continue;
            }
            Matcher m = CONFIG_NAME_IN_TEXT.matcher(text);
            while (m.find()) {
                if (!knownServerVariable(m.group(1))) {
                    problems.add(deploy.relativize(file) + ": " + m.group(1) + " is no key the server reads");
                }
            }
        }
        assertNoProblems(problems);
    }

    // -------------------------------------------------------------------------------- helpers

    private void checkVariables(String where, String image, Map<String, String> env, String command, List<String> problems) {
        Set<String> helpers = new TreeSet<>();
        env.values().stream().filter(Objects::nonNull).forEach(v -> {
            Matcher m = HELPER_REFERENCE.matcher(v);
            while (m.find()) {
                helpers.add(m.group(1));
            }
        });
        Set<String> scriptVariables = new TreeSet<>();
        Matcher m = SCRIPT_REFERENCE.matcher(command);
        while (m.find()) {
            scriptVariables.add(m.group(1));
        }
        for (String name : env.keySet()) {
            boolean known;
            if (isSmlFusion(image)) {
                known = knownServerVariable(name) || LIBERTY_IMAGE_VARIABLES.contains(name) || helpers.contains(name);
            } else if (image.contains("postgres")) {
                known = POSTGRES_VARIABLES.contains(name) || scriptVariables.contains(name) || helpers.contains(name);
            } else if (image.contains("apache/kafka")) {
                // the apache/kafka image turns every KAFKA_* variable into the broker property it names
                known = name.startsWith("KAFKA_") || name.equals("CLUSTER_ID");
            } else {
                problems.add(where + ": image " + image + " has no list of variables in this test; add one");
                return;
            }
            if (!known) {
                problems.add(where + ": " + name + " is read by nothing in image " + image);
            }
        }
    }

    private static boolean knownServerVariable(String name) {
        return server.keyOf(name) != null;
    }

    private static void checkHealthUrl(String where, String text, int port, List<String> problems) {
        Matcher url = URL.matcher(text);
        if (!url.find()) {
            problems.add(where + ": no health URL in " + text);
            return;
        }
        String resolved = DEFAULTED.matcher(url.group()).replaceAll(r -> r.group(2) == null ? "" : r.group(2));
        URI uri = URI.create(resolved);
        if (!server.healthPaths().contains(uri.getPath())) {
            problems.add(where + ": " + uri.getPath() + " is not a health path the server serves " + server.healthPaths());
        }
        if (uri.getPort() != port) {
            problems.add(where + ": port " + uri.getPort() + " is not the HTTP port " + port);
        }
    }

    /** The HTTP port a container listens on: its HTTP_PORT (or a ${HTTP_PORT:-n} default), else server.xml's. */
    private static int expectedPort(Map<String, String> env) {
        for (String name : ServerConfiguration.environmentNames("http.port")) {
            String value = env.get(name);
            if (value != null) {
                Matcher defaulted = DEFAULTED.matcher(value);
                String literal = defaulted.matches() ? defaulted.group(2) : value;
                if (literal != null && literal.matches("\\d+")) {
                    return Integer.parseInt(literal);
                }
            }
        }
        return server.defaultHttpPort();
    }

    private static boolean isSmlFusion(String image) {
        return image != null && image.contains("sml-fusion");
    }

    private static int indexOf(List<String> instructions, String prefix) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    // Kubernetes objects

    record PodTemplate(String where, Map<String, Object> workload, Map<String, Object> labels, Map<String, Object> spec) {
    }

    static List<Map<String, Object>> kubernetesObjects() {
        List<Map<String, Object>> objects = new ArrayList<>();
        yaml.forEach((file, documents) -> {
            if (file.startsWith("kubernetes/")) {
                documents.stream().filter(d -> d.get("kind") != null).forEach(objects::add);
            }
        });
        return objects;
    }

    static List<Map<String, Object>> kubernetesObjects(String kind) {
        return kubernetesObjects().stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static List<PodTemplate> podTemplates() {
        List<PodTemplate> pods = new ArrayList<>();
        for (Map<String, Object> object : kubernetesObjects()) {
            if (List.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(object.get("kind"))) {
                Map<String, Object> template = map(map(object.get("spec")).get("template"));
                pods.add(new PodTemplate(object.get("kind") + " " + name(object), object,
                        map(map(template.get("metadata")).get("labels")), map(template.get("spec"))));
            }
        }
        return pods;
    }

    static java.util.Optional<PodTemplate> cellStatefulSet() {
        return podTemplates().stream().filter(p -> p.workload().get("kind").equals("StatefulSet"))
                .filter(p -> list(p.spec().get("containers")).stream().anyMatch(c -> isSmlFusion(str(c.get("image")))))
                .findFirst();
    }

    static List<Map<String, Object>> allContainers(PodTemplate pod) {
        List<Map<String, Object>> containers = new ArrayList<>(list(pod.spec().get("initContainers")));
        containers.addAll(list(pod.spec().get("containers")));
        return containers;
    }

    /** env (name → literal value, or null when it comes from a reference) plus the keys of envFrom objects. */
    static Map<String, String> kubernetesEnv(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> source : list(container.get("envFrom"))) {
            for (String kind : List.of("configMapRef", "secretRef")) {
                Map<String, Object> ref = map(source.get(kind));
                if (!ref.isEmpty()) {
                    Set<String> keys = keysOf(kind.startsWith("config") ? "ConfigMap" : "Secret", str(ref.get("name")));
                    Map<String, String> values = valuesOf(kind.startsWith("config") ? "ConfigMap" : "Secret", str(ref.get("name")));
                    if (keys != null) {
                        keys.forEach(k -> env.put(str(source.getOrDefault("prefix", "")) + k, values.get(k)));
                    }
                }
            }
        }
        for (Map<String, Object> variable : list(container.get("env"))) {
            env.put(str(variable.get("name")), variable.get("value") == null ? null : String.valueOf(variable.get("value")));
        }
        return env;
    }

    /** The keys of a ConfigMap or Secret defined under deploy/kubernetes, or null when there is none. */
    static Set<String> keysOf(String kind, String name) {
        Map<String, String> values = valuesOf(kind, name);
        return values == null ? null : values.keySet();
    }

    static Map<String, String> valuesOf(String kind, String name) {
        for (Map<String, Object> object : kubernetesObjects(kind)) {
            if (name.equals(name(object))) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String field : List.of("data", "stringData", "binaryData")) {
                    map(object.get(field)).forEach((k, v) -> values.put(k, String.valueOf(v)));
                }
                return values;
            }
        }
        return null;
    }

    static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> port : list(container.get("ports"))) {
            Object number = port.get("containerPort");
            ports.put(port.get("name") == null ? String.valueOf(number) : str(port.get("name")),
                    number instanceof Integer i ? i : Integer.valueOf(String.valueOf(number)));
        }
        return ports;
    }

    /** A probe's or Service's port: a number, or the name of a container port. */
    static Integer resolvePort(Object port, Map<String, Integer> containerPorts) {
        if (port instanceof Integer number) {
            return number;
        }
        if (port != null && String.valueOf(port).matches("\\d+")) {
            return Integer.valueOf(String.valueOf(port));
        }
        return containerPorts.get(String.valueOf(port));
    }

    static String name(Map<String, Object> object) {
        return str(map(object.get("metadata")).get("name"));
    }

    // compose

    static Map<String, Object> compose() {
        List<Map<String, Object>> documents = yaml.get("compose.yaml");
        assertEquals(1, documents.size(), "compose.yaml is one document");
        return documents.get(0);
    }

    static String composeImage(Map<String, Object> service) {
        String image = str(service.get("image"));
        Map<String, Object> build = map(service.get("build"));
        if (!build.isEmpty() && str(build.get("dockerfile")).endsWith("deploy/Containerfile")) {
            return image.isEmpty() ? "sml-fusion (deploy/Containerfile)" : image;
        }
        return image;
    }

    static Map<String, String> composeEnv(Object environment) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> l) {
            for (Object item : l) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    static List<Object> dependencies(Object dependsOn) {
        if (dependsOn instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        return dependsOn instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    static int composeContainerPort(Object mapping) {
        if (mapping instanceof Map<?, ?> m) {
            return Integer.parseInt(String.valueOf(m.get("target")));
        }
        String spec = String.valueOf(mapping).split("/")[0];
        return Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
    }

    // YAML and files

    static List<Map<String, Object>> loadAll(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml parser = new Yaml(new SafeConstructor(options));
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : parser.loadAll(in)) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?>)) {
                    fail(file + ": a document is not a mapping: " + document);
                }
                documents.add(map(document));
            }
        } catch (RuntimeException e) {
            fail(deploy.relativize(file) + " does not parse: " + e.getMessage(), e);
        }
        assertFalse(documents.isEmpty(), file + " has no document");
        return documents;
    }

    static List<Path> files(java.util.function.Predicate<Path> filter) throws IOException {
        try (Stream<Path> walk = Files.walk(deploy)) {
            return walk.filter(Files::isRegularFile).filter(filter).sorted().toList();
        }
    }

    static String firstLine(Path file) {
        try (var reader = Files.newBufferedReader(file)) {
            String line = reader.readLine();
            return line == null ? "" : line;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        if (!(value instanceof List<?> l)) {
            return List.of();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : l) {
            items.add(item instanceof Map<?, ?> ? (Map<String, Object>) item : Map.of("value", item));
        }
        return items;
    }

    static List<Object> objects(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    static String str(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** What the Maven build writes under target/ that an image may copy: the WAR and the JDBC driver folders. */
    record BuildOutputs(Set<String> paths) {

        static BuildOutputs of(Path root) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Document pom = factory.newDocumentBuilder().parse(root.resolve("pom.xml").toFile());
                Element project = pom.getDocumentElement();
                String artifactId = directChild(project, "artifactId");
                String packaging = directChild(project, "packaging");
                Element build = (Element) project.getElementsByTagName("build").item(0);
                String finalName = build == null ? null : directChild(build, "finalName");
                if (finalName == null) {
                    finalName = artifactId + "-" + directChild(project, "version");
                }
                finalName = finalName.replace("${project.artifactId}", artifactId);
                Set<String> paths = new TreeSet<>();
                paths.add("target/" + finalName + "." + (packaging == null ? "jar" : packaging));
                // liberty-maven-plugin copyDependencies: <location> relative to the server's config dir
                NodeList locations = pom.getElementsByTagName("location");
                for (int i = 0; i < locations.getLength(); i++) {
                    paths.add("target/liberty/wlp/usr/servers/defaultServer/" + locations.item(i).getTextContent().strip().replaceAll("/+$", ""));
                }
                return new BuildOutputs(paths);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read pom.xml: " + e.getMessage(), e);
            }
        }

        private static String directChild(Element parent, String tag) {
            NodeList children = parent.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                    return e.getTextContent().strip();
                }
            }
            return null;
        }

        /** The path itself, or a folder that holds one of the outputs. */
        boolean produces(String path) {
            return paths.stream().anyMatch(p -> p.equals(path) || p.startsWith(path + "/"));
        }
    }
}
