package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class TestPortsTest {

    @Test
    void aPortWithAListenerIsTakenAndFreeOnceItCloses() throws IOException {
        int port;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = listener.getLocalPort();
            assertFalse(TestPorts.free(port));
        }
        assertTrue(TestPorts.free(port));
    }

    @Test
    void theBuildStopsNamingEveryTakenPort() throws IOException {
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = listener.getLocalPort();
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> TestPorts.main(new String[] {"it.http.port=" + taken}));
            assertTrue(refused.getMessage().startsWith("Test server port(s) already in use: it.http.port=" + taken + "."),
                    refused.getMessage());
        }
    }

    @Test
    void freePortsPass() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        TestPorts.main(new String[] {"it.cell.http.port=" + port});
    }
}
