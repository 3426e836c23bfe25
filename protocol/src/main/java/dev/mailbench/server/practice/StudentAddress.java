package dev.mailbench.server.practice;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address students type to reach the practice server: the one it listens on, or, when it listens on every
 * interface ({@code 0.0.0.0}), the addresses of this machine's interfaces that are up, IPv4 first.
 */
public final class StudentAddress {
    private StudentAddress() {
    }

    /** The addresses to tell students, best first; never empty. */
    public static List<String> of(InetAddress bind) {
        if (!bind.isAnyLocalAddress()) {
            return List.of(bind.getHostAddress());
        }
        List<String> found = new ArrayList<>();
        List<String> ipv6 = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address.isLinkLocalAddress()) {
                        continue;
                    }
                    (address instanceof Inet4Address ? found : ipv6).add(address.getHostAddress());
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: fall back to the address as bound
        }
        found.addAll(ipv6);
        return found.isEmpty() ? List.of(bind.getHostAddress()) : found;
    }
}
