-- What the probe found wrong with each chain as sent, and two facts of its leaf (module: scan).
create table scan_result_chain_issue (
    scan_result_id bigint      not null references scan_result (id) on delete cascade,
    ordinal        integer     not null,
    type           varchar(32) not null,
    position       integer     not null,
    detail         text        not null,
    primary key (scan_result_id, ordinal)
);

-- Null where no chain was received.
alter table scan_result add column leaf_sct_count integer;
alter table scan_result add column leaf_must_staple boolean;
