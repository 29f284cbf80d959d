package io.smlfusion.audit;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import io.smlfusion.json.JsonFactory;
import io.smlfusion.persistence.AuditEntryEntity;

/** The audit trail's JSON: the stored cells of a merge, and an entry as the audit calls answer it. */
final class AuditJson {

    private AuditJson() {
    }

    static String cells(List<MergedCell> cells) {
        JsonArrayBuilder array = JsonFactory.createArrayBuilder();
        for (MergedCell cell : cells) {
            array.add(JsonFactory.createObjectBuilder().add("host", cell.host()).add("cid", cell.cid()).add("pid", cell.pid())
                    .add("rowCount", cell.rowCount()).add("sha256", cell.sha256()));
        }
        return array.build().toString();
    }

    static List<MergedCell> cells(String json) {
        try (JsonReader reader = JsonFactory.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(cell -> new MergedCell(cell.getString("host"), cell.getString("cid"), cell.getString("pid"),
                            cell.getJsonNumber("rowCount").longValue(), cell.getString("sha256")))
                    .toList();
        }
    }

    /**
     * {@code id}, {@code time} (ISO-8601), {@code caller}, {@code cid} (the owner), {@code pid},
     * {@code kind}, {@code call}, {@code rowCount}, {@code sha256}, and for a fused answer
     * {@code cells}: the merged cells, each {@code host}, {@code cid}, {@code pid}, {@code rowCount},
     * {@code sha256} (empty when the merge's record was pruned).
     */
    static Map<String, Object> entry(AuditEntryEntity entry, Map<String, List<MergedCell>> merges) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.getId());
        json.put("time", entry.getRecordedAt().toString());
        json.put("caller", entry.getCaller());
        json.put("cid", entry.getOwner());
        json.put("pid", entry.getPid());
        json.put("kind", entry.getKind());
        json.put("call", entry.getCall());
        json.put("rowCount", entry.getRowCount());
        json.put("sha256", entry.getSha256());
        if (AuditKind.FUSED_ANSWER.name().equals(entry.getKind())) {
            json.put("cells", merges.getOrDefault(entry.getSha256(), List.of()).stream().map(AuditJson::cell).toList());
        }
        return json;
    }

    static Map<String, Object> cell(MergedCell cell) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("host", cell.host());
        json.put("cid", cell.cid());
        json.put("pid", cell.pid());
        json.put("rowCount", cell.rowCount());
        json.put("sha256", cell.sha256());
        return json;
    }
}
