-- Mail to the people who use the portal, as a durable outbox like the CNR one (0010): a row is
-- written in the same transaction as the change it announces, and the mail worker sends it later
-- (portal/mail/mail_worker.hpp). The Message-ID's unique part (message_key) is fixed when the row
-- is written, so a mail sent again after a crash between the SMTP server's acceptance and our
-- commit carries the same Message-ID, and the recipient's mailbox keeps one (docs/decisions.md §24).
--
-- States:
--   pending: to be sent when due; held: waits for the recipient's daily digest;
--   sent; digested: went out inside a digest (digest_mail_id); not_sent: no SMTP server was
--   configured when it was due (nothing is sent later, so configuring mail does not flood old
--   news); gave_up: the server kept refusing it.
CREATE TABLE mail_outbox (
  mail_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_key     uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  kind            text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
  account_id      bigint REFERENCES account ON DELETE SET NULL,
  recipient       text NOT NULL CHECK (recipient ~ '^[^@\s<>]+@[^@\s<>]+$' AND length(recipient) <= 254),
  language        text NOT NULL CHECK (language IN ('nb', 'en')),
  parameters      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(parameters) = 'object'),
  -- What the mail is about, for mails that must go once only (a reminder, a day's digest).
  dedupe_key      text UNIQUE CHECK (length(dedupe_key) BETWEEN 1 AND 300),
  state           text NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'held', 'sent', 'digested', 'not_sent', 'gave_up')),
  digest_mail_id  bigint REFERENCES mail_outbox,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  leased_until    timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX mail_outbox_held ON mail_outbox (account_id) WHERE state = 'held';

-- Staff who asked for one mail a day listing what waits for them, instead of one per item.
ALTER TABLE account ADD COLUMN mail_digest boolean NOT NULL DEFAULT false;
