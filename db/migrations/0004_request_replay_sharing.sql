-- Each node process now checks X-Request-Id values in memory and writes them here in batches;
-- every process reads what the others recorded since it last looked, and a restarted process
-- reads the whole window. recorded_by names the writing process, recorded_at is the database
-- time of the write. The purge (once a minute, over minutes of rows) scans the table instead of
-- keeping a second index up to date on every write.
ALTER TABLE http_request_id
  ADD COLUMN recorded_by text NOT NULL DEFAULT '',
  ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT statement_timestamp();
CREATE INDEX http_request_id_recorded_at ON http_request_id (recorded_at);
DROP INDEX http_request_id_seen_at;
