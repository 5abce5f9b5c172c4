#include "portal/pages/information_facts.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

// Sets `key` to the rows of `items` and has_<key> to whether there are any.
template <typename Item, typename View>
void set_rows(data& view, const std::string& key, const std::vector<Item>& items, View row_of) {
  data list = data::type::list;
  for (const auto& item : items) list.push_back(row_of(item));
  view.set(key, list);
  view.set("has_" + key, !items.empty());
}

// An empty text is set to false: kainjow treats "" as true in {{#section}}.
void set_text(data& view, const char* key, const std::string& text) {
  if (text.empty()) {
    view.set(key, false);
  } else {
    view.set(key, text);
  }
}

}  // namespace

data information_facts_view(const agreements::AgreementInformation& info, const Messages& messages) {
  data view;
  set_text(view, "city", info.city);
  set_text(view, "country_code", info.country_code);
  set_text(view, "visa_and_residence", info.visa_and_residence);
  set_text(view, "tuition_fees", info.tuition_fees);
  set_text(view, "autumn_deadline", info.autumn_deadline);
  set_text(view, "spring_deadline", info.spring_deadline);
  set_rows(view, "study_places", info.study_places, [&](const agreements::StudyPlaces& places) {
    data row;
    row.set("level", messages.text("info_level_" + places.level));
    row.set("subject_area", places.subject_area);
    set_text(row, "isced_f_code", places.isced_f_code);
    set_text(row, "unit", places.unit);
    row.set("places", std::to_string(places.places));
    row.set("months", std::to_string(places.months));
    return row;
  });
  set_rows(view, "language_requirements", info.language_requirements, [](const auto& requirement) {
    data row;
    row.set("language", requirement.language);
    row.set("cefr_level", requirement.cefr_level);
    return row;
  });
  set_rows(view, "links", info.links, [](const auto& link) {
    data row;
    row.set("title", link.title);
    row.set("url", link.url);
    return row;
  });
  set_rows(view, "student_reports", info.student_reports, [](const auto& report) {
    data row;
    row.set("author", report.author);
    row.set("semester", report.semester);
    row.set("text", report.text);
    return row;
  });
  return view;
}

}  // namespace mobility::portal
