package io.smlfusion.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import io.smlfusion.testdata.ReferenceCsv;

/**
 * The reference data sets as DataFrame JSON, all columns typed {@code C}; files are found as
 * {@link ReferenceCsv#locate} finds them (in the repository first).
 */
public final class CsvDataFrames {

    private CsvDataFrames() {
    }

    public static String dataFrame(String relativeCsv) {
        List<String> lines = lines(relativeCsv);
        String[] header = lines.get(0).split(",");
        return dataFrame(header, lines.subList(1, lines.size()), "C");
    }

    public static String dataFrame(String[] names, List<String> csvRows, String type) {
        return dataFrame(names, csvRows, Collections.nCopies(names.length, type));
    }

    /** A DataFrame with one type code per column. */
    public static String dataFrame(String[] names, List<String> csvRows, List<String> types) {
        StringBuilder json = new StringBuilder("{\"attributeNames\":[");
        json.append(quoted(List.of(names))).append("],\"attributeTypes\":[");
        json.append(quoted(types)).append("],\"data\":[");
        json.append(csvRows.stream().map(row -> "[" + quoted(List.of(row.split(","))) + "]").collect(Collectors.joining(",")));
        return json.append("]}").toString();
    }

    public static List<String> lines(String relativeCsv) {
        try {
            return Files.readAllLines(locate(relativeCsv)).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate(String relativeCsv) {
        Path relative = Path.of(relativeCsv);
        return ReferenceCsv.locate(relative.getParent().toString(), relative.getFileName().toString());
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v.trim() + "\"").collect(Collectors.joining(","));
    }
}
