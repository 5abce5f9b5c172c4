// A mail as the SMTP server receives it (RFC 5322 with MIME): headers, and a multipart/alternative
// body with the text part first and the HTML part second, both UTF-8 in Base64, so that any
// line length and any letter travel safely. The same inputs give the same bytes (the boundary is
// derived from the Message-ID), so a mail sent again after a crash is the same mail.
#pragma once

#include <string>

namespace mobility::portal::mail {

struct Envelope {
  std::string from_address;  // "mobility@uni.example"
  std::string from_name;     // "Mobility" (encoded when not ASCII)
  std::string to;            // the recipient's address
  std::string message_id;    // "<key@host>"
  std::string date;          // RFC 5322: "Mon, 07 Dec 2026 15:00:00 +0000"
};

// Header values are written as given after CR and LF are removed (no header injection); the
// subject is RFC 2047-encoded when it is not plain ASCII.
std::string mime_message(const Envelope& envelope, const std::string& subject, const std::string& text, const std::string& html);

}  // namespace mobility::portal::mail
