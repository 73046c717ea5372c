-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.0, schema v2):
-- an event handed to a module listener is stored here in the publisher's transaction and
-- completed (deleted, spring.modulith.events.completion-mode=delete) once the listener's own
-- transaction commits. Rows left behind were not handled yet and are resubmitted.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Delivery is at least once: each listener stores the scan's key before it acts, in its own
-- transaction, and does nothing for a key it finds (module: finding).
create table finding_scan_judged (
    scan_id    bigint      primary key references scan (id) on delete cascade,
    judged_at  timestamptz not null
);

-- The same for the alert module (no reference: alerts may outlive their scans' rows).
create table alert_scan_handled (
    scan_id    bigint      primary key,
    handled_at timestamptz not null
);
