-- Nynorsk as the pages' third language (portal/web/language.hpp, docs/decisions.md §28): an
-- account may choose it, and its mail is written in it. The checks of 0005 and 0015 knew only
-- bokmål and English.
ALTER TABLE account DROP CONSTRAINT account_language_check;
ALTER TABLE account ADD CONSTRAINT account_language_check CHECK (language IN ('nb', 'nn', 'en'));
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_language_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_language_check CHECK (language IN ('nb', 'nn', 'en'));
