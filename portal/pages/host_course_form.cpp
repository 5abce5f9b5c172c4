#include "portal/pages/host_course_form.hpp"

#include "base/text.hpp"

namespace mobility::portal {
namespace {

std::string trimmed(const FormValues& values, const std::string& name) {
  return std::string(trim_blanks(value_of(values, name)));
}

std::optional<std::string> optional_value(const FormValues& values, const std::string& name) {
  std::string value = trimmed(values, name);
  return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

}  // namespace

const std::vector<FieldSpec>& host_course_specs() {
  static const std::vector<FieldSpec> specs = {
      {"los_code", "host_course_code", FieldKind::kText, {}, "host_course_code_hint"},
      {"title", "host_course_title", FieldKind::kText},
      {"ects_credits", "host_course_credits", FieldKind::kText, {}, "host_course_credits_hint"},
      {"term",
       "host_course_term",
       FieldKind::kSelect,
       {{"autumn", "host_course_term_autumn"}, {"spring", "host_course_term_spring"}, {"year", "host_course_term_year"}}},
      {"language", "host_course_language", FieldKind::kText, {}, "host_course_language_hint"},
      {"eqf_level",
       "host_course_eqf",
       FieldKind::kSelect,
       {{"", "host_course_eqf_none"},
        {"5", "host_course_eqf_5"},
        {"6", "host_course_eqf_6"},
        {"7", "host_course_eqf_7"},
        {"8", "host_course_eqf_8"}}},
      {"isced_f_code", "host_course_isced", FieldKind::kText, {}, "host_course_isced_hint"},
      {"url", "host_course_url", FieldKind::kText, {}, "host_course_url_hint"},
  };
  return specs;
}

db::HostCourseFields host_course_from_values(const FormValues& values) {
  std::string credits = with_decimal_point(trimmed(values, "ects_credits"));
  return {trimmed(values, "los_code"),
          trimmed(values, "title"),
          credits,
          trimmed(values, "term"),
          optional_value(values, "language"),
          optional_value(values, "eqf_level"),
          optional_value(values, "isced_f_code"),
          optional_value(values, "url")};
}

FormValues host_course_values(const db::HostCourseFields& fields) {
  return {{"los_code", fields.los_code},
          {"title", fields.title},
          {"ects_credits", fields.ects_credits},
          {"term", fields.term},
          {"language", fields.language.value_or("")},
          {"eqf_level", fields.eqf_level.value_or("")},
          {"isced_f_code", fields.isced_f_code.value_or("")},
          {"url", fields.url.value_or("")}};
}

std::string term_key(const std::string& term) { return "host_course_term_" + term; }

}  // namespace mobility::portal
