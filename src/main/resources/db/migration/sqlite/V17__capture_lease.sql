-- Which Lore process is learning from a running job ("host/pid"), so that a starting Lore puts back in the queue
-- only the jobs of a process of its machine that is gone; a job of a process elsewhere waits until its lease
-- (run_after, while running) has passed.
ALTER TABLE capture_job ADD COLUMN claimed_by VARCHAR(200);
