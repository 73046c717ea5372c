-- The two JSON documents of each address become jsonb (module: scan): the database checks
-- they are JSON, and they read back into typed records. Existing documents keep their
-- shape; each is parsed once here.
alter table scan_result
    alter column cipher_support type jsonb using cipher_support::jsonb,
    alter column hsts type jsonb using hsts::jsonb;
