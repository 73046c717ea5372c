-- Cipher suites per version (with the server's order), key exchange groups and protocol
-- features of each address, as one JSON document; null when not enumerated (module: scan).
alter table scan_result add column cipher_support text;
