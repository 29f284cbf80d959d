package io.smlfusion.ingest;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Reads an Apache Arrow IPC stream ({@code application/vnd.apache.arrow.stream}) into the same
 * {@link FrameSink}s as {@link DataFrameReader}: the column names are the {@code attributeNames}
 * and the column types give the {@code attributeTypes} — floating point and integer → {@code C},
 * boolean → {@code B}, UTF-8 text or a dictionary of it → {@code T}; any other type is refused,
 * naming the column. Nulls are missing cells, so they follow {@code errorHandling}, which a stream
 * carries as schema metadata ({@code errorHandling} = {@code 0} or {@code 1}; 0 when absent).
 *
 * <p>Numbers go from the column buffers to the statistics without text: a batch of numeric
 * columns without nulls is copied column by column into the rows ({@link ArrowNumberColumns}),
 * any other batch cell by cell. An uncompressed stream's buffers are copies of its own bytes, so
 * every buffer is allocated from a child allocator bounded by twice the stream's length (plus the
 * vectors' first allocations): a stream that declares larger buffers than it carries is refused
 * before they are allocated. Compressed streams are refused (no codec is installed).
 */
public final class ArrowFrameReader {

    public static final String MEDIA_TYPE = "application/vnd.apache.arrow.stream";

    /** One root for the server: allocators are meant to be shared, children bound each read. */
    private static final RootAllocator ROOT = new RootAllocator();
    /** What the vectors of a schema allocate before the first batch, whatever the stream's size. */
    private static final long FIRST_ALLOCATIONS = 4L << 20;

    private ArrowFrameReader() {
    }

    /** Learn and forget: the rows as {@link DataFrameReader#read} makes them from JSON. */
    public static ParsedFrame read(byte[] stream, FrameOptions options) {
        return read(stream, (names, types, errorHandling) -> new FrameBuilder(names, types, errorHandling, options));
    }

    /** Prediction: the rows as {@link DataFrameReader#readPredictionRows} makes them from JSON. */
    public static PredictionRows readPredictionRows(byte[] stream, List<String> inputs, List<String> keepColumns) {
        return read(stream, (names, types, errorHandling) -> new PredictionRowsBuilder(names, types, inputs, keepColumns));
    }

    private static <R> R read(byte[] stream, FrameSink.Factory<R> factory) {
        long maxBytes = 2L * stream.length + FIRST_ALLOCATIONS;
        try (BufferAllocator allocator = ROOT.newChildAllocator("arrow-frame", 0, maxBytes);
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            List<Field> fields = batch.getSchema().getFields();
            List<String> names = fields.stream().map(Field::getName).toList();
            List<String> types = fields.stream().map(ArrowFrameReader::attributeType).toList();
            FrameSink<R> sink = factory.open(names, types, errorHandling(batch.getSchema().getCustomMetadata()));
            while (reader.loadNextBatch()) {
                NumberColumn[] numbers = ArrowNumberColumns.of(batch.getFieldVectors());
                if (numbers != null && sink.numberColumns(batch.getRowCount(), numbers)) {
                    continue;
                }
                List<Column> columns = new ArrayList<>(fields.size());
                for (FieldVector vector : batch.getFieldVectors()) {
                    columns.add(Column.of(vector, reader.getDictionaryVectors()));
                }
                for (int row = 0; row < batch.getRowCount(); row++) {
                    sink.startRow();
                    for (Column column : columns) {
                        column.send(row, sink);
                    }
                    sink.endRow();
                }
            }
            return sink.finish();
        } catch (OutOfMemoryException e) {
            throw new FrameException("the Arrow stream declares buffers larger than the " + stream.length + " bytes it carries");
        } catch (IOException | RuntimeException e) {
            if (e instanceof FrameException known) {
                throw known;
            }
            throw new FrameException("not a readable Arrow IPC stream: " + firstLine(e));
        }
    }

    private static String attributeType(Field field) {
        DictionaryEncoding dictionary = field.getDictionary();
        ArrowType type = field.getType();
        if (dictionary != null || type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8) {
            return "T";
        }
        if (type instanceof ArrowType.FloatingPoint || type instanceof ArrowType.Int) {
            return "C";
        }
        if (type instanceof ArrowType.Bool) {
            return "B";
        }
        throw new FrameException("Arrow column '" + field.getName() + "' has the type " + type
                + ": columns must be floating point or integer (C), boolean (B), or UTF-8 text or a dictionary of it (T)");
    }

    private static int errorHandling(Map<String, String> metadata) {
        String value = metadata == null ? null : metadata.get("errorHandling");
        if (value == null || value.equals("0")) {
            return 0;
        }
        if (value.equals("1")) {
            return 1;
        }
        throw new FrameException("the Arrow schema's errorHandling metadata is '" + value + "', not 0 or 1");
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    /** How one column's cells reach the sink: decoded numbers, or text. */
    private interface Column {

        void send(int row, FrameSink<?> sink);

        static Column of(FieldVector vector, Map<Long, Dictionary> dictionaries) {
            DictionaryEncoding encoding = vector.getField().getDictionary();
            if (encoding != null) {
                Dictionary dictionary = dictionaries.get(encoding.getId());
                if (dictionary == null) {
                    throw new FrameException("Arrow column '" + vector.getName() + "' names the dictionary " + encoding.getId()
                            + ", which the stream does not carry");
                }
                ValueVector words = dictionary.getVector();
                BaseIntVector indices = (BaseIntVector) vector;
                return (row, sink) -> {
                    if (indices.isNull(row)) {
                        sink.cell((String) null);
                        return;
                    }
                    long index = indices.getValueAsLong(row);
                    if (index < 0 || index >= words.getValueCount()) {
                        throw new FrameException("Arrow column '" + vector.getName() + "' row " + (row + 1)
                                + " points outside its dictionary");
                    }
                    Object word = words.getObject((int) index);
                    sink.cell(word == null ? null : word.toString());
                };
            }
            if (vector instanceof FloatingPointVector numbers) {
                return (row, sink) -> {
                    if (numbers.isNull(row)) {
                        sink.cell((String) null);
                    } else {
                        sink.number(numbers.getValueAsDouble(row));
                    }
                };
            }
            if (vector instanceof BaseIntVector integers) {
                return (row, sink) -> {
                    if (integers.isNull(row)) {
                        sink.cell((String) null);
                    } else {
                        sink.number(integers.getValueAsLong(row));
                    }
                };
            }
            if (vector instanceof BitVector bits) {
                return (row, sink) -> {
                    if (bits.isNull(row)) {
                        sink.cell((String) null);
                    } else {
                        sink.number(bits.get(row));
                    }
                };
            }
            return (row, sink) -> {
                Object text = vector.getObject(row);
                sink.cell(text == null ? null : text.toString());
            };
        }
    }
}
