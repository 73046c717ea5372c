-- An endpoint's scan job no longer asks Quartz to block its triggers while it runs (ScanJob
-- keeps the firings of one endpoint apart on each node instead). A scan trigger that an
-- earlier version left blocked, or paused and blocked, would wait for a release that no longer
-- comes: release them. The job rows say the same as the job class.
update qrtz_triggers set trigger_state = 'WAITING'
where trigger_group = 'scan' and trigger_state = 'BLOCKED';
update qrtz_triggers set trigger_state = 'PAUSED'
where trigger_group = 'scan' and trigger_state = 'PAUSED_BLOCKED';
update qrtz_job_details set is_nonconcurrent = false where job_group = 'scan';
