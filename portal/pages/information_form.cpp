#include "portal/pages/information_form.hpp"

namespace mobility::portal {
namespace {

using agreements::AgreementInformation;
using kainjow::mustache::data;

constexpr size_t kMaxRows = 50;
constexpr size_t kBlankRows = 2;

const std::vector<FieldSpec> kPlaceFields = {{"level",
                                              "info_level",
                                              FieldKind::kSelect,
                                              {{"", "info_level_choose"},
                                               {"bachelor", "info_level_bachelor"},
                                               {"master", "info_level_master"},
                                               {"doctoral", "info_level_doctoral"}}},
                                             {"subject_area", "info_subject_area"},
                                             {"isced_f_code", "info_isced_f_code", FieldKind::kText, {}, "info_isced_hint"},
                                             {"unit", "info_unit"},
                                             {"places", "info_places"},
                                             {"months", "info_months"}};
const std::vector<FieldSpec> kLanguageFields = {{"language", "info_language", FieldKind::kText, {}, "info_language_hint"},
                                                {"cefr_level", "info_cefr_level"}};
const std::vector<FieldSpec> kLinkFields = {{"title", "info_link_title"}, {"url", "info_link_url"}};
const std::vector<FieldSpec> kReportFields = {
    {"author", "info_report_author"}, {"semester", "info_report_semester"}, {"text", "info_report_text", FieldKind::kTextArea}};
const std::vector<FieldSpec> kPlaceAndDeadlineFields = {
    {"city", "info_city"},
    {"country_code", "info_country_code", FieldKind::kText, {}, "info_country_hint"},
    {"autumn_deadline", "info_autumn_deadline", FieldKind::kText, {}, "month_day_hint"},
    {"spring_deadline", "info_spring_deadline", FieldKind::kText, {}, "month_day_hint"}};
const std::vector<FieldSpec> kRulesFields = {{"visa_and_residence", "info_visa", FieldKind::kTextArea},
                                             {"tuition_fees", "info_fees", FieldKind::kTextArea}};

std::string text_of(int number) { return number == 0 ? "" : std::to_string(number); }

template <typename Item, typename Write>
void put_rows(FormValues& values, const char* list, const std::vector<Item>& items, Write write) {
  for (size_t i = 0; i < items.size(); ++i) {
    write(items[i], [&](const char* name, const std::string& value) { values[row_field(list, i, name)] = value; });
  }
}

template <typename Item, typename Read>
std::vector<Item> take_rows(const FormValues& values, const char* list, const std::vector<FieldSpec>& fields, Read read) {
  std::vector<Item> items;
  size_t rows = row_count(values, list, fields);
  for (size_t i = 0; i < rows; ++i) {
    items.push_back(read([&](const char* name) { return value_of(values, row_field(list, i, name)); }));
  }
  return items;
}

}  // namespace

FormValues information_values(const AgreementInformation& info) {
  FormValues values = {{"city", info.city},
                       {"country_code", info.country_code},
                       {"visa_and_residence", info.visa_and_residence},
                       {"tuition_fees", info.tuition_fees},
                       {"autumn_deadline", info.autumn_deadline},
                       {"spring_deadline", info.spring_deadline}};
  put_rows(values, "study_places", info.study_places, [](const auto& item, auto put) {
    put("level", item.level);
    put("subject_area", item.subject_area);
    put("isced_f_code", item.isced_f_code);
    put("unit", item.unit);
    put("places", text_of(item.places));
    put("months", text_of(item.months));
  });
  put_rows(values, "language_requirements", info.language_requirements, [](const auto& item, auto put) {
    put("language", item.language);
    put("cefr_level", item.cefr_level);
  });
  put_rows(values, "links", info.links, [](const auto& item, auto put) {
    put("title", item.title);
    put("url", item.url);
  });
  put_rows(values, "student_reports", info.student_reports, [](const auto& item, auto put) {
    put("author", item.author);
    put("semester", item.semester);
    put("text", item.text);
  });
  return values;
}

FormValues compacted_information_values(const FormValues& submitted) {
  FormValues values = compact_rows(submitted, "study_places", kPlaceFields, kMaxRows);
  values = compact_rows(values, "language_requirements", kLanguageFields, kMaxRows);
  values = compact_rows(values, "links", kLinkFields, kMaxRows);
  return compact_rows(values, "student_reports", kReportFields, kMaxRows);
}

AgreementInformation information_from_values(const FormValues& values) {
  AgreementInformation info;
  info.city = value_of(values, "city");
  info.country_code = value_of(values, "country_code");
  info.visa_and_residence = value_of(values, "visa_and_residence");
  info.tuition_fees = value_of(values, "tuition_fees");
  info.autumn_deadline = value_of(values, "autumn_deadline");
  info.spring_deadline = value_of(values, "spring_deadline");
  info.study_places = take_rows<agreements::StudyPlaces>(values, "study_places", kPlaceFields, [](auto get) {
    return agreements::StudyPlaces{get("level"), get("subject_area"),           get("isced_f_code"),
                                   get("unit"),  number_or_zero(get("places")), number_or_zero(get("months"))};
  });
  info.language_requirements =
      take_rows<agreements::LanguageRequirement>(values, "language_requirements", kLanguageFields, [](auto get) {
        return agreements::LanguageRequirement{get("language"), get("cefr_level")};
      });
  info.links = take_rows<agreements::InformationLink>(values, "links", kLinkFields, [](auto get) {
    return agreements::InformationLink{get("title"), get("url")};
  });
  info.student_reports = take_rows<agreements::StudentReport>(values, "student_reports", kReportFields, [](auto get) {
    return agreements::StudentReport{get("author"), get("semester"), get("text")};
  });
  return info;
}

data information_form_view(const FormView& view) {
  data form;
  form.set("place_fields", view.fields(kPlaceAndDeadlineFields));
  form.set("rules_fields", view.fields(kRulesFields));
  form.set("study_places", view.rows("study_places", kPlaceFields, kBlankRows));
  form.set("language_requirements", view.rows("language_requirements", kLanguageFields, kBlankRows));
  form.set("links", view.rows("links", kLinkFields, kBlankRows));
  form.set("student_reports", view.rows("student_reports", kReportFields, 1));
  return form;
}

}  // namespace mobility::portal
