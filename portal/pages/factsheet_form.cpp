#include "portal/pages/factsheet_form.hpp"

#include <sstream>

#include "base/text.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

constexpr size_t kMaxRows = 30;
constexpr size_t kBlankRows = 1;
const char* const kSections[] = {"application_info", "housing_info", "visa_info", "insurance_info"};

// The fields of an InformationEntry named `prefix` ("housing_info", or "information" in a row).
std::vector<FieldSpec> entry_fields(const std::string& prefix) {
  return {{prefix + ".email", "factsheet_email"},
          {prefix + ".phone_e164", "factsheet_phone_e164", FieldKind::kText, {}, "factsheet_phone_e164_hint"},
          {prefix + ".phone_ext", "factsheet_phone_ext"},
          {prefix + ".phone_other_format", "factsheet_phone_other_format"},
          {prefix + ".website_urls", "factsheet_website_urls", FieldKind::kTextArea, {}, "factsheet_website_urls_hint"}};
}

std::vector<FieldSpec> with(std::vector<FieldSpec> first, const std::vector<FieldSpec>& then) {
  first.insert(first.end(), then.begin(), then.end());
  return first;
}

const std::vector<FieldSpec> kCalendarFields = {
    {"student_nominations.autumn_term", "factsheet_nominations_autumn", FieldKind::kText, {}, "month_day_hint"},
    {"student_nominations.spring_term", "factsheet_nominations_spring", FieldKind::kText, {}, "month_day_hint"},
    {"student_applications.autumn_term", "factsheet_applications_autumn", FieldKind::kText, {}, "month_day_hint"},
    {"student_applications.spring_term", "factsheet_applications_spring", FieldKind::kText, {}, "month_day_hint"},
    {"decision_weeks_limit", "factsheet_decision_weeks"},
    {"tor_weeks_limit", "factsheet_tor_weeks"}};
const std::vector<FieldSpec> kRequirementFields = {
    {"name", "factsheet_requirement_name"},
    {"details", "factsheet_requirement_details", FieldKind::kTextArea},
    {"information_websites", "factsheet_website_urls", FieldKind::kTextArea, {}, "factsheet_website_urls_hint"}};
const std::vector<FieldSpec> kAccessibilityFields =
    with({{"type",
           "factsheet_accessibility_type",
           FieldKind::kSelect,
           {{"", "info_level_choose"}, {"infrastructure", "factsheet_infrastructure"}, {"service", "factsheet_service"}}},
          {"name", "factsheet_accessibility_name"},
          {"description", "factsheet_accessibility_description", FieldKind::kTextArea}},
         entry_fields("information"));
const std::vector<FieldSpec> kAdditionalFields = with({{"type", "factsheet_additional_type"}}, entry_fields("info"));

std::optional<std::string> optional_text(const std::string& text) {
  if (trim_blanks(text).empty()) return std::nullopt;
  return text;
}

std::string urls_text(const std::vector<db::WebsiteUrl>& urls) {
  std::string text;
  for (const auto& url : urls) text += (text.empty() ? "" : "\n") + url.url + (url.language.empty() ? "" : " " + url.language);
  return text;
}

std::vector<db::WebsiteUrl> urls_of(const std::string& text) {
  std::vector<db::WebsiteUrl> urls;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    db::WebsiteUrl url;
    if (!(words >> url.url)) continue;
    words >> url.language;
    std::string extra;
    if (words >> extra) url.language += " " + extra;  // refused by the rules, not silently dropped
    urls.push_back(url);
  }
  return urls;
}

void put_entry(FormValues& values, const std::string& prefix, const db::InformationEntry& entry) {
  values[prefix + ".email"] = entry.email;
  values[prefix + ".phone_e164"] = entry.phone.e164.value_or("");
  values[prefix + ".phone_ext"] = entry.phone.ext.value_or("");
  values[prefix + ".phone_other_format"] = entry.phone.other_format.value_or("");
  values[prefix + ".website_urls"] = urls_text(entry.website_urls);
}

db::InformationEntry entry_of(const FormValues& values, const std::string& prefix) {
  db::InformationEntry entry;
  entry.email = value_of(values, prefix + ".email");
  entry.phone = {optional_text(value_of(values, prefix + ".phone_e164")), optional_text(value_of(values, prefix + ".phone_ext")),
                 optional_text(value_of(values, prefix + ".phone_other_format"))};
  entry.website_urls = urls_of(value_of(values, prefix + ".website_urls"));
  return entry;
}

std::string row(const char* list, size_t index, const std::string& name) { return row_field(list, index, name); }

}  // namespace

