package io.smlfusion.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDK's correctly rounded {@link Double#parseDouble} is the reference for every text. */
class DecimalParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1", "-1", "4.3", "0.1", "5.843333", "394.33", "-594", "1e3", "1E-3", "2.5e+10",
        "123456789012345", "9007199254740992", "9007199254740993", "12345678901234567890", "0.30000000000000004",
        "1e22", "1e23", "1e-22", "1e-23", "4.9e-324", "1.7976931348623157e308", "+7", " 3.5", "3.5 ", "NaN", "Infinity",
        "0x1p3", "00012.50", ".5", "5.", "1.5e400"})
    void agreesWithTheJdk(String text) {
        assertEquals(Double.parseDouble(text), parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "abc", "1.2.3", "1e", "e5", "--1", "1,5"})
    void rejectsNonNumbers(String text) {
        assertThrows(NumberFormatException.class, () -> Double.parseDouble(text));
        assertThrows(NumberFormatException.class, () -> parse(text));
    }

    @Test
    void agreesWithTheJdkOnRandomDecimals() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double value = random.nextDouble(-1e6, 1e6) * Math.pow(10, random.nextInt(-12, 12));
            String text = String.format(Locale.ROOT, "%." + random.nextInt(0, 17) + "f", value);
            assertEquals(Double.parseDouble(text), parse(text), text);
            String scientific = String.format(Locale.ROOT, "%." + random.nextInt(0, 17) + "e", value);
            assertEquals(Double.parseDouble(scientific), parse(scientific), scientific);
        }
    }

    private static double parse(String text) {
        byte[] bytes = ("[" + text + "]").getBytes(StandardCharsets.ISO_8859_1);
        return DecimalParser.parse(bytes, 1, bytes.length - 1);
    }
}
