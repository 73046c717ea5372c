-- The grade of each address and how many connections its probe used (module: scan).
alter table scan_result add column grade varchar(4);
alter table scan_result add column grade_ignoring_trust varchar(4);
alter table scan_result add column grade_score double precision;
alter table scan_result add column connections integer not null default 0;

-- Why the grade is what it is: every cap, warning and untested input, worst first.
create table scan_result_grade_reason (
    scan_result_id bigint       not null references scan_result (id) on delete cascade,
    ordinal        integer      not null,
    code           varchar(48)  not null,
    text           text         not null,
    cap            varchar(4)   not null,
    primary key (scan_result_id, ordinal)
);
