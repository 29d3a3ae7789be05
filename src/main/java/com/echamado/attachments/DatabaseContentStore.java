package com.echamado.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content in PostgreSQL: one {@code attachment_content} row per distinct SHA-256, its bytes in {@code attachment_chunk}
 * rows of {@link #CHUNK} bytes. A new content is written under a fresh id while the stream is hashed; at its end, when
 * the same hash is already stored, the new rows are dropped and the existing content answers. Only one chunk is in
 * memory at a time, in and out. It is in every {@code pg_dump}, so backups and {@code --verify-data} cover it.
 */
@Component
class DatabaseContentStore implements ContentStore {

    static final int CHUNK = 256 * 1024;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DatabaseContentStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Stored put(InputStream in, long maxBytes, Consumer<byte[]> head) throws IOException {
        MessageDigest digest = sha256();
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into attachment_content (id, sha256, size, chunk_count, created_at) values (?, null, 0, 0, ?)",
                id,
                java.sql.Timestamp.from(clock.instant()));
        DigestInputStream hashed = new DigestInputStream(in, digest);
        byte[] buffer = new byte[CHUNK];
        long size = 0;
        int seq = 0;
        boolean first = true;
        while (true) {
            int read = hashed.readNBytes(buffer, 0, CHUNK);
            if (first) {
                head.accept(Arrays.copyOf(buffer, Math.min(read, HEAD)));
                first = false;
            }
            if (read == 0) {
                break;
            }
            size += read;
            if (size > maxBytes) {
                throw new TooLarge();
            }
            byte[] data = read == CHUNK ? buffer : Arrays.copyOf(buffer, read);
            jdbc.update("insert into attachment_chunk (content_id, seq, data) values (?, ?, ?)", id, seq++, data);
            if (read < CHUNK) {
                break;
            }
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        // uploads of the same new bytes at once: the second waits for the first to commit, then finds its content
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", sha);
        List<UUID> existing =
                jdbc.queryForList("select id from attachment_content where sha256 = ? for share", UUID.class, sha);
        if (!existing.isEmpty()) {
            jdbc.update("delete from attachment_content where id = ?", id);
            return new Stored(sha, size, true);
        }
        jdbc.update(
                "update attachment_content set sha256 = ?, size = ?, chunk_count = ? where id = ?", sha, size, seq, id);
        return new Stored(sha, size, false);
    }

    @Override
    public boolean copyTo(String sha256, OutputStream out) throws IOException {
        List<Object[]> content = jdbc.query(
                "select id, chunk_count from attachment_content where sha256 = ?",
                (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2)},
                sha256);
        if (content.isEmpty()) {
            return false;
        }
        UUID id = (UUID) content.get(0)[0];
        int chunks = (Integer) content.get(0)[1];
        for (int seq = 0; seq < chunks; seq++) {
            byte[] data = jdbc.queryForObject(
                    "select data from attachment_chunk where content_id = ? and seq = ?", byte[].class, id, seq);
            out.write(data);
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
