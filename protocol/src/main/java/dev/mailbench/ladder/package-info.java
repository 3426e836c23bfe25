/**
 * The ladder view's model: a connection's transcript as a sequence diagram, one arrow per command and one per
 * reply, read through the protocol's dialogue reader ({@code SmtpDialogue}, {@code Pop3Dialogue}); and the same
 * diagram written as a standalone SVG. Plain Java: the window draws it, the CLI exports it.
 */
package dev.mailbench.ladder;
