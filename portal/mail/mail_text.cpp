#include "portal/mail/mail_text.hpp"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <map>

#include "portal/templates.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal::mail {
namespace {

using Values = std::map<std::string, std::string>;

// `text` with every {name} of `values` written in; other braces stay as they are.
std::string fill(const std::string& text, const Values& values) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    size_t open = text.find('{', at);
    size_t close = open == std::string::npos ? std::string::npos : text.find('}', open);
    if (close == std::string::npos) break;
    auto value = values.find(text.substr(open + 1, close - open - 1));
    out.append(text, at, open - at);
    out += value == values.end() ? text.substr(open, close - open + 1) : value->second;
    at = close + 1;
  }
  out.append(text, at, std::string::npos);
  return out;
}

std::string text_of(const nlohmann::json& parameters, const char* name) {
  auto found = parameters.find(name);
  if (found == parameters.end() || found->is_null()) return "";
  return found->is_string() ? found->get<std::string>() : found->dump();
}

// The catalogue key's middle: the kind, and the variant the parameters ask for.
std::string key_of(const std::string& kind, const nlohmann::json& parameters) {
  if (kind == "nomination_decided" || kind == "la_decided" || kind == "application_decided") {
    return kind + "_" + text_of(parameters, "decision");
  }
  if (kind == "la_to_sign" || kind == "la_unsigned_reminder") return kind + "_" + text_of(parameters, "to");
  return kind;
}

// The catalogue of a recipient's language code (an account's: nb, nn or en).
const Messages& texts_in(const std::string& language) {
  return Messages::of(language_from_code(language).value_or(Language::kBokmal));
}

bool known_key(const Messages& texts, const std::string& key) {
  return texts.all().count("mail_" + key + "_subject") && texts.all().count("mail_" + key + "_body");
}

Result<Values> values_of(db::Connection& connection, const NameCache& names, const nlohmann::json& parameters,
                         const std::string& language) {
  Values values;
  for (auto& [name, value] : parameters.items()) values[name] = value.is_string() ? value.get<std::string>() : value.dump();
  for (auto [parameter, hei_id] : {std::pair{"partner", "receiving_hei_id"}, std::pair{"sender", "sending_hei_id"}}) {
    std::string id = text_of(parameters, hei_id);
    if (id.empty()) continue;
    auto name = names.hei_name(connection, id, language);
    if (!name) return name.status();
    values[parameter] = name->value_or(id);
  }
  return values;
}

// The paragraphs of a body: its lines, with the comment (when there is one) as its own paragraph.
std::vector<std::string> paragraphs_of(const std::string& body, const Values& values) {
  std::vector<std::string> paragraphs;
  std::string filled = fill(body, values);
  size_t start = 0;
  while (start <= filled.size()) {
    size_t end = filled.find("\\n", start);
    std::string paragraph = filled.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!paragraph.empty()) paragraphs.push_back(paragraph);
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return paragraphs;
}

Result<MailText> compose_digest(db::Connection& connection, const NameCache& names, const nlohmann::json& parameters,
                                const std::string& language, const std::string& portal_url) {
  const Messages& texts = texts_in(language);
  auto items = parameters.find("items");
  if (items == parameters.end() || !items->is_array()) return Status::invalid_argument("a digest without items");
  MailText digest{language,
                  fill(texts.text("mail_digest_subject"), {{"count", std::to_string(items->size())}}),
                  {texts.text("mail_digest_body")},
                  std::nullopt,
                  {}};
  for (const nlohmann::json& item : *items) {
    if (!item.is_object() || !item.contains("kind") || !item.contains("parameters")) continue;
    auto entry = compose_mail(connection, names, text_of(item, "kind"), item["parameters"].dump(), language, portal_url);
    if (!entry) return entry.status();
    digest.items.push_back({entry->subject, entry->link.value_or(portal_url + "/")});
  }
  return digest;
}

}  // namespace

Result<MailText> compose_mail(db::Connection& connection, const NameCache& names, const std::string& kind,
                              const std::string& parameters_json, const std::string& language, const std::string& portal_url) {
  nlohmann::json parameters = nlohmann::json::parse(parameters_json, nullptr, /*allow_exceptions=*/false);
  if (!parameters.is_object()) return Status::invalid_argument("mail parameters are not a JSON object");
  if (kind == "digest") return compose_digest(connection, names, parameters, language, portal_url);
  const Messages& texts = texts_in(language);
  std::string key = key_of(kind, parameters);
  if (!known_key(texts, key)) return Status::invalid_argument("no mail text for " + key);
  auto values = values_of(connection, names, parameters, language);
  if (!values) return values.status();
  MailText mail{language,
                fill(texts.text("mail_" + key + "_subject"), *values),
                paragraphs_of(texts.text("mail_" + key + "_body"), *values),
                std::nullopt,
                {}};
  std::string link = text_of(parameters, "link");
  if (!link.empty()) mail.link = link.starts_with("/") ? portal_url + link : link;
  return mail;
}

std::string plain_text(const MailText& mail) {
  const Messages& texts = texts_in(mail.language);
  std::string text;
  for (const std::string& paragraph : mail.paragraphs) text += paragraph + "\n\n";
  for (const DigestItem& item : mail.items) text += "- " + item.subject + "\n  " + item.link + "\n";
  if (!mail.items.empty()) text += "\n";
  if (mail.link) text += texts.text("mail_open") + ": " + *mail.link + "\n\n";
  text += "-- \n" + texts.text("mail_footer") + "\n";
  return text;
}

Result<std::string> html_text(const MailText& mail) {
  using kainjow::mustache::data;
  data paragraphs{data::type::list};
  for (const std::string& paragraph : mail.paragraphs) paragraphs.push_back(paragraph);
  data items{data::type::list};
  for (const DigestItem& item : mail.items) {
    data entry;
    entry.set("subject", item.subject);
    entry.set("link", item.link);
    items.push_back(entry);
  }
  data view;
  view.set("lang", mail.language);
  view.set("subject", mail.subject);
  view.set("paragraphs", paragraphs);
  view.set("items", items);
  view.set("has_items", !mail.items.empty());
  if (mail.link) view.set("link", *mail.link);
  return render_template("mail/message", view, texts_in(mail.language));
}

}  // namespace mobility::portal::mail
