#include "portal/mail/smtp_sender.hpp"

#include <curl/curl.h>

#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "base/text.hpp"

namespace mobility::portal::mail {
namespace {

struct Upload {
  const std::string& message;
  size_t sent = 0;
};

size_t read_message(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  size_t room = size * count;
  size_t left = upload->message.size() - upload->sent;
  size_t now = left < room ? left : room;
  std::memcpy(buffer, upload->message.data() + upload->sent, now);
  upload->sent += now;
  return now;
}

// The server refused the mail for good: a 5xx answer other than to the login (which the
// operator can fix).
bool refused_for_good(long code) { return code >= 500 && code < 600 && code != 530 && code != 534 && code != 535; }

}  // namespace

Result<SmtpSettings> smtp_settings(const Config& config) {
  SmtpSettings settings{config.smtp_url,  config.smtp_tls != "none",
                        config.smtp_user, "",
                        config.ca_bundle, std::chrono::milliseconds(config.http_timeout_ms)};
  if (config.smtp_user.empty()) return settings;
  if (config.smtp_password_file.empty()) {
    return Status::invalid_argument("smtp_user is set, so smtp_password_file must name the file holding the password");
  }
  std::ifstream in(config.smtp_password_file);
  if (!in) return Status::invalid_argument("cannot read smtp_password_file " + config.smtp_password_file);
  std::stringstream text;
  text << in.rdbuf();
  settings.password = std::string(trim_blanks(text.str()));
  if (settings.password.empty()) return Status::invalid_argument("smtp_password_file " + config.smtp_password_file + " is empty");
  return settings;
}

Status SmtpSender::send(const std::string& from, const std::string& to, const std::string& message) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return Status::unavailable("libcurl could not be initialised");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(curl_slist_append(nullptr, ("<" + to + ">").c_str()),
                                                                         curl_slist_free_all);
  Upload upload{message};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (settings_.require_starttls) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!settings_.ca_bundle.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_bundle.c_str());
  if (!settings_.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + from + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  CURLcode result = curl_easy_perform(c);
  if (result == CURLE_OK) return Status::ok();
  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  std::string what =
      std::string(curl_easy_strerror(result)) + (code ? " (the server answered " + std::to_string(code) + ")" : "");
  if (refused_for_good(code)) return Status::invalid_argument("the SMTP server refused the mail: " + what);
  return Status::unavailable("SMTP: " + what);
}

}  // namespace mobility::portal::mail
