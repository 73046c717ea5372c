-- The notify module's transactional outbox (see README "Mail and webhooks").
-- notify_message: one row per idempotency key; a second enqueue of the same key is ignored
-- (insert ... on conflict do nothing). notify_outbox: one delivery per (message, channel), so
-- mail and webhook retry independently. Senders claim a due row with
-- "select ... for update skip locked" and mark it sent in the same transaction.
create table notify_message (
    id          bigint generated always as identity primary key,
    message_key varchar(200) not null,
    subject     text         not null,
    body_text   text         not null,
    body_html   text,
    attributes  jsonb        not null default '{}'::jsonb,
    created_at  timestamptz  not null,
    constraint notify_message_key_unique unique (message_key)
);

create table notify_outbox (
    id              bigint generated always as identity primary key,
    message_id      bigint       not null references notify_message (id) on delete cascade,
    channel         varchar(16)  not null,
    status          varchar(16)  not null default 'PENDING',
    -- The Message-ID header (mail) or Idempotency-Key header (webhook): the same on every
    -- attempt, so a receiver can drop the copy that a crash after sending may cause.
    delivery_id     varchar(320) not null,
    mail_from       varchar(320),
    -- Mail only: the recipients resolved when queued (global list plus the message's), one per line.
    recipients      text,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_attempt_at timestamptz,
    last_error      varchar(1000),
    last_error_at   timestamptz,
    sent_at         timestamptz,
    created_at      timestamptz  not null,
    constraint notify_outbox_message_channel_unique unique (message_id, channel),
    constraint notify_outbox_channel_check check (channel in ('MAIL', 'WEBHOOK')),
    constraint notify_outbox_status_check check (status in ('PENDING', 'SENT'))
);

create index notify_outbox_due on notify_outbox (next_attempt_at, id) where status = 'PENDING';
create index notify_outbox_last_error on notify_outbox (last_error_at) where last_error_at is not null;
