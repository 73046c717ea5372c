-- A quick check's address result that carries the last full probe's facts forward refers to
-- the full probe's address result instead of holding copies of them (module: scan;
-- docs/scanning.md "Carried forward"): its row keeps what the quick check saw itself, and its
-- versions, suites, groups, features, HSTS, vulnerabilities, rate limit, grade reasons and,
-- without a chain of its own, revocation status are read from the referenced row. Rows stored
-- before this migration hold copies (carried_from null) and read as they did.
--   carried_from: no action on delete, so that deleting a referenced row alone fails instead of
--   leaving a quick check without its facts or deleting it; retention copies the facts into the
--   rows that refer to a full probe before it deletes that probe (ScanPruning). Deleting an
--   endpoint deletes both rows in one statement, which the check allows.
alter table scan_result add column carried_from bigint references scan_result (id);
create index scan_result_carried_from_idx on scan_result (carried_from) where carried_from is not null;
