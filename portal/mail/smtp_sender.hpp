// Hands mail to an SMTP server with libcurl: smtps:// (TLS from the start) or smtp:// with
// STARTTLS required before anything is sent (smtp_tls = none only for a relay on loopback), the
// server's certificate checked against the system's CAs (and ca_bundle), AUTH when a user is set.
// One connection per mail; the worker sends few.
#pragma once

#include <chrono>
#include <string>

#include "base/config.hpp"
#include "base/status.hpp"

namespace mobility::portal::mail {

// Where mail goes; tests use a loopback server (tests/mail/smtp_sink.py), the node an SMTP relay.
class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Hands `message` (mime_message.hpp) for `to` to the server. kUnavailable when it may work
  // later (no connection, a 4xx answer, a refused login: the operator can fix it); kInvalidArgument
  // when the server refused the mail or the recipient for good (a 5xx answer): trying again
  // cannot help.
  virtual Status send(const std::string& from, const std::string& to, const std::string& message) = 0;
};

struct SmtpSettings {
  std::string url;               // smtp://host:port or smtps://host:port (a user and password in it are used too)
  bool require_starttls = true;  // smtp:// only
  std::string user;              // empty: no AUTH (unless the URL has one)
  std::string password;
  std::string ca_bundle;  // extra CA certificates (PEM); empty: the system's
  std::chrono::milliseconds timeout{30'000};
};

// The settings of `config`, with the password read from smtp_password_file. kInvalidArgument when
// that file cannot be read or a user is set without it.
Result<SmtpSettings> smtp_settings(const Config& config);

class SmtpSender : public MailTransport {
 public:
  explicit SmtpSender(SmtpSettings settings) : settings_(std::move(settings)) {}
  Status send(const std::string& from, const std::string& to, const std::string& message) override;

 private:
  SmtpSettings settings_;
};

}  // namespace mobility::portal::mail
