package io.smlfusion.disclosure;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.smlfusion.json.JsonFactory;
import io.smlfusion.refusal.RequestRefused;

/**
 * How a cell says that it withholds its export, and how a fusion recognises it. On the wire: HTTP
 * 409 with the envelope's {@code values} {@value #KIND}: the {@link SmallGroup.Kind} name, and
 * {@value #MIN_ROWS}: the threshold. The fusion builds its reason from these two alone: a cell's
 * text never reaches {@code cellsStatus}, and the statusString names a partition or level (data).
 */
public final class WithheldExport {

    static final String KIND = "exportWithheld";
    static final String MIN_ROWS = "minRows";

    private WithheldExport() {
    }

    /** The cell's refusal: a 409 whose statusString tells the owner which group is too small. */
    public static RequestRefused refusal(String pid, SmallGroup group, int minRows) {
        String where = group.kind() == SmallGroup.Kind.PROJECT ? "the project" : group.where();
        return new RequestRefused(RequestRefused.Reason.CONFLICT, "Export of project [" + pid + "] withheld: " + where
                + " holds " + group.rows() + " rows, fewer than the " + minRows + " rows of " + ExportPolicy.MIN_ROWS_OPTION
                + " (its statistics would describe those few people)",
                values(group.kind(), minRows));
    }

    private static Map<String, Object> values(SmallGroup.Kind kind, int minRows) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(KIND, kind.name());
        values.put(MIN_ROWS, minRows);
        return values;
    }

    /**
     * The fusion's reason for a cell's non-200 answer that is a withheld export, or null when it is
     * not one (then the answer is classified as before).
     *
     * @param httpStatus the cell's HTTP status
     * @param errorBody  the start of the cell's answer, untrusted
     */
    public static String reasonIn(int httpStatus, String errorBody) {
        if (httpStatus != 409 || errorBody == null || !errorBody.contains(KIND)) {
            return null;
        }
        try (var reader = JsonFactory.createReader(new StringReader(errorBody))) {
            JsonValue values = reader.readObject().get("values");
            if (!(values instanceof JsonObject object)
                    || !(object.get(KIND) instanceof JsonString kind)
                    || !(object.get(MIN_ROWS) instanceof JsonNumber minRows) || !minRows.isIntegral()) {
                return null;
            }
            SmallGroup.Kind group = SmallGroup.Kind.valueOf(kind.getString());
            long threshold = minRows.longValueExact();
            return threshold < 1 || threshold > ExportPolicy.MAX_ROWS ? null
                    : "the cell withholds its export: " + group.description() + " holds fewer than " + threshold + " rows";
        } catch (JsonException | IllegalArgumentException | ArithmeticException | ClassCastException notOurs) {
            return null;
        }
    }
}
