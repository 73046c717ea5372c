-- Adaptive scanning: a scan is a QUICK check (one handshake per address, the last full
-- probe's facts carried forward) or a FULL probe. Every scan stored before is a full one;
-- a null full_probe_at of a FULL scan means its own started_at.
alter table scan add column kind varchar(8) not null default 'FULL';
alter table scan add constraint scan_kind_check check (kind in ('QUICK', 'FULL'));
alter table scan add column full_probe_at timestamptz;

-- Per address: the handshake fingerprint (hex SHA-256 of chain, version, suite, group and
-- ServerHello extensions), when the facts shown were observed by a full probe, and what
-- a rate limit cut short of that full probe.
alter table scan_result add column fingerprint varchar(64);
alter table scan_result add column full_probe_at timestamptz;
alter table scan_result add column probes_incomplete integer;
alter table scan_result add column probes_total integer;
alter table scan_result add column rate_limit_reason varchar(250);

-- Endpoints whose servers cut a full probe short: their full probes are paced.
create table scan_rate_limit (
    endpoint_id   bigint primary key references endpoint (id) on delete cascade,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    incomplete    integer not null,
    connections   integer not null,
    reason        varchar(250) not null
);
