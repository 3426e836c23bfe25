/**
 * Messages taken out of dialogues: the message a POP3 RETR or TOP response carried, put together from the
 * transcript where a {@link dev.mailbench.pop3.Pop3Dialogue} found it, for the MIME viewer to read.
 */
package dev.mailbench.retrieval;
