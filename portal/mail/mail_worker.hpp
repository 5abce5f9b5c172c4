// The mail worker: it leases due mails from the mail outbox (db/mail_outbox.hpp), composes each in
// its recipient's language (mail_text.hpp), hands it to the SMTP server (smtp_sender.hpp), then
// marks it sent or schedules its retry (base/retry_policy.hpp). Every round also queues the
// reminders for unsigned learning agreements and for applications still drafts when their round
// closes within the same number of days, and, from `digest_hour` (UTC), the daily digests
// (at most once a minute). Everything it knows is in PostgreSQL: a process killed mid-send
// loses nothing, the lease runs out and the mail is sent again with the same Message-ID, which
// a mailbox keeps once; several node processes may work one database.
//
// Without an SMTP server (transport nullptr) every due mail is finished as not_sent, so
// configuring mail later does not send old news.
#pragma once

#include <chrono>
#include <string>

#include "base/background_loop.hpp"
#include "base/retry_policy.hpp"
#include "db/mail_outbox.hpp"
#include "db/pool.hpp"
#include "portal/mail/smtp_sender.hpp"
#include "portal/web/name_cache.hpp"

namespace mobility::portal::mail {

struct MailWorkerOptions {
  // A mail is tried again after 30 s, doubling up to an hour, for three days.
  RetryPolicy retry{std::chrono::seconds(30), std::chrono::hours(1), std::chrono::hours(72)};
  std::chrono::milliseconds idle_poll{1000};
  int batch = 20;
  std::chrono::seconds lease{120};  // longer than one SMTP conversation may take
  int reminder_days = 7;
  int digest_hour = 6;
  std::string from_address;  // config mail_sender()
  std::string from_name = "Mobility";
  std::string portal_url;  // config portal_base_url(): links and the Message-ID's host
};

// The options `config` gives.
MailWorkerOptions mail_worker_options(const Config& config);

class MailWorker {
 public:
  // `transport` may be nullptr (no SMTP server configured). All references must outlive the worker.
  MailWorker(db::Pool& pool, MailTransport* transport, const NameCache& names, MailWorkerOptions options);
  ~MailWorker();  // stops the thread

  void start() { loop_.start(); }
  void stop() { loop_.stop(); }
  void wake() { loop_.wake(); }

  // Queues reminders and digests, then works every mail due now, in this thread; returns how
  // many mails were tried. For tests and tools.
  Result<int> run_once();

 private:
  Result<int> queue_reminders_and_digests(db::Connection& connection);
  Status deliver(db::Connection& connection, const db::QueuedMail& mail);

  db::Pool& pool_;
  MailTransport* transport_;
  const NameCache& names_;
  MailWorkerOptions options_;
  std::chrono::steady_clock::time_point housekeeping_at_{};
  BackgroundLoop loop_;  // last: its thread uses the members above
};

}  // namespace mobility::portal::mail
