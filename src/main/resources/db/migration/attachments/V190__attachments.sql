-- Attachments: content addressed by SHA-256 (stored once however often it is attached), kept in 256 KiB chunks so that
-- it is streamed in and out, and the references that put a content on a ticket or one of its messages.
create table attachment_content (
    id          uuid primary key,
    sha256      char(64) unique,
    size        bigint not null check (size >= 0),
    chunk_count integer not null check (chunk_count >= 0),
    created_at  timestamptz not null
);

create table attachment_chunk (
    content_id uuid not null references attachment_content (id) on delete cascade,
    seq        integer not null check (seq >= 0),
    data       bytea not null,
    primary key (content_id, seq)
);

-- sha256 names the content without a foreign key: another store (object storage) may hold it.
create table attachment (
    id           uuid primary key,
    ticket_id    uuid not null references ticket (id),
    comment_id   uuid references ticket_comment (id),
    internal     boolean not null,
    name         varchar(255) not null,
    size         bigint not null check (size >= 0),
    content_type varchar(100) not null,
    sha256       char(64) not null,
    uploaded_by  uuid not null,
    created_at   timestamptz not null,
    removed_at   timestamptz,
    removed_by   uuid
);

create index attachment_ticket_idx on attachment (ticket_id, created_at);
create index attachment_sha256_idx on attachment (sha256);
