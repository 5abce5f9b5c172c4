// The mail outbox (db/migrations/0015_mail_outbox.sql): mails to accounts, written in the
// transaction of the change they announce and sent later by the mail worker
// (portal/mail/mail_worker.hpp), which leases due mails the way the CNR worker leases
// notifications (db/notifications.hpp): one worker per mail at a time, FOR UPDATE SKIP LOCKED, a
// lease after which an unfinished mail is due again.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct MailRequest {
  std::string kind;                       // what it announces: "la_to_sign", "password_reset", ...
  int64_t account_id = 0;                 // the recipient: address and language are taken now
  std::string parameters_json = "{}";     // a JSON object: what the mail shows (names, links)
  std::optional<std::string> dedupe_key;  // a mail that must go once only: a second is not queued
  bool digestible = false;                // may wait for the account's daily digest (mail_digest)
};

// Queues `request`. Returns false, queuing nothing, when the account is disabled or has no
// address, or when `dedupe_key` was used before. kNotFound for an unknown account;
// kInvalidArgument (from the database) for a kind or parameters the table refuses.
Result<bool> enqueue_mail(Connection& connection, const MailRequest& request);

// The accounts to tell about work for staff of `hei_id`: its coordinators of `ounit_id` (when
// given) and those without a unit; when there are none, its IO admins. Disabled accounts never.
Result<std::vector<int64_t>> staff_to_tell(Connection& connection, const std::string& hei_id,
                                           const std::optional<std::string>& ounit_id);

// The accounts of student `student_id` of `hei_id` (usually one).
Result<std::vector<int64_t>> student_accounts(Connection& connection, const std::string& hei_id, const std::string& student_id);

struct QueuedMail {
  int64_t mail_id = 0;
  std::string message_key;  // the unique part of the Message-ID, the same at every try
  std::string kind;
  std::string recipient;
  std::string language;  // nb or en
  std::string parameters_json;
  std::string created_at;  // RFC 5322 date, for the Date header (the same at every try)
  int attempts = 0;        // including the one just leased
  double age_seconds = 0;  // since it was queued
};

// Up to `limit` due mails, oldest first, leased for `lease`.
Result<std::vector<QueuedMail>> lease_due_mail(Connection& connection, int limit, std::chrono::seconds lease);

// Ends a mail: sent, not_sent or gave_up. A password-reset or invitation mail loses its link (the
// one-time token is kept nowhere else in clear).
Status finish_mail(Connection& connection, int64_t mail_id, const std::string& state,
                   const std::optional<std::string>& error = std::nullopt);

// Makes the mail due again after `delay`, remembering why.
Status retry_mail(Connection& connection, int64_t mail_id, std::chrono::milliseconds delay, const std::string& error);

// For each account with held mails and no digest yet on `day` (YYYY-MM-DD): one "digest" mail
// listing them ({"items": [{"kind", "parameters"}, ...]}) and the held mails marked digested,
// in one transaction per account. Returns how many digests were queued.
Result<int> queue_digests(Connection& connection, const std::string& day);

// Whether the account wants a daily digest instead of a mail per item; kNotFound when unknown.
Status set_mail_digest(Connection& connection, int64_t account_id, bool digest);
Result<bool> mail_digest(Connection& connection, int64_t account_id);

struct MailCounts {
  int64_t pending = 0;  // pending and held
  int64_t sent = 0;     // sent and digested
  int64_t failed = 0;   // gave up
  int64_t not_sent = 0;
};
Result<MailCounts> count_mail(Connection& connection);

}  // namespace mobility::db
