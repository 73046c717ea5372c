-- Whether the server asked for a client certificate (null: not known), and the
-- certificate authorities its request named, as a JSON array of RFC 2253 names (module: scan).
alter table scan_result add column client_certificate_requested boolean;
alter table scan_result add column client_certificate_authorities jsonb;
