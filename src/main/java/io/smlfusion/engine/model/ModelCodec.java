package io.smlfusion.engine.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned binary form of a {@link Model}, for persistence and {@code model/export|import}
 * (the REST layer Base64-encodes it). Round trips are bit-exact: a decoded model predicts and
 * describes itself exactly as the encoded one. Little-endian:
 * <pre>
 * magic "SMLM", uint16 format version (1, or 2 when an EVT threshold follows)
 * text algorithm id; list targets; list inputs; float64[] input means
 * int32 n, n × (text key, text value)                      info
 * int32 n, n × (text name, text label column, list value columns, list labels,
 *               float64[] values row after row)              extra tables
 * list predictInfo; list scoreInfo
 * model parameters (per model class, see its writeParameters)
 * version 2 only: the model's EVT threshold (see {@link EvtThreshold})
 * </pre>
 * Text is an int32 byte length then UTF-8; a list is an int32 count then texts; a float64[] an
 * int32 length then values; a matrix int32 rows, int32 columns, then values row after row.
 * Anything this reader does not fully understand — other magic, another version, an unknown or
 * unsupported algorithm, truncation, inconsistent sizes, trailing bytes — is a
 * {@link ModelFormatException} saying which; a model is never mis-read.
 */
public final class ModelCodec {

    /** The version of a model alone; this server reads it and {@link #WITH_EVT_VERSION}. */
    public static final int FORMAT_VERSION = 1;
    /** The version of a model followed by the state of its EVT threshold. */
    public static final int WITH_EVT_VERSION = 2;

    /** A decoded model and its EVT threshold, or null when it has none. */
    public record Decoded(Model model, EvtThreshold evtThreshold) {
    }

    private static final byte[] MAGIC = "SMLM".getBytes(StandardCharsets.US_ASCII);

    private ModelCodec() {
    }

    public static byte[] encode(Model model) {
        return encode(model, null);
    }

    /** The model and, when not null, the current state of its EVT threshold. */
    public static byte[] encode(Model model, EvtThreshold evtThreshold) {
        ModelWriter out = new ModelWriter();
        out.bytes(MAGIC);
        out.uint16(evtThreshold == null ? FORMAT_VERSION : WITH_EVT_VERSION);
        ModelSignature signature = model.signature();
        out.utf8(signature.algorithm().id());
        out.strings(signature.targets());
        out.strings(signature.inputs());
        out.float64s(signature.inputMeans());
        writeDescription(model.description(), out);
        model.writeParameters(out);
        if (evtThreshold != null) {
            evtThreshold.write(out);
        }
        return out.toByteArray();
    }

    /**
     * The model alone (an EVT threshold stored with it is dropped).
     *
     * @throws ModelFormatException when the bytes are not a model this server reads
     */
    public static Model decode(byte[] bytes) throws ModelFormatException {
        return decodeWithEvt(bytes).model();
    }

    /**
     * The model and its EVT threshold, if stored.
     *
     * @throws ModelFormatException when the bytes are not a model this server reads
     */
    public static Decoded decodeWithEvt(byte[] bytes) throws ModelFormatException {
        ModelReader in = new ModelReader(bytes);
        byte[] magic = in.bytes(Math.min(MAGIC.length, bytes.length));
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ModelFormatException("not an sml-fusion model: the bytes do not start with "
                    + "the magic \"SMLM\"");
        }
        int version = in.uint16();
        if (version != FORMAT_VERSION && version != WITH_EVT_VERSION) {
            throw new ModelFormatException("model format version " + version
                    + " is not supported; this server reads versions " + FORMAT_VERSION + " and "
                    + WITH_EVT_VERSION);
        }
        ModelSignature signature = readSignature(in);
        ModelDescription description = readDescription(in);
        Model model = switch (signature.algorithm()) {
            case MLR, RIDGE, LASSO, ELASTICNET, PCR, PLSQ ->
                    LinearRegressionModel.read(in, signature, description);
            case LDA -> LinearDiscriminantModel.read(in, signature, description);
            case BAYES -> NaiveBayesModel.read(in, signature, description);
            case MLDA, MQDA -> DiscriminantScoresModel.read(in, signature, description);
            case COVEST -> CovarianceModel.read(in, signature, description);
            case HBA -> HistogramAnomalyModel.read(in, signature, description);
            case ECOD -> EcodModel.read(in, signature, description);
            case OOSPCA -> ResidualPcaModel.read(in, signature, description);
            default -> throw in.malformed("algorithm '" + signature.algorithm().id()
                    + "' has no model format");
        };
        EvtThreshold evtThreshold = version == WITH_EVT_VERSION
                ? EvtThreshold.read(in, description.predictInfo()) : null;
        in.requireEnd();
        return new Decoded(model, evtThreshold);
    }

    private static ModelSignature readSignature(ModelReader in) throws ModelFormatException {
        String id = in.utf8();
        ModelAlgorithm algorithm;
        try {
            algorithm = ModelAlgorithm.forId(id).requireSupported();
        } catch (ModelBuildException e) {
            throw in.malformed("unreadable algorithm: " + e.getMessage());
        }
        List<String> targets = in.strings();
        List<String> inputs = in.strings();
        double[] means = in.float64s();
        if (means.length != inputs.size()) {
            throw in.malformed(means.length + " input means for " + inputs.size() + " inputs");
        }
        return new ModelSignature(algorithm, targets, inputs, means);
    }

    private static void writeDescription(ModelDescription description, ModelWriter out) {
        out.int32(description.info().size());
        description.info().forEach((key, value) -> {
            out.utf8(key);
            out.utf8(value);
        });
        out.int32(description.extra().size());
        description.extra().forEach((name, table) -> {
            out.utf8(name);
            out.utf8(table.labelColumn());
            out.strings(table.valueColumns());
            out.strings(table.labels());
            double[][] values = table.values();
            out.float64s(Arrays.stream(values).flatMapToDouble(Arrays::stream).toArray());
        });
        out.strings(description.predictInfo());
        out.strings(description.scoreInfo());
    }

    private static ModelDescription readDescription(ModelReader in) throws ModelFormatException {
        int infoCount = nonNegative(in, "info entries");
        Map<String, String> info = new LinkedHashMap<>();
        for (int k = 0; k < infoCount; k++) {
            info.put(in.utf8(), in.utf8());
        }
        int tableCount = nonNegative(in, "extra tables");
        Map<String, ModelTable> extra = new LinkedHashMap<>();
        for (int k = 0; k < tableCount; k++) {
            String name = in.utf8();
            String labelColumn = in.utf8();
            List<String> columns = in.strings();
            List<String> labels = in.strings();
            double[] flat = in.float64s();
            if (flat.length != (long) columns.size() * labels.size()) {
                throw in.malformed("table '" + name + "' holds " + flat.length + " values for "
                        + labels.size() + " rows of " + columns.size() + " columns");
            }
            double[][] values = new double[labels.size()][];
            for (int r = 0; r < values.length; r++) {
                values[r] = Arrays.copyOfRange(flat, r * columns.size(), (r + 1) * columns.size());
            }
            extra.put(name, new ModelTable(labelColumn, columns, labels, values));
        }
        return new ModelDescription(info, extra, in.strings(), in.strings());
    }

    private static int nonNegative(ModelReader in, String what) throws ModelFormatException {
        int count = in.int32();
        if (count < 0) {
            throw in.malformed("negative number of " + what + ": " + count);
        }
        return count;
    }
}
