package io.smlfusion.modelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.explore.ExploreException;
import io.smlfusion.engine.explore.MLContext;
import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.Schema;
import io.smlfusion.exploration.MLContexts;
import io.smlfusion.refusal.RequestRefused;

/** The build body is one MLContext, read by the parser exploration uses and resolved by the same rules. */
class BuildRequestTest {

    private static final Schema SCHEMA = Schema.of(List.of("x", "y", "z"),
            List.of(AttributeType.CONTINUOUS, AttributeType.CONTINUOUS, AttributeType.BINARY));

    @Test
    void oneMLContextByIndexOrName() {
        MLContext byIndex = MLContexts.readOne("{\"targets\":[\"2\"],\"inputAttributes\":[0,\"1\"],"
                + "\"extraParameters\":{\"lambda\":0.5,\"standardize\":false}}");
        assertEquals(List.of("0", "1"), byIndex.inputAttributes());
        assertEquals(Map.of("lambda", "0.5", "standardize", "false"), byIndex.extraParameters());
        assertEquals(List.of(0, 1), List.of(byIndex.inputIndexes(SCHEMA)[0], byIndex.inputIndexes(SCHEMA)[1]));
        MLContext byName = MLContexts.readOne("{\"targetAttributeNames\":[\"z\"],\"inputAttributeNames\":[\"y\"]}");
        assertEquals(2, byName.targetIndexes(SCHEMA)[0]);
        assertEquals(1, byName.inputIndexes(SCHEMA)[0]);
        assertTrue(byName.hasTargets());
        assertFalse(MLContexts.readOne("{\"inputAttributes\":[]}").hasTargets());
    }

    @Test
    void malformedBodiesSayWhatIsExpected() {
        String shape = "send one MLContext {\"inputAttributes\":[...],\"targets\":[...],\"extraParameters\":{...}}";
        assertEquals("The request body is empty; " + shape, refused(""));
        assertTrue(refused("[1]").startsWith("The request body is not a JSON object ("), refused("[1]"));
        assertEquals("The body is an ExploreContext ({\"values\":[...]}); " + shape,
                refused("{\"values\":[{\"inputAttributes\":[\"0\"]}]}"));
        assertEquals("inputAttributes must be an array of attribute indexes or names", refused("{\"inputAttributes\":\"0\"}"));
        assertEquals("targets holds 1.5, which is not an attribute index", refused("{\"targets\":[1.5]}"));
        assertEquals("extraParameters.lambda must be a string, not ARRAY", refused("{\"extraParameters\":{\"lambda\":[1]}}"));
        assertEquals(2, MLContexts.readAll("{\"values\":[{},{}]}").size(), "exploration reads the wrapped form");
    }

    @Test
    void unknownAttributesAreNamed() {
        MLContext context = MLContexts.readOne("{\"targets\":[\"7\"],\"inputAttributeNames\":[\"w\"]}");
        assertEquals("targets: attribute index 7 is out of range; the project has 3 attributes (indexes 0 to 2)",
                assertThrows(ExploreException.class, () -> context.targetIndexes(SCHEMA)).getMessage());
        assertEquals("inputAttributeNames: the project has no attribute named 'w'",
                assertThrows(ExploreException.class, () -> context.inputIndexes(SCHEMA)).getMessage());
    }

    @Test
    void queryFlagsAreStrict() {
        assertTrue(ModelRequests.flag("impute", "TRUE", false));
        assertFalse(ModelRequests.flag("impute", null, false));
        assertTrue(ModelRequests.flag("predictBeforeLearn", " ", true));
        assertEquals("The query parameter impute = 'yes' is not true or false",
                assertThrows(RequestRefused.class, () -> ModelRequests.flag("impute", "yes", false)).getMessage());
        assertEquals(List.of("id", "name"), ModelRequests.names(" id, ,name,id"));
    }

    private static String refused(String body) {
        RequestRefused e = assertThrows(RequestRefused.class, () -> MLContexts.readOne(body));
        assertEquals(RequestRefused.Reason.INVALID, e.reason());
        return e.getMessage();
    }
}
