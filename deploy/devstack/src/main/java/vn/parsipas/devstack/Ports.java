package vn.parsipas.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** TCP ports on the loopback interface: free ones for tests, the documented fixed ones for the local run. */
public final class Ports {
    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /**
     * The port the local run asks for this engine (system property {@code parsipas.devstack.<engine>-port},
     * set by {@link LocalSuite}), else a free one. A taken port is an error that says what to do, never
     * a silent other port: asyncapi.yaml and the docs name the fixed ones.
     */
    public static int fixedOrFree(String engine) {
        Integer wanted = Integer.getInteger("parsipas.devstack." + engine + "-port");
        if (wanted == null) {
            return free();
        }
        try (ServerSocket socket = new ServerSocket(wanted, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return wanted;
        } catch (IOException e) {
            throw new IllegalStateException("127.0.0.1:" + wanted + " for " + engine + " is taken: stop what listens there or "
                    + "choose another port with ./run-local.sh --" + engine + "-port=<port>", e);
        }
    }
}
