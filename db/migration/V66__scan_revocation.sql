-- The revocation status of each certificate of the chain as sent, leaf first, as a JSON
-- document {"certificates":[{"status","source","reason","revokedAt","detail"}]} (module: scan).
-- Null for scans stored before revocation was checked.
alter table scan_result add column revocation jsonb;
