package dev.mailbench.mime;

/** The role of a node in the part tree. */
public enum PartKind {
    /** The whole message: the root of the tree, path {@code ""}. */
    MESSAGE,
    /** A {@code multipart/*} part; its children are its body parts. */
    MULTIPART,
    /** A {@code message/rfc822} (or {@code message/global}) part; its children are the embedded message's parts. */
    EMBEDDED_MESSAGE,
    /** Any other part: text, images, attachments. */
    LEAF
}
