#include "portal/mail/mail_worker.hpp"

#include <ctime>
#include <random>

#include "base/log.hpp"
#include "db/mail_outbox.hpp"
#include "mobilities/applications.hpp"
#include "mobilities/journey_mail.hpp"
#include "portal/mail/mail_text.hpp"
#include "portal/mail/mime_message.hpp"

namespace mobility::portal::mail {
namespace {

double jitter() {
  thread_local std::mt19937 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

// The host of `url` ("https://mobility.uni.example:8443/x" → "mobility.uni.example").
std::string host_of(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = url.find_first_of(":/", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  return host.empty() ? "mobility.invalid" : host;
}

// Today in UTC (YYYY-MM-DD) when the digests are due, else "".
std::string digest_day(int digest_hour) {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  if (utc.tm_hour < digest_hour) return "";
  char day[11];
  std::strftime(day, sizeof day, "%Y-%m-%d", &utc);
  return day;
}

}  // namespace

MailWorkerOptions mail_worker_options(const Config& config) {
  MailWorkerOptions options;
  options.reminder_days = config.mail_reminder_days;
  options.digest_hour = config.mail_digest_hour;
  options.from_address = mail_sender(config);
  options.from_name = config.mail_from_name;
  options.portal_url = portal_base_url(config);
  return options;
}

MailWorker::MailWorker(db::Pool& pool, MailTransport* transport, const NameCache& names, MailWorkerOptions options)
    : pool_(pool),
      transport_(transport),
      names_(names),
      options_(std::move(options)),
      loop_("mail_worker_failed", options_.idle_poll, [this] { return run_once(); }) {}

MailWorker::~MailWorker() { stop(); }

Result<int> MailWorker::queue_reminders_and_digests(db::Connection& connection) {
  auto reminders = mobilities::journey_mail::remind_unsigned_drafts(connection, options_.reminder_days);
  if (!reminders) return reminders.status();
  auto deadlines = mobilities::remind_before_deadlines(connection, options_.reminder_days);
  if (!deadlines) return deadlines.status();
  *reminders += *deadlines;
  std::string day = digest_day(options_.digest_hour);
  if (day.empty()) return *reminders;
  auto digests = db::queue_digests(connection, day);
  if (!digests) return digests.status();
  return *reminders + *digests;
}

Status MailWorker::deliver(db::Connection& connection, const db::QueuedMail& mail) {
  auto outcome = [&](const char* what) {
    log::info("mail_tried", {{"mail_id", std::to_string(mail.mail_id)},
                             {"kind", mail.kind},
                             {"attempt", std::to_string(mail.attempts)},
                             {"outcome", what}});
  };
  if (transport_ == nullptr) {
    outcome("not sent: no SMTP server is configured");
    return db::finish_mail(connection, mail.mail_id, "not_sent", "no SMTP server was configured (smtp_url)");
  }
  auto text = compose_mail(connection, names_, mail.kind, mail.parameters_json, mail.language, options_.portal_url);
  if (!text && text.status().code() == Status::Code::kInvalidArgument) {
    outcome("given up: it cannot be composed");
    return db::finish_mail(connection, mail.mail_id, "gave_up", text.status().message());
  }
  if (!text) return text.status();
  auto html = html_text(*text);
  if (!html) return html.status();
  Envelope envelope{options_.from_address, options_.from_name, mail.recipient,
                    "<" + mail.message_key + "@" + host_of(options_.portal_url) + ">", mail.created_at};
  Status sent =
      transport_->send(options_.from_address, mail.recipient, mime_message(envelope, text->subject, plain_text(*text), *html));
  if (sent) {
    outcome("sent");
    return db::finish_mail(connection, mail.mail_id, "sent");
  }
  outcome(sent.message().c_str());
  if (sent.code() == Status::Code::kInvalidArgument || options_.retry.gives_up(mail.age_seconds)) {
    return db::finish_mail(connection, mail.mail_id, "gave_up", sent.message());
  }
  return db::retry_mail(connection, mail.mail_id, options_.retry.delay_after(mail.attempts, jitter()), sent.message());
}

Result<int> MailWorker::run_once() {
  auto connection = pool_.acquire();
  if (!connection) return connection.status();
  auto now = std::chrono::steady_clock::now();
  if (now - housekeeping_at_ >= std::chrono::minutes(1) || housekeeping_at_ == std::chrono::steady_clock::time_point{}) {
    auto queued = queue_reminders_and_digests(**connection);
    if (!queued) return queued.status();
    housekeeping_at_ = now;
  }
  auto mails = db::lease_due_mail(**connection, options_.batch, options_.lease);
  if (!mails) return mails.status();
  for (const db::QueuedMail& mail : *mails) {
    if (Status delivered = deliver(**connection, mail); !delivered) return delivered;
  }
  return static_cast<int>(mails->size());
}

}  // namespace mobility::portal::mail
