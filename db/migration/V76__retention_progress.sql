-- Where each endpoint's retention walk stopped (module: retention; docs/operations.md#retention):
-- the next run resumes after the last scan it walked, with that scan as "previous", instead of
-- re-reading the whole kept history. One row per endpoint that has been walked.
--   last_scan_id, last_started_at: the last scan the walk compared (kept or deleted since); the
--     next walk reads the endpoint's scans after (last_started_at, last_scan_id).
--   last_fingerprint, last_findings: what that scan was compared by (ScanFingerprint and the
--     findings key); its day is the UTC date of last_started_at.
--   kept_scan_id: the last scan the walk kept (at or before the mark). A deleted scan equalled it,
--     so comparing with the mark is comparing with the scan a walk from the oldest would have.
create table retention_progress (
    endpoint_id      bigint primary key references endpoint (id) on delete cascade,
    last_scan_id     bigint      not null,
    last_started_at  timestamptz not null,
    last_fingerprint text        not null,
    last_findings    text        not null,
    kept_scan_id     bigint      not null,
    updated_at       timestamptz not null default now()
);

-- A mark is only right while the history at or before it is what the walk saw. Two changes
-- make it wrong, and both forget the endpoint's mark so that its next walk starts from the
-- oldest scan again, as before this table existed:
--   a scan stored with a start at or before the mark (a node's clock far behind, an import):
--     a walk from the oldest would compare it and the scan after it;
--   the kept scan deleted by anything but retention (which never deletes a scan it keeps): a
--     walk from the oldest would compare the next scan with an earlier one.
-- Statement-level with transition tables, so bulk inserts and deletes cost one join each.
create function retention_progress_forget_inserted() returns trigger language plpgsql as $$
begin
    delete from retention_progress p using inserted s
    where p.endpoint_id = s.endpoint_id
      and (s.started_at < p.last_started_at or (s.started_at = p.last_started_at and s.id <= p.last_scan_id));
    return null;
end
$$;

create function retention_progress_forget_deleted() returns trigger language plpgsql as $$
begin
    delete from retention_progress p using deleted s
    where p.endpoint_id = s.endpoint_id and p.kept_scan_id = s.id;
    return null;
end
$$;

create trigger retention_progress_scan_inserted after insert on scan
    referencing new table as inserted for each statement execute function retention_progress_forget_inserted();

create trigger retention_progress_scan_deleted after delete on scan
    referencing old table as deleted for each statement execute function retention_progress_forget_deleted();
