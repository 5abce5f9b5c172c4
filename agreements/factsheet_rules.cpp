#include "agreements/factsheet_rules.hpp"

#include "base/pattern.hpp"

namespace mobility::agreements {
namespace {

using nlohmann::json;

constexpr size_t kMaxText = 2000;
constexpr int kMaxWeeks = 520;

std::string at(const std::string& list, size_t index) { return list + "[" + std::to_string(index) + "]"; }

void check_urls(FieldChecks& check, const std::string& field, const std::vector<db::WebsiteUrl>& urls, bool required) {
  check.require(!required || !urls.empty(), field, "factsheet_error_website_needed");
  for (const auto& url : urls) {
    check.url(field, url.url);
    check.require(url.language.empty() || matches(url.language, kLanguageTagPattern), field, "factsheet_error_url_language");
  }
}

void check_entry(FieldChecks& check, const std::string& field, const db::InformationEntry& entry) {
  check.require(entry.email.size() <= 320 && matches(entry.email, kEmailPattern), field + ".email", "factsheet_error_email");
  const db::PhoneNumber& phone = entry.phone;
  check.require(phone.e164 || phone.other_format, field + ".phone_e164", "factsheet_error_phone_needed");
  check.require(!phone.e164 || matches(*phone.e164, "\\+[0-9]{1,15}"), field + ".phone_e164", "factsheet_error_e164");
  check.require(!phone.ext || matches(*phone.ext, "[0-9]{1,8}"), field + ".phone_ext", "factsheet_error_ext");
  check.require(!phone.ext || phone.e164, field + ".phone_ext", "factsheet_error_ext_needs_e164");
  if (phone.other_format) check.line(field + ".phone_other_format", *phone.other_format, kMaxText, true);
  check_urls(check, field + ".website_urls", entry.website_urls, true);
}

json urls_json(const std::vector<db::WebsiteUrl>& urls) {
  json list = json::array();
  for (const auto& url : urls) list.push_back({{"url", url.url}, {"lang", url.language}});
  return list;
}

json entry_json(const db::InformationEntry& entry) {
  json out = {{"email", entry.email}, {"website_urls", urls_json(entry.website_urls)}};
  if (entry.phone.e164) out["phone_e164"] = *entry.phone.e164;
  if (entry.phone.ext) out["phone_ext"] = *entry.phone.ext;
  if (entry.phone.other_format) out["phone_other_format"] = *entry.phone.other_format;
  return out;
}

}  // namespace

std::vector<FieldProblem> check_factsheet(const db::Factsheet& facts) {
  FieldChecks check;
  check.month_day("student_nominations.autumn_term", facts.student_nominations.autumn_term, true);
  check.month_day("student_nominations.spring_term", facts.student_nominations.spring_term, true);
  check.month_day("student_applications.autumn_term", facts.student_applications.autumn_term, true);
  check.month_day("student_applications.spring_term", facts.student_applications.spring_term, true);
  check.number("decision_weeks_limit", facts.decision_weeks_limit, 1, kMaxWeeks, "factsheet_error_weeks");
  check.number("tor_weeks_limit", facts.tor_weeks_limit, 1, kMaxWeeks, "factsheet_error_weeks");
  check_entry(check, "application_info", facts.application_info);
  for (size_t i = 0; i < facts.additional_requirements.size(); ++i) {
    const auto& requirement = facts.additional_requirements[i];
    check.line(at("additional_requirements", i) + ".name", requirement.name, kMaxText, true);
    check.text(at("additional_requirements", i) + ".details", requirement.details, kMaxText, true);
    check_urls(check, at("additional_requirements", i) + ".information_websites", requirement.information_websites, false);
  }
  for (size_t i = 0; i < facts.accessibility.size(); ++i) {
    const auto& item = facts.accessibility[i];
    check.require(item.type == "infrastructure" || item.type == "service", at("accessibility", i) + ".type",
                  "factsheet_error_accessibility_type");
    check.line(at("accessibility", i) + ".name", item.name, kMaxText, true);
    check.text(at("accessibility", i) + ".description", item.description.value_or(""), kMaxText, false);
    check_entry(check, at("accessibility", i) + ".information", item.information);
  }
  check_entry(check, "housing_info", facts.housing_info);
  check_entry(check, "visa_info", facts.visa_info);
  check_entry(check, "insurance_info", facts.insurance_info);
  for (size_t i = 0; i < facts.additional_info.size(); ++i) {
    check.line(at("additional_info", i) + ".type", facts.additional_info[i].type, kMaxText, true);
    check_entry(check, at("additional_info", i) + ".info", facts.additional_info[i].info);
  }
  return check.take();
}

json factsheet_to_json(const db::Factsheet& facts) {
  json out = {
      {"student_nominations",
       {{"autumn_term", facts.student_nominations.autumn_term}, {"spring_term", facts.student_nominations.spring_term}}},
      {"student_applications",
       {{"autumn_term", facts.student_applications.autumn_term}, {"spring_term", facts.student_applications.spring_term}}},
      {"decision_weeks_limit", facts.decision_weeks_limit},
      {"tor_weeks_limit", facts.tor_weeks_limit},
      {"application_info", entry_json(facts.application_info)},
      {"housing_info", entry_json(facts.housing_info)},
      {"visa_info", entry_json(facts.visa_info)},
      {"insurance_info", entry_json(facts.insurance_info)}};
  out["additional_requirements"] = json::array();
  for (const auto& requirement : facts.additional_requirements) {
    out["additional_requirements"].push_back({{"name", requirement.name},
                                              {"details", requirement.details},
                                              {"information_websites", urls_json(requirement.information_websites)}});
  }
  out["accessibility"] = json::array();
  for (const auto& item : facts.accessibility) {
    json entry = {{"type", item.type}, {"name", item.name}, {"information", entry_json(item.information)}};
    if (item.description) entry["description"] = *item.description;
    out["accessibility"].push_back(entry);
  }
  out["additional_info"] = json::array();
  for (const auto& item : facts.additional_info) {
    out["additional_info"].push_back({{"type", item.type}, {"info", entry_json(item.info)}});
  }
  return out;
}

}  // namespace mobility::agreements
