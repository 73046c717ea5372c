-- Deleting a scan (retention) checks scan_latest for rows that name it (on delete cascade);
-- without an index on scan_id that check reads every endpoint's row for every deleted scan,
-- which was most of retention's time per batch at 10,000 endpoints (docs/benchmark.md).
create index scan_latest_scan_idx on scan_latest (scan_id);
