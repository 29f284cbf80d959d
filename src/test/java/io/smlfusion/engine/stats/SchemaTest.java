package io.smlfusion.engine.stats;

import static io.smlfusion.engine.stats.AttributeType.BINARY;
import static io.smlfusion.engine.stats.AttributeType.CONTINUOUS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private final Schema schema = Schema.of(List.of("age", "job$admin"),
            List.of(CONTINUOUS, BINARY));

    @Test
    void indexesFollowInsertionOrder() {
        assertEquals(2, schema.size());
        assertEquals(0, schema.indexOf("age"));
        assertEquals(1, schema.indexOf("job$admin"));
        assertEquals(-1, schema.indexOf("salary"));
        assertEquals("job$admin", schema.name(1));
        assertEquals(BINARY, schema.type(1));
    }

    @Test
    void extendWithAppendsNewNamesInOrderAndMapsEveryGivenName() {
        Schema.Extension extension = schema.extendWith(List.of("salary", "age", "job$retired"),
                List.of(CONTINUOUS, CONTINUOUS, BINARY));

        assertEquals(List.of("age", "job$admin", "salary", "job$retired"),
                extension.schema().names());
        assertArrayEquals(new int[] {2, 0, 3}, extension.indexes());
        assertEquals(2, schema.size(), "schemas are immutable");
    }

    @Test
    void extendingWithKnownNamesOnlyKeepsTheSchema() {
        Schema.Extension extension = schema.extendWith(List.of("job$admin"), List.of(BINARY));

        assertSame(schema, extension.schema());
        assertArrayEquals(new int[] {1}, extension.indexes());
    }

    @Test
    void unionKeepsThisOrderThenTheOthersNewNames() {
        Schema other = Schema.of(List.of("salary", "age"), List.of(CONTINUOUS, CONTINUOUS));

        assertEquals(List.of("age", "job$admin", "salary"), schema.union(other).names());
        assertEquals(List.of("salary", "age", "job$admin"), other.union(schema).names());
    }

    @Test
    void aTypeConflictNamesTheAttributeAndBothTypes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> schema.extendWith(List.of("job$admin"), List.of(CONTINUOUS)));

        assertEquals("attribute 'job$admin' has type B in this project but type C here",
                error.getMessage());
    }

    @Test
    void indexesOfRequiresKnownNamesOfTheSameType() {
        assertArrayEquals(new int[] {1, 0},
                schema.indexesOf(List.of("job$admin", "age"), List.of(BINARY, CONTINUOUS)));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> schema.indexesOf(List.of("salary"), List.of(CONTINUOUS)));
        assertTrue(unknown.getMessage().contains("'salary'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> schema.indexesOf(List.of("age"), List.of(BINARY)));
    }

    @Test
    void repeatedNamesAndMismatchedListsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Schema.of(List.of("a", "a"), List.of(CONTINUOUS, CONTINUOUS)));
        assertThrows(IllegalArgumentException.class,
                () -> Schema.of(List.of("a", "b"), List.of(CONTINUOUS)));
    }
}
