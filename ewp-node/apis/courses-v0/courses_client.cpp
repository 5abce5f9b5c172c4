#include "ewp-node/apis/courses-v0/courses_client.hpp"

#include <algorithm>
#include <cctype>

#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/shared_types_reader.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kNs = ns::kCoursesResponse;

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// xs:date "YYYY-MM-DD", perhaps with a time zone ("Z", "+01:00"), which is dropped.
std::optional<std::string> date_of(const std::string& text) {
  if (text.size() < 10) return std::nullopt;
  for (size_t i = 0; i < 10; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : !is_digit(text[i])) return std::nullopt;
  }
  std::string zone = text.substr(10);
  if (!zone.empty() && zone != "Z" && !(zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':')) {
    return std::nullopt;
  }
  return text.substr(0, 10);
}

// xs:decimal without exponent: digits with at most one point, perhaps a sign.
bool is_decimal(const std::string& text) {
  size_t start = !text.empty() && (text[0] == '+' || text[0] == '-') ? 1 : 0;
  bool digit = false;
  bool point = false;
  for (size_t i = start; i < text.size(); ++i) {
    if (is_digit(text[i])) {
      digit = true;
    } else if (text[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digit;
}

bool is_english(const std::string& language) { return language == "en" || language.starts_with("en-"); }

void read_title(xmlNodePtr los, db::PartnerCourse& course) {
  auto titles = read_names(los, kNs, "title");
  auto english = std::find_if(titles.begin(), titles.end(), [](const auto& title) { return is_english(title.first); });
  auto chosen = english != titles.end() ? english : titles.begin();
  if (chosen == titles.end()) {
    course.title = course.los_code.value_or(course.los_id);
    return;
  }
  course.title = chosen->second;
  if (!chosen->first.empty()) course.title_language = chosen->first;
}

Result<std::optional<std::string>> ects_credits(xmlNodePtr loi, const std::string& where) {
  for (xmlNodePtr credit : child_elements(loi, kNs, "credit")) {
    if (element_text(first_child_element(credit, kNs, "scheme")) != "ects") continue;
    std::string value = element_text(first_child_element(credit, kNs, "value"));
    if (!is_decimal(value)) return Status::invalid_argument(where + ": the ECTS credits are not a number: " + value);
    return std::optional<std::string>(value);
  }
  return std::optional<std::string>();
}

Result<db::PartnerCourseInstance> read_instance(xmlNodePtr loi, const std::string& los_id) {
  db::PartnerCourseInstance instance;
  instance.loi_id = element_text(first_child_element(loi, kNs, "loi-id"));
  std::string where = "course " + los_id + " instance " + instance.loi_id;
  for (auto [name, target] : {std::pair{"start", &instance.start}, std::pair{"end", &instance.end}}) {
    std::string text = element_text(first_child_element(loi, kNs, name));
    auto date = date_of(text);
    if (!date) return Status::invalid_argument(where + ": " + name + " is not a date (YYYY-MM-DD): " + text);
    *target = *date;
  }
  auto credits = ects_credits(loi, where);
  if (!credits) return credits.status();
  instance.ects_credits = *credits;
  instance.language = optional_child_text(loi, kNs, "languageOfInstruction");
  return instance;
}

Result<db::PartnerCourse> read_course(xmlNodePtr los) {
  db::PartnerCourse course;
  course.los_id = element_text(first_child_element(los, kNs, "los-id"));
  course.los_code = optional_child_text(los, kNs, "los-code");
  read_title(los, course);
  course.isced_f_code = optional_child_text(los, kNs, "iscedCode");
  if (auto eqf = optional_child_text(los, kNs, "eqfLevelProvided")) {
    if (eqf->size() != 1 || (*eqf)[0] < '1' || (*eqf)[0] > '8') {
      return Status::invalid_argument("course " + course.los_id + ": eqfLevelProvided is not a level 1 to 8: " + *eqf);
    }
    course.eqf_level = (*eqf)[0] - '0';
  }
  course.url = optional_child_text(los, kNs, "url");
  for (xmlNodePtr loi : child_elements(first_child_element(los, kNs, "specifies"), kNs, "learningOpportunityInstance")) {
    auto instance = read_instance(loi, course.los_id);
    if (!instance) return instance.status();
    course.instances.push_back(std::move(*instance));
  }
  return course;
}

}  // namespace

Result<std::vector<db::PartnerCourse>> read_courses_response(std::string_view xml) {
  auto doc = parse_answer(xml, kNs, "courses-response", "Courses v0");
  if (!doc) return doc.status();
  std::vector<db::PartnerCourse> courses;
  for (xmlNodePtr los : child_elements(xmlDocGetRootElement(doc->get()), kNs, "learningOpportunitySpecification")) {
    auto course = read_course(los);
    if (!course) return course.status();
    courses.push_back(std::move(*course));
  }
  return courses;
}

Result<Answered<std::vector<db::PartnerCourse>>> get_courses(EwpClient& client, const std::string& hei_id,
                                                             const std::vector<std::string>& los_ids) {
  ApiCall call{hei_id, ns::kCoursesEntry, "courses", "url", "GET", {{"hei_id", hei_id}}};
  return call_in_batches<db::PartnerCourse>(client, call, "los_id", los_ids, max_ids_setting(client, call, "max-los-ids"),
                                            read_courses_response);
}

}  // namespace mobility::ewp
