-- Per-endpoint connection options (module: endpoint): a fixed address to connect to instead of
-- resolving the host, extra trust anchors, and a client certificate with its private key for
-- servers that demand mutual TLS. All PEM text; the application bounds their sizes.
-- client_key is a secret: the application never returns, shows or logs it.
alter table endpoint
    add column connect_address    varchar(45),
    add column trust_bundle       text,
    add column client_certificate text,
    add column client_key         text,
    add constraint endpoint_client_identity_ck check ((client_certificate is null) = (client_key is null));
