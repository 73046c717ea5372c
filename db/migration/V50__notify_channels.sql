-- Named notification channels (see docs/alerts-and-notifications.md).
-- notify_outbox keeps one delivery per (message, channel): "channel" now holds the channel's
-- type, "channel_name" its name. Rows queued before this migration belonged to the two
-- channels of the time, which keep their names as "mail" and "webhook".
alter table notify_outbox add column channel_name varchar(64);
update notify_outbox set channel_name = lower(channel);
alter table notify_outbox alter column channel_name set not null;
alter table notify_outbox drop constraint notify_outbox_message_channel_unique;
alter table notify_outbox add constraint notify_outbox_message_channel_unique unique (message_id, channel_name);
alter table notify_outbox drop constraint notify_outbox_channel_check;
alter table notify_outbox alter column channel type varchar(32);
alter table notify_outbox add constraint notify_outbox_channel_check check (channel in ('MAIL', 'WEBHOOK', 'SLACK',
    'MICROSOFT_TEAMS', 'DISCORD', 'MATTERMOST', 'PAGERDUTY', 'OPSGENIE', 'TELEGRAM', 'NTFY', 'GOTIFY'));

-- What routing and the chat/paging formats need: severity, tags, endpoint, alert id and state,
-- as plain values (JSON of dev.tlswatch.notify.MessageContext). Null for older rows.
alter table notify_message add column context jsonb;

-- Channels added by administrators on /settings; channels from tlswatch.notify.channels.* live
-- in the configuration only. Names are unique across both (checked by the application).
create table notify_channel (
    id           bigint generated always as identity primary key,
    name         varchar(64)   not null,
    type         varchar(32)   not null,
    url          varchar(2048),
    -- The signing key, routing key, API key or bot token; never shown again once saved.
    secret       varchar(512),
    min_severity varchar(16)   not null,
    -- Lower-case tags, one per line; empty: every tag.
    tags         text          not null default '',
    -- MAIL: recipients, one per line.
    recipients   text          not null default '',
    chat_id      varchar(128),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    constraint notify_channel_name_unique unique (name),
    constraint notify_channel_type_check check (type in ('MAIL', 'WEBHOOK', 'SLACK', 'MICROSOFT_TEAMS', 'DISCORD',
        'MATTERMOST', 'PAGERDUTY', 'OPSGENIE', 'TELEGRAM', 'NTFY', 'GOTIFY')),
    constraint notify_channel_severity_check check (min_severity in ('INFO', 'WARNING', 'CRITICAL'))
);
