-- Whether each address stapled an OCSP response (null: not known), and its HSTS policy as
-- one JSON document (null: not probed) (module: scan).
alter table scan_result add column ocsp_stapled boolean;
alter table scan_result add column hsts text;
