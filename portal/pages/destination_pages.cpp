#include "portal/pages/destination_pages.hpp"

#include "base/text.hpp"
#include "db/agreement_information.hpp"
#include "db/factsheets.hpp"
#include "db/partner_factsheets.hpp"
#include "portal/pages/approved_courses.hpp"
#include "portal/pages/host_course_list.hpp"
#include "portal/pages/information_facts.hpp"
#include "portal/pages/page_support.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

constexpr const char* kDetailPrefix = "/destinations/";
constexpr size_t kMaxSearchText = 100;

// A search text as typed, or "" when it cannot be one (too long, not clean text).
std::string search_text(const PageRequest& page, std::string_view name) {
  std::string text(trim_blanks(query_value(page, name)));
  return text.size() <= kMaxSearchText && is_clean_utf8(text) ? text : "";
}

// The query parameter `name` when it is one of `allowed`, else "" (no filter).
std::string one_of(const PageRequest& page, std::string_view name, std::initializer_list<std::string_view> allowed) {
  std::string value = query_value(page, name);
  for (std::string_view choice : allowed) {
    if (value == choice) return value;
  }
  return "";
}

std::string subjects_of(const agreements::AgreementInformation& information) {
  std::string subjects;
  for (const auto& places : information.study_places) {
    if (subjects.find(places.subject_area) == std::string::npos) {
      subjects += (subjects.empty() ? "" : ", ") + places.subject_area;
    }
  }
  return subjects;
}

http::Response list_page(PageRequest& page) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kViewDestinations, hei_id)) return *refused;
  db::DestinationFilter filter{search_text(page, "country"),
                               search_text(page, "city"),
                               search_text(page, "subject"),
                               search_text(page, "language"),
                               one_of(page, "level", {"bachelor", "master", "doctoral"}),
                               one_of(page, "semester", {"autumn", "spring"})};
  auto destinations = db::list_published_destinations(page.connection, *hei_id, filter, language_code(page.visitor.language));
  if (!destinations) return unavailable(page, destinations.status());
  data rows = data::type::list;
  for (const auto& destination : *destinations) {
    auto information = agreements::information_or_empty(destination.content_json);
    data row;
    row.set("partner_hei_id", destination.partner_hei_id);
    row.set("name", destination.name);
    row.set("city", information.city);
    row.set("country_code", information.country_code);
    row.set("subjects", subjects_of(information));
    rows.push_back(row);
  }
  data view;
  view.set("country", filter.country_code);
  view.set("city", filter.city);
  view.set("subject", filter.subject);
  view.set("language", filter.language);
  const Messages& messages = Messages::of(page.visitor.language);
  view.set("levels", option_items({{"", "destinations_any"},
                                   {"bachelor", "info_level_bachelor"},
                                   {"master", "info_level_master"},
                                   {"doctoral", "info_level_doctoral"}},
                                  filter.level, messages));
  view.set("semesters",
           option_items({{"", "destinations_any"}, {"autumn", "destinations_autumn"}, {"spring", "destinations_spring"}},
                        filter.semester, messages));
  view.set("destinations", rows);
  view.set("has_destinations", !destinations->empty());
  return page.render(200, "destinations", "destinations_title", view);
}

data urls_view(const std::vector<db::WebsiteUrl>& urls) {
  data list = data::type::list;
  for (const auto& url : urls) {
    data item;
    item.set("url", url.url);
    list.push_back(item);
  }
  return list;
}

data entry_view(const char* label_key, const db::InformationEntry& entry, const Messages& messages) {
  data view;
  view.set("label", messages.text(label_key));
  view.set("email", entry.email);
  view.set("urls", urls_view(entry.website_urls));
  return view;
}

data factsheet_view(const db::Factsheet& facts, const Messages& messages) {
  data view;
  view.set("nominations_autumn", facts.student_nominations.autumn_term);
  view.set("nominations_spring", facts.student_nominations.spring_term);
  view.set("applications_autumn", facts.student_applications.autumn_term);
  view.set("applications_spring", facts.student_applications.spring_term);
  view.set("decision_weeks", std::to_string(facts.decision_weeks_limit));
  view.set("tor_weeks", std::to_string(facts.tor_weeks_limit));
  data entries = data::type::list;
  entries.push_back(entry_view("factsheet_application_info", facts.application_info, messages));
  entries.push_back(entry_view("factsheet_housing_info", facts.housing_info, messages));
  entries.push_back(entry_view("factsheet_visa_info", facts.visa_info, messages));
  entries.push_back(entry_view("factsheet_insurance_info", facts.insurance_info, messages));
  view.set("entries", entries);
  data requirements = data::type::list;
  for (const auto& requirement : facts.additional_requirements) {
    data item;
    item.set("name", requirement.name);
    item.set("details", requirement.details);
    requirements.push_back(item);
  }
  view.set("requirements", requirements);
  view.set("has_requirements", !facts.additional_requirements.empty());
  return view;
}

http::Response detail_page(PageRequest& page) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kViewDestinations, hei_id)) return *refused;
  std::string partner_hei_id = page.request.path.substr(std::string_view(kDetailPrefix).size());
  auto published = db::published_information(page.connection, *hei_id, partner_hei_id);
  if (!published) return unavailable(page, published.status());
  if (!*published) return page.error(404);
  auto name = page.names.hei_name(page.connection, partner_hei_id, language_code(page.visitor.language));
  if (!name) return unavailable(page, name.status());
  auto factsheet = db::find_partner_factsheet(page.connection, partner_hei_id);  // as last fetched over EWP
  if (!factsheet) return unavailable(page, factsheet.status());
  const Messages& messages = Messages::of(page.visitor.language);
  auto information = agreements::information_or_empty((*published)->content_json);
  data view;
  view.set("partner_hei_id", partner_hei_id);
  view.set("name", name->value_or(partner_hei_id));
  view.set("published_at", (*published)->published_at.value_or(""));
  view.set("facts", information_facts_view(information, messages));
  if (*factsheet) {
    data facts = factsheet_view((*factsheet)->factsheet, messages);
    facts.set("fetched_at", (*factsheet)->fetched_at);
    view.set("factsheet", facts);
  }
  auto courses = approved_courses_view(page, *hei_id, partner_hei_id, "courses");
  if (!courses) return unavailable(page, courses.status());
  view.set("approved_courses", *courses);
  auto host_courses = host_course_list_view(page, *hei_id, partner_hei_id);
  if (!host_courses) return unavailable(page, host_courses.status());
  view.set("host_courses", *host_courses);
  return page.render(200, "destination", "destination_title", view);
}

}  // namespace

void add_destination_pages(http::Router& router, const Site& site) {
  site.add_page(router, "GET", "/destinations", list_page);
  site.add_page_tree(router, kDetailPrefix, {{"GET", detail_page}});
}

}  // namespace mobility::portal
