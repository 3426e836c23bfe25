package dev.mailbench.app.mime;

/** What the body pane shows for the selected part. */
public sealed interface PartBody {

    /** Nothing selected yet, or the content is being decoded. */
    record Pending() implements PartBody {
    }

    /** A multipart or a message: no content of its own to show, only what it holds. */
    record Composite(String description) implements PartBody {
    }

    /**
     * Text, transfer encoding and charset undone.
     *
     * @param charsetNote which charset was used and why, e.g. "utf-8, as declared"
     * @param html        whether it is HTML, shown as its source
     * @param truncated   whether only the beginning was decoded
     */
    record Text(String text, String charsetNote, boolean html, boolean truncated) implements PartBody {
    }

    /** An image's decoded bytes, to be drawn. */
    record Picture(byte[] bytes, String contentType) implements PartBody {
    }

    /** Content the viewer does not show: it can be saved. */
    record Opaque(String description) implements PartBody {
    }
}
