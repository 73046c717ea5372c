-- Which protocol versions each address accepted, seen on the wire (module: scan).
-- No rows for an address that could not be reached: its versions were not probed.
create table scan_result_version (
    scan_result_id bigint      not null references scan_result (id) on delete cascade,
    version        varchar(16) not null,
    outcome        varchar(16) not null,
    detail         text,
    primary key (scan_result_id, version)
);
