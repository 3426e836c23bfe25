package dev.mailbench.mime;

/** How much a problem matters. */
public enum Severity {
    /** Breaks a MUST of the RFCs, or makes part of the message unreadable as intended. */
    ERROR,
    /** Breaks a SHOULD, or is a likely sign that some reader will show the message wrongly. */
    WARNING,
    /** Legal, but worth a careful reader's attention. */
    INFO
}