FormValues factsheet_values(const db::Factsheet& facts) {
  FormValues values = {{"student_nominations.autumn_term", facts.student_nominations.autumn_term},
                       {"student_nominations.spring_term", facts.student_nominations.spring_term},
                       {"student_applications.autumn_term", facts.student_applications.autumn_term},
                       {"student_applications.spring_term", facts.student_applications.spring_term},
                       {"decision_weeks_limit", std::to_string(facts.decision_weeks_limit)},
                       {"tor_weeks_limit", std::to_string(facts.tor_weeks_limit)}};
  const db::InformationEntry* entries[] = {&facts.application_info, &facts.housing_info, &facts.visa_info, &facts.insurance_info};
  for (size_t i = 0; i < std::size(kSections); ++i) put_entry(values, kSections[i], *entries[i]);
  for (size_t i = 0; i < facts.additional_requirements.size(); ++i) {
    const auto& requirement = facts.additional_requirements[i];
    values[row("additional_requirements", i, "name")] = requirement.name;
    values[row("additional_requirements", i, "details")] = requirement.details;
    values[row("additional_requirements", i, "information_websites")] = urls_text(requirement.information_websites);
  }
  for (size_t i = 0; i < facts.accessibility.size(); ++i) {
    const auto& item = facts.accessibility[i];
    values[row("accessibility", i, "type")] = item.type;
    values[row("accessibility", i, "name")] = item.name;
    values[row("accessibility", i, "description")] = item.description.value_or("");
    put_entry(values, row("accessibility", i, "information"), item.information);
  }
  for (size_t i = 0; i < facts.additional_info.size(); ++i) {
    values[row("additional_info", i, "type")] = facts.additional_info[i].type;
    put_entry(values, row("additional_info", i, "info"), facts.additional_info[i].info);
  }
  return values;
}

FormValues compacted_factsheet_values(const FormValues& submitted) {
  FormValues values = compact_rows(submitted, "additional_requirements", kRequirementFields, kMaxRows);
  values = compact_rows(values, "accessibility", kAccessibilityFields, kMaxRows);
  return compact_rows(values, "additional_info", kAdditionalFields, kMaxRows);
}

db::Factsheet factsheet_from_values(const std::string& hei_id, const FormValues& values) {
  db::Factsheet facts;
  facts.hei_id = hei_id;
  facts.student_nominations = {value_of(values, "student_nominations.autumn_term"),
                               value_of(values, "student_nominations.spring_term")};
  facts.student_applications = {value_of(values, "student_applications.autumn_term"),
                                value_of(values, "student_applications.spring_term")};
  facts.decision_weeks_limit = number_or_zero(value_of(values, "decision_weeks_limit"));
  facts.tor_weeks_limit = number_or_zero(value_of(values, "tor_weeks_limit"));
  db::InformationEntry* entries[] = {&facts.application_info, &facts.housing_info, &facts.visa_info, &facts.insurance_info};
  for (size_t i = 0; i < std::size(kSections); ++i) *entries[i] = entry_of(values, kSections[i]);
  for (size_t i = 0; i < row_count(values, "additional_requirements", kRequirementFields); ++i) {
    facts.additional_requirements.push_back(
        {value_of(values, row("additional_requirements", i, "name")),
         value_of(values, row("additional_requirements", i, "details")),
         urls_of(value_of(values, row("additional_requirements", i, "information_websites")))});
  }
  for (size_t i = 0; i < row_count(values, "accessibility", kAccessibilityFields); ++i) {
    facts.accessibility.push_back({value_of(values, row("accessibility", i, "type")),
                                   value_of(values, row("accessibility", i, "name")),
                                   optional_text(value_of(values, row("accessibility", i, "description"))),
                                   entry_of(values, row("accessibility", i, "information"))});
  }
  for (size_t i = 0; i < row_count(values, "additional_info", kAdditionalFields); ++i) {
    facts.additional_info.push_back(
        {value_of(values, row("additional_info", i, "type")), entry_of(values, row("additional_info", i, "info"))});
  }
  return facts;
}

data factsheet_form_view(const FormView& view) {
  data form;
  form.set("calendar_fields", view.fields(kCalendarFields));
  data sections = data::type::list;
  for (const char* section : kSections) {
    data item;
    item.set("legend", view.text(std::string("factsheet_") + section));
    item.set("fields", view.fields(entry_fields(section)));
    sections.push_back(item);
  }
  form.set("sections", sections);
  form.set("requirements", view.rows("additional_requirements", kRequirementFields, kBlankRows));
  form.set("accessibility", view.rows("accessibility", kAccessibilityFields, kBlankRows));
  form.set("additional_info", view.rows("additional_info", kAdditionalFields, kBlankRows));
  return form;
}

}  // namespace mobility::portal
