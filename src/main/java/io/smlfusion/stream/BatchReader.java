package io.smlfusion.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smlfusion.ingest.FrameFormat;
import io.smlfusion.ingest.FrameOptions;
import io.smlfusion.ingest.ParsedFrame;
import io.smlfusion.refusal.RequestRefused;

/**
 * Turns one poll's records into what a project learns: frames, each with the offsets that the
 * records up to it reach, and the records that could not be read with their reasons. Rows of text
 * records are learned as one DataFrame; the rules of a cell (a number for {@code C}, 0/1 for
 * {@code B}, …) are the DataFrame reader's own. Only when that DataFrame is refused is each row
 * read alone, to name the records at fault. An Arrow record is a DataFrame of its own.
 *
 * <p>{@link ErrorHandling#STOP} ends the batch before the first bad record: the frames hold only
 * the records before it, and it is not consumed.
 */
final class BatchReader {

    /** Rows to learn (null when every record up to here was skipped) and the offsets they take the stream to. */
    record Learnable(ParsedFrame frame, Map<Integer, Long> nextOffsets) {
    }

    /** A record that could not be read. */
    record Rejected(ConsumedRecord record, String reason) {
    }

    /** @param stoppedAt the record the stream stops before ({@link ErrorHandling#STOP}), or null */
    record Outcome(List<Learnable> learnables, List<Rejected> rejected, Rejected stoppedAt) {
    }

    private static final String REFUSAL_PREFIX = "DataFrame rejected, nothing learned: ";

    private final StreamTask task;
    private final FrameOptions options;
    private final int maxRecordBytes;

    BatchReader(StreamTask task, FrameOptions options, int maxRecordBytes) {
        this.task = task;
        this.options = options;
        this.maxRecordBytes = maxRecordBytes;
    }

    Outcome read(List<ConsumedRecord> records) {
        return task.format() == RecordFormat.ARROW ? readArrow(records) : readRows(records);
    }

    private Outcome readArrow(List<ConsumedRecord> records) {
        List<Learnable> learnables = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<Integer, Long> reached = new HashMap<>();
        boolean pendingSkips = false;
        for (ConsumedRecord record : records) {
            try {
                requireSize(record);
                ParsedFrame frame = FrameFormat.ARROW.read(record.value(), options);
                reached.put(record.partition(), record.offset() + 1);
                learnables.add(new Learnable(frame, Map.copyOf(reached)));
                pendingSkips = false;
            } catch (BadRecord | RequestRefused e) {
                Rejected bad = new Rejected(record, reason(e));
                if (task.errorHandling() == ErrorHandling.STOP) {
                    return new Outcome(learnables, List.of(bad), bad);
                }
                rejected.add(bad);
                reached.put(record.partition(), record.offset() + 1);
                pendingSkips = true;
            }
        }
        if (pendingSkips) {
            learnables.add(new Learnable(null, Map.copyOf(reached)));
        }
        return new Outcome(learnables, rejected, null);
    }

    private Outcome readRows(List<ConsumedRecord> records) {
        List<ConsumedRecord> accepted = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Rejected stoppedAt = null;
        for (ConsumedRecord record : records) {
            try {
                requireSize(record);
                rows.add(task.format().cells(record.value(), task.attributeNames()));
                accepted.add(record);
            } catch (BadRecord e) {
                Rejected bad = new Rejected(record, reason(e));
                rejected.add(bad);
                if (task.errorHandling() == ErrorHandling.STOP) {
                    stoppedAt = bad;
                    break;
                }
            }
        }
        ParsedFrame frame;
        try {
            frame = frame(rows);
        } catch (RequestRefused refused) {
            return readRowsAlone(records, accepted, rows, rejected, stoppedAt);
        }
        return outcome(records, frame, rejected, stoppedAt);
    }

    /** The DataFrame of all rows was refused: read each alone to find which records are at fault. */
    private Outcome readRowsAlone(List<ConsumedRecord> records, List<ConsumedRecord> accepted, List<List<String>> rows,
                                  List<Rejected> rejected, Rejected stoppedAt) {
        List<List<String>> good = new ArrayList<>();
        List<Rejected> allRejected = new ArrayList<>(rejected);
        Rejected stop = stoppedAt;
        for (int i = 0; i < rows.size(); i++) {
            try {
                frame(List.of(rows.get(i)));
                good.add(rows.get(i));
            } catch (RequestRefused e) {
                Rejected bad = new Rejected(accepted.get(i), reason(e));
                allRejected.add(bad);
                if (task.errorHandling() == ErrorHandling.STOP) {
                    stop = bad;
                    break;
                }
            }
        }
        allRejected.sort((a, b) -> Integer.compare(records.indexOf(a.record()), records.indexOf(b.record())));
        if (stop != null) {
            Rejected first = allRejected.get(0);
            stop = first;
            int end = records.indexOf(first.record());
            List<List<String>> before = new ArrayList<>();
            for (int i = 0; i < accepted.size() && records.indexOf(accepted.get(i)) < end; i++) {
                before.add(rows.get(i));
            }
            good = before;
            allRejected = List.of(first);
        }
        return outcome(records, good.isEmpty() ? null : frame(good), allRejected, stop);
    }

    /** The records up to the stop (all of them without one) are consumed: their offsets are reached. */
    private static Outcome outcome(List<ConsumedRecord> records, ParsedFrame frame, List<Rejected> rejected, Rejected stoppedAt) {
        Map<Integer, Long> reached = new HashMap<>();
        for (ConsumedRecord record : records) {
            if (stoppedAt != null && record == stoppedAt.record()) {
                break;
            }
            reached.put(record.partition(), record.offset() + 1);
        }
        List<Learnable> learnables = reached.isEmpty() && frame == null ? List.of() : List.of(new Learnable(frame, Map.copyOf(reached)));
        return new Outcome(learnables, rejected, stoppedAt);
    }

    private ParsedFrame frame(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        return FrameFormat.JSON.read(DataFrameJson.of(task.attributeNames(), task.attributeTypes(), rows), options);
    }

    private void requireSize(ConsumedRecord record) {
        if (record.value() == null || record.value().length == 0) {
            throw new BadRecord("is empty");
        }
        if (record.value().length > maxRecordBytes) {
            throw new BadRecord("has " + record.value().length + " bytes; the limit is " + maxRecordBytes
                    + " (smlfusion.stream.max.record.bytes)");
        }
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.startsWith(REFUSAL_PREFIX) ? message.substring(REFUSAL_PREFIX.length()) : message;
    }
}
