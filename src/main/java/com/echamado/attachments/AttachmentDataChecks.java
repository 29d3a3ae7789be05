package com.echamado.attachments;

import com.echamado.platform.ops.DataCheck;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --verify-data} over attachments: every reference has its content, every content all its chunks, and every
 * content's bytes hash to the SHA-256 it is stored under (read back by PostgreSQL, one content at a time).
 */
@Component
@Order(300)
class AttachmentDataChecks implements DataCheck {

    @Override
    public List<Check> checks() {
        return List.of(
                new Check(
                        "attachments belong to tickets",
                        "select count(*) from attachment a where not exists"
                                + " (select 1 from ticket t where t.id = a.ticket_id)"),
                new Check(
                        "every attachment has its content",
                        "select count(*) from attachment a where not exists"
                                + " (select 1 from attachment_content c where c.sha256 = a.sha256)"),
                new Check(
                        "every attachment content has all its chunks",
                        "select count(*) from attachment_content c where c.sha256 is null"
                                + " or c.chunk_count <> (select count(*) from attachment_chunk k where k.content_id = c.id)"
                                + " or c.size <> (select coalesce(sum(length(k.data)), 0) from attachment_chunk k"
                                + " where k.content_id = c.id)"),
                new Check(
                        "every attachment content matches its hash",
                        "select count(*) from attachment_content c where c.sha256 is distinct from"
                                + " (select encode(sha256(coalesce(string_agg(k.data, ''::bytea order by k.seq),"
                                + " ''::bytea)), 'hex') from attachment_chunk k where k.content_id = c.id)"));
    }
}
