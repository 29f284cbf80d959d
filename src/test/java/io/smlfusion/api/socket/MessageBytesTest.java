package io.smlfusion.api.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Parts join in order into exactly the message, whatever the previous message's length. */
class MessageBytesTest {

    @Test
    void partsJoinIntoExactlyTheMessage() {
        MessageBytes message = new MessageBytes();
        for (byte[] expected : new byte[][] {bytes(0, 10_000), bytes(7, 10_000), bytes(3, 25), bytes(1, 40_000), new byte[0]}) {
            for (int from = 0; from < expected.length; from += 4096) {
                message.append(Arrays.copyOfRange(expected, from, Math.min(expected.length, from + 4096)));
            }
            assertEquals(expected.length, message.length());
            assertArrayEquals(expected, message.take());
            assertEquals(0, message.length());
        }
    }

    private static byte[] bytes(int seed, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed + 31 * i);
        }
        return bytes;
    }
}
