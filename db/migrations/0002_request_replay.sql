-- X-Request-Id values of verified EWP requests, remembered for the clock-skew window so that a
-- replayed request is refused (cliauth-httpsig, "nonce" check). Rows older than the window are
-- purged by the node; nothing else refers to them.
CREATE TABLE http_request_id (
  x_request_id text PRIMARY KEY CHECK (length(x_request_id) BETWEEN 1 AND 100),
  seen_at timestamptz NOT NULL
);
CREATE INDEX http_request_id_seen_at ON http_request_id (seen_at);
