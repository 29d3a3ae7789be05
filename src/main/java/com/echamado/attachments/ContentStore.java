package com.echamado.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where attachments' bytes live, addressed by their SHA-256: the same bytes stored twice are kept once. Both directions
 * stream: a store never holds a whole file in memory. The PostgreSQL store ({@link DatabaseContentStore}) keeps them
 * in chunks in the caller's transaction; an object store can implement the same contract.
 */
public interface ContentStore {

    /**
     * Stores the stream's bytes, at most {@code maxBytes} of them, and answers their hash and size. {@code head} is
     * given the first bytes read (up to {@link #HEAD} of them) before anything is stored, to sniff the type. A stream
     * longer than {@code maxBytes} throws {@link TooLarge} and stores nothing (the caller's transaction rolls back).
     */
    Stored put(InputStream in, long maxBytes, java.util.function.Consumer<byte[]> head) throws IOException;

    /** Writes the content with this hash to {@code out}; false when the store does not hold it. */
    boolean copyTo(String sha256, OutputStream out) throws IOException;

    /** How many bytes are read before anything is stored, for sniffing the type. */
    int HEAD = 8192;

    /** The content stored: its SHA-256 in lower-case hex, its size, and whether it was already there. */
    record Stored(String sha256, long size, boolean existed) {}

    /** The stream was longer than allowed. */
    final class TooLarge extends RuntimeException {
        TooLarge() {
            super("The file is larger than allowed", null, false, false);
        }
    }
}
