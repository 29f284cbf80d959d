package io.smlfusion.modelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smlfusion.engine.model.Model;
import io.smlfusion.engine.model.ModelAlgorithm;
import io.smlfusion.engine.model.ModelBuilder;
import io.smlfusion.engine.model.ModelOptions;
import io.smlfusion.engine.model.ModelSpec;
import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.modelling.ModelCode.Language;
import io.smlfusion.refusal.RequestRefused;
import io.smlfusion.testdata.ReferenceCsv;

/**
 * The generated code computes the server's prediction: the Java method is compiled with the JDK's
 * compiler and called, the SQL expression is evaluated by Apache Derby (in memory), on the test
 * rows of housing (mlr, ridge) and bank (lda), also with missing inputs (mean imputation).
 */
class ModelCodeTest {

    private static final ReferenceCsv HOUSING_TEST = ModellingData.table("housing-fed3/housing_test.csv");
    private static final ReferenceCsv BANK_TEST = ModellingData.table("bank-fed3/bank_test.csv");
    private static ProjectStatistics housing;
    private static ProjectStatistics bank;
    private static List<String> housingInputs;
    private static List<String> bankInputs;

    @TempDir
    Path classes;

    @BeforeAll
    static void learn() {
        System.setProperty("derby.stream.error.file", Path.of("target", "derby-model-code.log").toString());
        housing = ModellingData.learned(ModellingData.HOUSING);
        bank = ModellingData.learned(ModellingData.BANK);
        housingInputs = HOUSING_TEST.namesExcept("MEDV");
        bankInputs = BANK_TEST.namesExcept("target");
    }

    @Test
    void javaOfMlrGivesTheServersPredictionExactly() throws Exception {
        Model model = ModellingData.build(housing, "mlr", "MEDV", housingInputs, Map.of());
        Method predict = compile("m1.housing", model);
        for (int r = 0; r < HOUSING_TEST.rows().size(); r++) {
            double[] row = HOUSING_TEST.values(r, housingInputs);
            assertEquals(model.predict(row).number("res"), (double) predict.invoke(null, (Object) row), 0.0, "row " + r);
        }
        double[] missing = HOUSING_TEST.values(0, housingInputs);
        double[] imputed = missing.clone();
        missing[2] = Double.NaN;
        imputed[2] = model.inputMeans()[2];
        assertEquals(model.predict(imputed).number("res"), (double) predict.invoke(null, (Object) missing), 0.0);
    }

    @Test
    void javaOfLdaGivesTheServersScore() throws Exception {
        Model model = ModellingData.build(bank, "lda", "target", bankInputs, Map.of());
        Method predict = compile("lda", model);
        for (int r = 0; r < 2000; r++) {
            double[] row = BANK_TEST.values(r, bankInputs);
            assertEquals(model.predict(row).number("normZ"), (double) predict.invoke(null, (Object) row), 0.0, "row " + r);
        }
    }

    @Test
    void javaOfAClippingRidgeClips() throws Exception {
        Model model = ModellingData.build(housing, "ridge", "MEDV", housingInputs,
                Map.of("lambda", "0.5", "clip_negative_predictions", "true"));
        Method predict = compile("ridge", model);
        double[] extreme = HOUSING_TEST.values(0, housingInputs);
        extreme[housingInputs.indexOf("LSTAT")] = 1000;
        assertEquals(0.0, (double) predict.invoke(null, (Object) extreme));
        assertEquals(model.predict(extreme).number("res"), 0.0);
        double[] row = HOUSING_TEST.values(1, housingInputs);
        assertEquals(model.predict(row).number("res"), (double) predict.invoke(null, (Object) row), 0.0);
    }

    @Test
    void sqlOfMlrAndLdaEvaluatesToTheServersPredictionOnDerby() throws Exception {
        Model mlr = ModellingData.build(housing, "mlr", "MEDV", housingInputs, Map.of());
        Model lda = ModellingData.build(bank, "lda", "target", bankInputs, Map.of());
        try (Connection db = DriverManager.getConnection("jdbc:derby:memory:modelcode;create=true")) {
            List<Double> mlrValues = evaluate(db, "HOUSING", housingInputs, HOUSING_TEST, 100,
                    ModelCode.generate("m", mlr, Language.SQL), -1);
            for (int r = 0; r < mlrValues.size(); r++) {
                assertEquals(mlr.predict(HOUSING_TEST.values(r, housingInputs)).number("res"), mlrValues.get(r), 0.0,
                        "row " + r);
            }
            List<Double> withNull = evaluate(db, "HOUSING_NULL", housingInputs, HOUSING_TEST, 1,
                    ModelCode.generate("m", mlr, Language.SQL), 5);
            double[] imputed = HOUSING_TEST.values(0, housingInputs);
            imputed[5] = mlr.inputMeans()[5];
            assertEquals(mlr.predict(imputed).number("res"), withNull.get(0), 0.0, "NULL is the mean");

            List<Double> ldaValues = evaluate(db, "BANK", bankInputs, BANK_TEST, 300,
                    ModelCode.generate("l", lda, Language.SQL), -1);
            for (int r = 0; r < ldaValues.size(); r++) {
                double expected = lda.predict(BANK_TEST.values(r, bankInputs)).number("normZ");
                assertEquals(expected, ldaValues.get(r), 1e-15 + 1e-13 * expected, "row " + r);
            }
        }
    }

