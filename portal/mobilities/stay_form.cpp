#include "portal/mobilities/stay_form.hpp"

#include "base/pattern.hpp"
#include "base/text.hpp"
#include "mobilities/mobility_rules.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/mobilities/la_form.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using kainjow::mustache::data;

const char* const kFields[] = {"planned_arrival",       "planned_departure",     "language",       "cefr_level",
                               "receiving_given_names", "receiving_family_name", "receiving_email"};
const char* const kLevels[] = {"A1", "A2", "B1", "B2", "C1", "C2", "NS"};

std::string value(const StayFields& fields, const std::string& name) {
  auto found = fields.find(name);
  return found == fields.end() ? "" : std::string(trim_blanks(found->second));
}

std::optional<std::string> given(const std::string& text) { return text.empty() ? std::nullopt : std::optional(text); }

// YYYY-MM-DD, or YYYY-MM as the mobility allows.
bool is_day_or_month(const std::string& text) {
  return mobilities::is_date(text) || (text.size() == 7 && matches(text, "[0-9]{4}-(0[1-9]|1[0-2])"));
}

}  // namespace

StayFields stay_fields_of(const mobilities::Mobility& mobility) {
  StayFields fields;
  fields["planned_arrival"] = mobility.planned_arrival_date.value_or("");
  fields["planned_departure"] = mobility.planned_departure_date.value_or("");
  if (mobility.language_skill) {
    fields["language"] = mobility.language_skill->language;
    fields["cefr_level"] = mobility.language_skill->cefr_level;
  }
  if (const auto& contact = mobility.nomination.receiving.contact) {
    fields["receiving_given_names"] = contact->given_names;
    fields["receiving_family_name"] = contact->family_name;
    fields["receiving_email"] = contact->email;
  }
  return fields;
}

StayFields stay_fields_of(const http::HeaderList& form, const mobilities::Mobility& mobility) {
  StayFields fields = stay_fields_of(mobility);
  for (const auto& [name, text] : form) {
    for (const char* field : kFields) {
      if (name == field) fields[name] = text;
    }
  }
  return fields;
}

std::variant<mobilities::Mobility, StayFieldErrors> with_stay_facts(mobilities::Mobility mobility, const StayFields& fields) {
  StayFieldErrors errors;
  for (const char* field : kFields) {
    if (auto problem = text_problem(value(fields, field))) errors.try_emplace(field, *problem);
  }
  std::string arrival = value(fields, "planned_arrival"), departure = value(fields, "planned_departure");
  if (!arrival.empty() && !is_day_or_month(arrival)) errors.try_emplace("planned_arrival", "mobilities_error_date");
  if (!departure.empty() && !is_day_or_month(departure)) errors.try_emplace("planned_departure", "mobilities_error_date");
  if (!errors.contains("planned_arrival") && !errors.contains("planned_departure") && !arrival.empty() && !departure.empty() &&
      departure < arrival) {
    errors.try_emplace("planned_departure", "mobilities_error_dates_order");
  }
  std::string language = value(fields, "language"), level = value(fields, "cefr_level");
  if (!language.empty() && (language.size() > 35 || !matches(language, kLanguageTagPattern))) {
    errors.try_emplace("language", "mobilities_error_language");
  }
  if (language.empty() != level.empty())
    errors.try_emplace(language.empty() ? "language" : "cefr_level", "mobilities_error_language");
  bool known_level = false;
  for (const char* offered : kLevels) known_level = known_level || level == offered;
  if (!level.empty() && !known_level) errors.try_emplace("cefr_level", "mobilities_error_language");
  std::string given_names = value(fields, "receiving_given_names"), family_name = value(fields, "receiving_family_name"),
              email = value(fields, "receiving_email");
  bool any_of_person = !given_names.empty() || !family_name.empty() || !email.empty();
  if (any_of_person && given_names.empty()) errors.try_emplace("receiving_given_names", "mobilities_error_contact_name");
  if (any_of_person && family_name.empty()) errors.try_emplace("receiving_family_name", "mobilities_error_contact_name");
  if (any_of_person && !matches(email, kEmailPattern)) errors.try_emplace("receiving_email", "mobilities_error_email");
  if (!errors.empty()) return errors;
  mobility.planned_arrival_date = given(arrival);
  mobility.planned_departure_date = given(departure);
  mobility.language_skill.reset();
  if (!language.empty()) mobility.language_skill = mobilities::LanguageSkill{language, level};
  mobility.nomination.receiving.contact.reset();
  if (any_of_person) mobility.nomination.receiving.contact = mobilities::ContactPerson{given_names, family_name, email};
  return mobility;
}

data stay_form_view(const StayFields& fields, const StayFieldErrors& errors, const Messages& messages) {
  data view;
  auto field = [&](const char* name, const char* label_key) {
    view.set(name, agreements::pages::text_field(name, label_key, value(fields, name), errors, messages));
  };
  field("planned_arrival", "mobilities_planned_arrival");
  field("planned_departure", "mobilities_planned_departure");
  field("language", "mobilities_language");
  field("receiving_given_names", "mobilities_receiving_given_names");
  field("receiving_family_name", "mobilities_receiving_family_name");
  field("receiving_email", "mobilities_receiving_email");
  agreements::pages::Options levels{{"", messages.text("mobilities_choose")}};
  for (const char* level : kLevels) {
    levels.emplace_back(level, level == std::string("NS") ? messages.text("mobilities_cefr_native") : level);
  }
  data level = agreements::pages::field_error("cefr_level", errors, messages);
  level.set("options", agreements::pages::option_list(levels, value(fields, "cefr_level")));
  view.set("cefr_level", level);
  return view;
}

std::vector<std::string> missing_stay_facts(const std::vector<std::string>& missing, const Messages& messages) {
  static const std::map<std::string, std::string> kLabels = {{"nomination.sending.contact", "mobilities_missing_sending_contact"},
                                                             {"nomination.receiving.contact", "mobilities_receiving_contact"},
                                                             {"planned_arrival_date", "mobilities_planned_arrival"},
                                                             {"planned_departure_date", "mobilities_planned_departure"},
                                                             {"language_skill", "mobilities_missing_language"}};
  std::vector<std::string> items;
  for (const std::string& field : missing) {
    auto label = kLabels.find(field);
    items.push_back(label == kLabels.end() ? field : messages.text(label->second));
  }
  return items;
}

}  // namespace mobility::portal::mobility_pages
