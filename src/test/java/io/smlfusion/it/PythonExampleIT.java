package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Python example client (examples/python) against the test server, as a user would run it: three
 * cells, a fusion, an mlr built on it, predictions. The RMSE it prints on the test file must be the
 * one statsmodels gives for the same regression on the union of the cells (4.85633032184047).
 * The interpreter is {@code $SMLFUSION_IT_PYTHON} (default {@code python3}); .ci/run installs Debian's
 * python3-pandas and python3-cryptography and points it at {@code /usr/bin/python3}.
 */
class PythonExampleIT {

    private static final Path EXAMPLE = Path.of("examples", "python", "fusion_housing.py");
    private static final Path DATA = Path.of("examples", "data", "housing-fed3");

    @Test
    void theFusionExampleReproducesTheReferenceRmse() throws IOException, InterruptedException {
        String configured = System.getenv("SMLFUSION_IT_PYTHON");
        String interpreter = configured == null ? "python3" : configured;
        // a developer's machine without the libraries skips; CI names its interpreter and never skips
        assumeTrue(configured != null || hasLibraries(interpreter),
                "python3 with pandas and cryptography is needed (apt-get install python3-pandas python3-cryptography)");
        ProcessBuilder python = new ProcessBuilder(List.of(interpreter, EXAMPLE.toString(),
                DATA.resolve("housing1.csv").toString(), DATA.resolve("housing2.csv").toString(),
                DATA.resolve("housing3.csv").toString(), DATA.resolve("housing_test.csv").toString()))
                .redirectErrorStream(true);
        python.environment().put("SML_HOST", SignedClient.BASE);
        python.environment().put("SML_CID", SignedClient.BOOTSTRAP_CID);
        python.environment().put("SML_SECRET", SignedClient.BOOTSTRAP_SECRET);
        Process process = python.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(Pattern.compile("cell housing1-\\w+: 25 rows learned\n.*housing2-\\w+: 100 rows learned\n.*housing3-\\w+: 281 rows learned",
                Pattern.DOTALL).matcher(output).find(), output);
        Matcher rmse = Pattern.compile("RMSE on housing_test.csv \\(100 rows\\): ([0-9.]+)").matcher(output);
        assertTrue(rmse.find(), output);
        assertEquals(4.85633032184047, Double.parseDouble(rmse.group(1)), 1e-8, output);
    }

    private static boolean hasLibraries(String interpreter) throws InterruptedException {
        try {
            Process probe = new ProcessBuilder(interpreter, "-c", "import pandas, cryptography").redirectErrorStream(true).start();
            return probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0;
        } catch (IOException noInterpreter) {
            return false;
        }
    }
}
