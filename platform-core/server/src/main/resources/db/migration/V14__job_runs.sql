-- Scheduled jobs run once per tick across all server instances: the first instance to claim a
-- (job, slot) row runs it, the others see the row and skip (jobs/SingleRun.claim). Platform-wide:
-- a job walks every tenant itself, under each tenant's scope. Kept a week, for operators to see
-- which instance ran what.
CREATE TABLE job_run (
    job        text        NOT NULL,
    slot       timestamptz NOT NULL,
    instance   text        NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, slot)
);
REVOKE UPDATE ON job_run FROM ${app_role};
