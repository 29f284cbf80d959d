package io.smlfusion.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by the build (exec-maven-plugin, execution {@code check-test-ports}) before any test server
 * starts: fails the build when a port a test server is about to bind is already taken. Without this
 * check Liberty starts anyway, logs the bind error only in its own {@code messages.log}, and the
 * tests then talk to whatever server holds the port (a developer's {@code mvn liberty:run}, whose
 * keys differ: "401 Invalid Signature" far from the cause).
 *
 * <p>Arguments: {@code name=port} pairs, the port properties of the pom.
 */
public final class TestPorts {

    private TestPorts() {
    }

    public static void main(String[] args) {
        List<String> taken = new ArrayList<>();
        for (String argument : args) {
            int equals = argument.indexOf('=');
            String name = argument.substring(0, equals);
            int port = Integer.parseInt(argument.substring(equals + 1));
            if (!free(port)) {
                taken.add(name + "=" + port);
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Test server port(s) already in use: " + String.join(", ", taken)
                    + ". Another server listens there (mvn liberty:run uses 9080). Drop the -D option to let"
                    + " the build pick free ports, or pass other ones.");
        }
    }

    /** Whether a server could listen on {@code port} of the loopback interface, where Liberty binds {@code localhost}. */
    static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
