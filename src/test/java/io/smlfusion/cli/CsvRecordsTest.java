package io.smlfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void readsRfc4180QuotingLineEndsAndEmptyFields() throws IOException, CliUsageException {
        CsvRecords records = new CsvRecords(new StringReader(
                "\uFEFFa,b,c\r\n1,\"x, y\",\r\n\n\"say \"\"hi\"\"\",\"two\nlines\",3\nlast,,"));
        assertEquals(List.of("a", "b", "c"), records.next());
        assertEquals(1, records.recordLine());
        assertEquals(List.of("1", "x, y", ""), records.next());
        assertEquals(2, records.recordLine());
        assertEquals(List.of("say \"hi\"", "two\nlines", "3"), records.next());
        assertEquals(4, records.recordLine());
        assertEquals(List.of("last", "", ""), records.next());
        assertEquals(6, records.recordLine());
        assertNull(records.next());
    }

    @Test
    void anUnclosedQuoteNamesItsLine() throws IOException, CliUsageException {
        CsvRecords records = new CsvRecords(new StringReader("a\n\"open\nmore"));
        records.next();
        CliUsageException refused = assertThrows(CliUsageException.class, records::next);
        assertTrue(refused.getMessage().startsWith("CSV line 2: a quoted field is not closed"), refused.getMessage());
    }

    @Test
    void aFieldBeyondTheLimitIsRefusedNotBuffered() {
        String huge = "\"" + "x".repeat(CsvRecords.MAX_FIELD_CHARS + 1);
        CliUsageException refused = assertThrows(CliUsageException.class, () -> new CsvRecords(new StringReader(huge)).next());
        assertTrue(refused.getMessage().contains("longer than " + CsvRecords.MAX_FIELD_CHARS), refused.getMessage());
    }
}
