#include "db/factsheet_json.hpp"

#include "base/json_fields.hpp"

namespace mobility::db {
namespace {

using json_fields::put;
using json_fields::take;
using nlohmann::json;

template <typename T, typename Write>
json array_of(const std::vector<T>& items, Write write) {
  json out = json::array();
  for (const auto& item : items) out.push_back(write(item));
  return out;
}

template <typename Read>
auto items_of(const json& object, const char* key, Read read) {
  std::vector<decltype(read(json()))> items;
  for (const auto& item : object.at(key)) items.push_back(read(item));
  return items;
}

json website_json(const WebsiteUrl& website) { return {{"url", website.url}, {"language", website.language}}; }
WebsiteUrl website_of(const json& in) { return {in.at("url").get<std::string>(), in.at("language").get<std::string>()}; }

json information_json(const InformationEntry& entry) {
  json phone = json::object();
  put(phone, "e164", entry.phone.e164);
  put(phone, "ext", entry.phone.ext);
  put(phone, "other_format", entry.phone.other_format);
  return {{"email", entry.email}, {"phone", phone}, {"website_urls", array_of(entry.website_urls, website_json)}};
}

InformationEntry information_of(const json& in) {
  InformationEntry entry{in.at("email").get<std::string>(), {}, items_of(in, "website_urls", website_of)};
  const json& phone = in.at("phone");
  take(phone, "e164", entry.phone.e164);
  take(phone, "ext", entry.phone.ext);
  take(phone, "other_format", entry.phone.other_format);
  return entry;
}

json calendar_json(const CalendarEntry& entry) {
  return {{"autumn_term", entry.autumn_term}, {"spring_term", entry.spring_term}};
}
CalendarEntry calendar_of(const json& in) {
  return {in.at("autumn_term").get<std::string>(), in.at("spring_term").get<std::string>()};
}

json requirement_json(const AdditionalRequirement& requirement) {
  return {{"name", requirement.name},
          {"details", requirement.details},
          {"information_websites", array_of(requirement.information_websites, website_json)}};
}
AdditionalRequirement requirement_of(const json& in) {
  return {in.at("name").get<std::string>(), in.at("details").get<std::string>(),
          items_of(in, "information_websites", website_of)};
}

json accessibility_json(const Accessibility& accessibility) {
  json out = {
      {"type", accessibility.type}, {"name", accessibility.name}, {"information", information_json(accessibility.information)}};
  put(out, "description", accessibility.description);
  return out;
}
Accessibility accessibility_of(const json& in) {
  Accessibility accessibility{in.at("type").get<std::string>(), in.at("name").get<std::string>(), std::nullopt,
                              information_of(in.at("information"))};
  take(in, "description", accessibility.description);
  return accessibility;
}

json additional_json(const AdditionalInfo& info) { return {{"type", info.type}, {"info", information_json(info.info)}}; }
AdditionalInfo additional_of(const json& in) { return {in.at("type").get<std::string>(), information_of(in.at("info"))}; }

Factsheet factsheet_of(const json& in) {
  return {in.at("hei_id").get<std::string>(),
          calendar_of(in.at("student_nominations")),
          calendar_of(in.at("student_applications")),
          information_of(in.at("application_info")),
          items_of(in, "additional_requirements", requirement_of),
          in.at("decision_weeks_limit").get<int>(),
          in.at("tor_weeks_limit").get<int>(),
          items_of(in, "accessibility", accessibility_of),
          information_of(in.at("housing_info")),
          information_of(in.at("visa_info")),
          information_of(in.at("insurance_info")),
          items_of(in, "additional_info", additional_of)};
}

}  // namespace

json factsheet_to_json(const Factsheet& facts) {
  return {{"hei_id", facts.hei_id},
          {"student_nominations", calendar_json(facts.student_nominations)},
          {"student_applications", calendar_json(facts.student_applications)},
          {"application_info", information_json(facts.application_info)},
          {"additional_requirements", array_of(facts.additional_requirements, requirement_json)},
          {"decision_weeks_limit", facts.decision_weeks_limit},
          {"tor_weeks_limit", facts.tor_weeks_limit},
          {"accessibility", array_of(facts.accessibility, accessibility_json)},
          {"housing_info", information_json(facts.housing_info)},
          {"visa_info", information_json(facts.visa_info)},
          {"insurance_info", information_json(facts.insurance_info)},
          {"additional_info", array_of(facts.additional_info, additional_json)}};
}

// nlohmann reports a missing key or a wrong type by throwing; here that becomes a Status.
Result<Factsheet> factsheet_from_json(const json& in) {
  try {
    return factsheet_of(in);
  } catch (const json::exception& error) {
    return Status::invalid_argument(std::string("not a stored factsheet: ") + error.what());
  }
}

}  // namespace mobility::db
