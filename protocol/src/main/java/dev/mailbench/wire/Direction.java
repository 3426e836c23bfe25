package dev.mailbench.wire;

/** Who produced the bytes of a transcript event. */
public enum Direction {
    /** Bytes the client wrote to the socket. */
    CLIENT,
    /** Bytes the server wrote to the socket. */
    SERVER,
    /** A local note, not on the wire: connection opened or closed, TLS established, a timeout. */
    NOTE
}
