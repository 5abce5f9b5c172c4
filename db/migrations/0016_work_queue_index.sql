-- The coordinators' work queue (db/work_queue.hpp) lists the oldest learning-agreement drafts the
-- student signed and the sending HEI has not. Without an index it reads every draft's content to
-- find them (87 ms with 1,000 drafts among 50,000 agreements); with this one it reads the oldest
-- few in order and stops.
CREATE INDEX la_version_awaiting_sending_signature ON la_version (created_at)
  WHERE state = 'draft'
    AND jsonb_typeof(content -> 'student_signature') = 'object'
    AND jsonb_typeof(content -> 'sending_signature') IS DISTINCT FROM 'object';
