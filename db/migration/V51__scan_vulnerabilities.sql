-- The verdict of each well-known TLS vulnerability (Heartbleed, ROBOT, POODLE...) per
-- address, as one JSON array of {vulnerability, status, detail, connections}; null when
-- not probed (module: scan).
alter table scan_result add column vulnerabilities jsonb;
