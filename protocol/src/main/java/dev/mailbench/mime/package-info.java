/**
 * Message inspection for the MIME viewer and {@code mailbench inspect}: the part tree with byte ranges
 * in the raw source, header fields raw and decoded, the {@code Received:} chain, decoded bodies, and the
 * problems a careful reader would flag.
 *
 * <p>Start at {@link dev.mailbench.mime.MessageAnalyzer#analyze(java.nio.file.Path)}; the result is a
 * {@link dev.mailbench.mime.MessageAnalysis}. Parts are numbered as IMAP numbers them (RFC 3501 §6.4.5,
 * see {@link dev.mailbench.mime.PartNode}); byte ranges are absolute offsets into the raw message, end
 * exclusive.
 *
 * <p>Parsing is Jakarta Mail's: {@code MimeMessage}, {@code MimeMultipart} and {@code InternetHeaders}
 * decide where headers end and where parts begin and end, over shared streams that remember absolute
 * offsets; {@code ContentType}, {@code ContentDisposition} and {@code ParameterList} read parameters
 * (RFC 2231 included); {@code MimeUtility} decodes encoded words (RFC 2047) and transfer encodings. What
 * Jakarta Mail does not give, this package reads from the raw bytes: each header field's exact bytes,
 * line endings and lengths, 8-bit data, and the well-formedness of base64 and quoted-printable.
 *
 * <p>No part's content is held in memory by the analysis: bodies are streamed from the source when asked
 * for. This package knows no protocol session.
 */
package dev.mailbench.mime;
