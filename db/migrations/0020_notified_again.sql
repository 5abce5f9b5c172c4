-- A notification that comes while a worker holds the same pending item (a partner's CNR while we
-- fetch, our second change while we notify) used to be swallowed: the worker's outcome, based on
-- what it read before, ended the item. `again` marks such an item; finishing or retrying it then
-- makes it due at once, with its attempts counted afresh (db/notifications.cpp).
ALTER TABLE cnr_outbox ADD COLUMN again boolean NOT NULL DEFAULT false;
ALTER TABLE cnr_inbox ADD COLUMN again boolean NOT NULL DEFAULT false;
