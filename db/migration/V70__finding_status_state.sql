-- The current state of every endpoint, kept by the judge in the same transaction as its status
-- (module: finding), so that the dashboard counts and filters one row per endpoint instead of
-- ranking the addresses and versions of every latest scan per request.
--   grade, grade_rank: the worst grade of the judged scan's addresses (rank 0 = A+ ... 9 = F)
--   up: the judged scan completed a TLS handshake on some address
--   probed: some address has protocol-version results; ssl2 .. tls13: some address accepted it
--   post_quantum: some address accepted a post-quantum hybrid group
alter table finding_status
    add column grade        varchar(2),
    add column grade_rank   smallint,
    add column up           boolean not null default false,
    add column probed       boolean not null default false,
    add column ssl2         boolean not null default false,
    add column ssl3         boolean not null default false,
    add column tls10        boolean not null default false,
    add column tls11        boolean not null default false,
    add column tls12        boolean not null default false,
    add column tls13        boolean not null default false,
    add column post_quantum boolean not null default false;

-- Backfill from the scans the existing statuses were judged from.
update finding_status fs
set up = coalesce((select s.outcome = 'OK' from scan s where s.id = fs.scan_id), false),
    grade_rank = (select max(case r.grade when 'A+' then 0 when 'A' then 1 when 'A-' then 2 when 'B' then 3
                                          when 'C' then 4 when 'D' then 5 when 'E' then 6 when 'T' then 7
                                          when 'M' then 8 when 'F' then 9 end)
                  from scan_result r where r.scan_id = fs.scan_id and r.grade is not null),
    (probed, ssl2, ssl3, tls10, tls11, tls12, tls13) = (
        select coalesce(bool_or(v.version is not null), false),
               coalesce(bool_or(v.version = 'SSL_2_0' and v.outcome = 'ACCEPTED'), false),
               coalesce(bool_or(v.version = 'SSL_3_0' and v.outcome = 'ACCEPTED'), false),
               coalesce(bool_or(v.version = 'TLS_1_0' and v.outcome = 'ACCEPTED'), false),
               coalesce(bool_or(v.version = 'TLS_1_1' and v.outcome = 'ACCEPTED'), false),
               coalesce(bool_or(v.version = 'TLS_1_2' and v.outcome = 'ACCEPTED'), false),
               coalesce(bool_or(v.version = 'TLS_1_3' and v.outcome = 'ACCEPTED'), false)
        from scan_result r join scan_result_version v on v.scan_result_id = r.id
        where r.scan_id = fs.scan_id),
    post_quantum = exists (select 1 from scan_result r where r.scan_id = fs.scan_id and r.cipher_support is not null
                           and (r.cipher_support::jsonb -> 'groups') @> '[{"postQuantum": true}]'::jsonb);

update finding_status
set grade = (array['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'T', 'M', 'F'])[grade_rank + 1]
where grade_rank is not null;

create index finding_status_grade_idx on finding_status (grade_rank);
create index finding_status_scan_idx on finding_status (scan_id);

