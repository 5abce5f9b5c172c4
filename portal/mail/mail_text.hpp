// What a queued mail says, in the recipient's language: its subject, paragraphs and the link to
// act on, composed from the kind and parameters that the domain queued
// (mobilities/journey_mail.hpp, the password reset) and the mail texts of the page catalogues
// (templates/messages/*.txt, keys mail_<kind>[_<variant>]_subject and _body, with {placeholders}).
// The HTML part is templates/mail/message.mustache; the text part is the same content as text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "db/connection.hpp"
#include "portal/web/name_cache.hpp"

namespace mobility::portal::mail {

struct DigestItem {
  std::string subject;
  std::string link;  // absolute
};

struct MailText {
  std::string language;  // nb, nn or en
  std::string subject;
  std::vector<std::string> paragraphs;
  std::optional<std::string> link;  // absolute URL of the page to act on
  std::vector<DigestItem> items;    // a digest's entries
};

// The mail of `kind` with `parameters_json`, links made absolute with `portal_url`.
// kInvalidArgument for an unknown kind or parameters that are not a JSON object (the mail is
// given up: trying again cannot help); database errors when a name lookup fails.
Result<MailText> compose_mail(db::Connection& connection, const NameCache& names, const std::string& kind,
                              const std::string& parameters_json, const std::string& language, const std::string& portal_url);

// The text part: paragraphs, the link, digest items, the footer.
std::string plain_text(const MailText& mail);

// The HTML part (templates/mail/message.mustache); kInternal on a template error.
Result<std::string> html_text(const MailText& mail);

}  // namespace mobility::portal::mail