    @Test
    void oddAttributeNamesAreQuotedAndCommentedSafely() throws Exception {
        List<String> names = List.of("a \"quoted\" */ name", "back\\u000aslash", "y");
        ProjectStatistics statistics = new ProjectStatistics(false, false);
        double[] values = new double[30];
        for (int r = 0; r < 10; r++) {
            values[3 * r] = r;
            values[3 * r + 1] = (r * 7) % 5;
            values[3 * r + 2] = 2 * r - 3 * ((r * 7) % 5) + (r % 2) * 0.1;
        }
        statistics.learn(new DataBlock(names, List.of(AttributeType.CONTINUOUS, AttributeType.CONTINUOUS,
                AttributeType.CONTINUOUS), values, 10));
        Model model = ModelBuilder.build(statistics, new ModelSpec(ModelAlgorithm.MLR, List.of("y"), names.subList(0, 2),
                ModelOptions.none()));
        Method predict = compile("odd-id.1", model);
        double[] row = {2.5, 1};
        assertEquals(model.predict(row).number("res"), (double) predict.invoke(null, (Object) row), 0.0);
        String sql = ModelCode.generate("odd", model, Language.SQL);
        assertTrue(sql.contains("\"a \"\"quoted\"\" */ name\""), sql);
        try (Connection db = DriverManager.getConnection("jdbc:derby:memory:modelcode;create=true");
             Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE ODD (\"a \"\"quoted\"\" */ name\" DOUBLE, \"back\\u000aslash\" DOUBLE)");
            statement.execute("INSERT INTO ODD VALUES (2.5, 1)");
            try (ResultSet result = statement.executeQuery("SELECT " + sql + " FROM ODD")) {
                result.next();
                assertEquals(model.predict(row).number("res"), result.getDouble(1), 0.0);
            }
        }
    }

    @Test
    void otherModelsAndLanguagesAreRefused() {
        Model bayes = ModellingData.build(bank, "bayes", "target", bankInputs, Map.of());
        RequestRefused refused = assertThrows(RequestRefused.class, () -> ModelCode.generate("nb", bayes, Language.JAVA));
        assertEquals(RequestRefused.Reason.INVALID, refused.reason());
        assertEquals("Model [nb] is bayes: code is generated for mlr, ridge, lasso, elasticnet, pcr and lda models",
                refused.getMessage());
        assertEquals("language = 'cobol' is not supported: use java or sql",
                assertThrows(RequestRefused.class, () -> Language.of("cobol")).getMessage());
        assertEquals(Language.JAVA, Language.of(null));
        assertEquals(Language.SQL, Language.of(" SQL "));
    }

    /** Compiles the generated method inside a class and answers it. */
    private Method compile(String modelId, Model model) throws Exception {
        String code = ModelCode.generate(modelId, model, Language.JAVA);
        Path source = classes.resolve("Generated.java");
        Files.writeString(source, "public final class Generated {\n" + code + "}\n");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-d", classes.toString(), source.toString()), code);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            return loader.loadClass("Generated").getMethod("predict_" + ModelCode.identifier(modelId), double[].class);
        }
    }

    /** Creates a table of the columns, inserts the first rows (column {@code nullColumn} NULL) and selects the expression. */
    private static List<Double> evaluate(Connection db, String table, List<String> columns, ReferenceCsv data,
                                         int rows, String expression, int nullColumn) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (ROW_ID INT, " + columns.stream()
                    .map(name -> ModelCode.sqlIdentifier(name) + " DOUBLE").collect(Collectors.joining(", ")) + ")");
        }
        String insert = "INSERT INTO " + table + " VALUES (?, " + columns.stream().map(c -> "?")
                .collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement statement = db.prepareStatement(insert)) {
            for (int r = 0; r < rows; r++) {
                double[] values = data.values(r, columns);
                statement.setInt(1, r);
                for (int c = 0; c < values.length; c++) {
                    if (c == nullColumn) {
                        statement.setNull(c + 2, Types.DOUBLE);
                    } else {
                        statement.setDouble(c + 2, values[c]);
                    }
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
        List<Double> results = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + expression + " FROM " + table + " ORDER BY ROW_ID")) {
            while (result.next()) {
                results.add(result.getDouble(1));
            }
        }
        return results;
    }
}
