-- Quartz rewrites a trigger's row up to three times per firing (acquired, fired, done), and
-- each time every index on qrtz_triggers gets a new entry, since the state and the next fire
-- time are indexed. Quartz's example schema indexes every column it may ever filter on; the
-- queries TLSWatch's scheduler runs need only these, which stay:
--   idx_qrtz_t_j               the triggers of a job (non-concurrent jobs block and release them)
--   idx_qrtz_t_nft_st          the next due triggers in a state (acquisition, next fire time)
--   idx_qrtz_t_nft_st_misfire  misfired triggers (the misfire handler)
-- The others serve trigger groups, calendars and lookups the primary key already serves.
drop index if exists idx_qrtz_t_jg;
drop index if exists idx_qrtz_t_c;
drop index if exists idx_qrtz_t_g;
drop index if exists idx_qrtz_t_state;
drop index if exists idx_qrtz_t_n_state;
drop index if exists idx_qrtz_t_n_g_state;
drop index if exists idx_qrtz_t_next_fire_time;
drop index if exists idx_qrtz_t_nft_misfire;
drop index if exists idx_qrtz_t_nft_st_misfire_grp;

-- One row per running firing, inserted and deleted each time. Kept: by instance (cluster
-- recovery), by job (non-concurrent jobs), by trigger.
drop index if exists idx_qrtz_ft_inst_job_req_rcvry;
drop index if exists idx_qrtz_ft_jg;
drop index if exists idx_qrtz_ft_tg;
