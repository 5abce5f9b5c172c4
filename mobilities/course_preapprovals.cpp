#include "mobilities/course_preapprovals.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "db/mail_outbox.hpp"
#include "db/mobilities.hpp"
#include "db/transaction.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/problem_list.hpp"

namespace mobility::mobilities {
namespace {

constexpr size_t kMaxTitle = 300;
constexpr size_t kMaxCode = 64;
constexpr size_t kMaxComment = 5000;

// A decimal with at most one decimal place between `low` and 60 ("7.5", "10").
bool is_credits(const std::string& text, double low) {
  if (text.size() > 5 || !matches(text, "[0-9]{1,2}(\\.[0-9])?")) return false;
  double value = std::stod(text);
  return value >= low && value <= 60;
}

void optional_line(ProblemList& problems, const std::string& field, const std::optional<std::string>& value, size_t max) {
  if (value) problems.line(field, *value, max);
}

// The mobility, when it may still get pre-approval lines; kNotFound or kConflict otherwise.
Result<db::OMobilityRecord> open_mobility(db::Connection& connection, const std::string& omobility_id) {
  auto record = db::find_omobility(connection, omobility_id, /*lock=*/true);
  if (!record) return record.status();
  if (!*record) return Status::not_found("no mobility " + omobility_id);
  if ((*record)->status == "cancelled" || (*record)->status == "rejected") {
    return Status::conflict("the mobility is " + (*record)->status);
  }
  return **record;
}

Result<int> lines_waiting(db::Connection& connection, const std::string& omobility_id) {
  auto lines = db::list_preapproval_lines(connection, omobility_id);
  if (!lines) return lines.status();
  int waiting = 0;
  for (const auto& line : *lines) waiting += line.state == "proposed" ? 1 : 0;
  return waiting;
}

// Queues `kind` about the mobility for `accounts`.
Status tell(db::Connection& connection, const db::OMobilityRecord& record, const std::string& kind,
            const std::vector<int64_t>& accounts, const std::string& link, bool digestible) {
  auto mobility = mobility_from_json_text(record.content_json);
  if (!mobility) return mobility.status();
  nlohmann::json parameters{{"omobility_id", record.omobility_id},
                            {"student", mobility->student.given_names + " " + mobility->student.family_name},
                            {"sending_hei_id", record.sending_hei_id},
                            {"receiving_hei_id", record.receiving_hei_id},
                            {"link", link}};
  for (int64_t account_id : accounts) {
    auto queued = db::enqueue_mail(connection, {kind, account_id, parameters.dump(), std::nullopt, digestible});
    if (!queued) return queued.status();
  }
  return Status::ok();
}

Status tell_staff(db::Connection& connection, const db::OMobilityRecord& record) {
  auto mobility = mobility_from_json_text(record.content_json);
  if (!mobility) return mobility.status();
  auto staff = db::staff_to_tell(connection, record.sending_hei_id, mobility->nomination.sending.ounit_id);
  if (!staff) return staff.status();
  return tell(connection, record, "preapproval_to_decide", *staff, "/mobilities/outgoing/" + record.omobility_id, true);
}

Status tell_student(db::Connection& connection, const db::OMobilityRecord& record) {
  if (!record.student_id) return Status::ok();
  auto accounts = db::student_accounts(connection, record.sending_hei_id, *record.student_id);
  if (!accounts) return accounts.status();
  return tell(connection, record, "preapproval_decided", *accounts, "/my-exchange/mobilities/" + record.omobility_id, false);
}

}  // namespace

std::vector<RuleProblem> check_course_mapping(const db::CourseMapping& mapping) {
  ProblemList problems;
  problems.line("host_course_title", mapping.host_course_title, kMaxTitle);
  optional_line(problems, "host_course_code", mapping.host_course_code, kMaxCode);
  problems.require(is_credits(mapping.host_credits, 0.5), "host_credits", "is not a number of credits from 0.5 to 60");
  problems.require(term_id_from_text(mapping.term).has_value(), "term",
                   "is not a term such as 1/2 (term 1 of 2; at most 9 terms)");
  optional_line(problems, "home_course_code", mapping.home_course_code, kMaxCode);
  optional_line(problems, "home_course_title", mapping.home_course_title, kMaxTitle);
  problems.require(is_credits(mapping.home_credits, 0), "home_credits", "is not a number of credits from 0 to 60");
  return problems.take();
}

namespace {

// The host course of `mapping` as a component of table A, in the line's term.
Component host_component(const db::CourseMapping& mapping) {
  Component host;
  host.los_id = mapping.host_los_id;
  host.los_code = mapping.host_course_code;
  host.title = mapping.host_course_title;
  host.loi_id = mapping.host_loi_id;
  host.term = term_id_from_text(mapping.term);
  host.credits = {{"ects", mapping.host_credits}};
  return host;
}

// The home course `mapping` counts as, when it names one, as a component of table B, in the
// line's term.
std::optional<Component> home_component(const db::CourseMapping& mapping) {
  if (!mapping.home_course_title && !mapping.home_course_code) return std::nullopt;
  Component home;
  home.los_code = mapping.home_course_code;
  home.title = mapping.home_course_title ? *mapping.home_course_title : *mapping.home_course_code;
  home.term = term_id_from_text(mapping.term);
  home.credits = {{"ects", mapping.home_credits}};
  return home;
}

bool same_course(const Component& component, const db::CourseMapping& mapping) {
  if (mapping.host_los_id && component.los_id) return component.los_id == mapping.host_los_id;
  if (mapping.host_course_code) return component.los_code == mapping.host_course_code;
  return !component.los_code && component.title == mapping.host_course_title;
}

bool studies(const LaVersion& version, const db::CourseMapping& mapping) {
  const auto* studied = version.components(ComponentTable::kStudied);
  if (studied == nullptr) return false;
  return std::any_of(studied->begin(), studied->end(), [&](const Component& component) {
    return component.change != ChangeStatus::kDeleted && same_course(component, mapping);
  });
}

}  // namespace

TermId first_term(const Mobility& mobility) {
  const auto& term = mobility.nomination.sending_academic_term_id;
  if (term && is_academic_term_id(*term)) {
    if (auto parsed = term_id_from_text(std::string_view(*term).substr(term->size() - 3))) return *parsed;
  }
  return TermId{1, 2};
}

db::CourseMapping with_listed_course(db::CourseMapping mapping, const db::HostCourse& course) {
  mapping.host_course_code = course.fields.los_code;
  mapping.host_course_title = course.fields.title;
  mapping.host_credits = course.fields.ects_credits;
  return mapping;
}

db::CourseMapping with_catalogue_course(db::CourseMapping mapping, const db::PartnerCourseRow& course) {
  mapping.host_course_code = course.los_code.value_or(course.los_id);
  mapping.host_course_title = course.title;
  if (course.ects_credits) mapping.host_credits = *course.ects_credits;
  mapping.host_los_id = course.los_id;
  mapping.host_loi_id = course.loi_id;
  return mapping;
}

LaVersion draft_from_preapproval(const std::vector<db::PreapprovalLine>& lines) {
  std::vector<Component> studied;
  std::vector<Component> recognized;
  for (const db::PreapprovalLine& line : lines) {
    if (line.state != "approved" || line.mapping.alternative) continue;
    studied.push_back(host_component(line.mapping));
    if (auto home = home_component(line.mapping)) recognized.push_back(*home);
  }
  // Filled apart: components_of() may add a table, which moves the others.
  LaVersion version;
  version.components_of(ComponentTable::kStudied) = std::move(studied);
  version.components_of(ComponentTable::kRecognized) = std::move(recognized);
  return version;
}

std::vector<db::PreapprovalLine> alternatives_to_add(const std::vector<db::PreapprovalLine>& lines,
                                                     const std::vector<const LaVersion*>& agreed) {
  std::vector<db::PreapprovalLine> open;
  for (const auto& line : lines) {
    if (line.state != "approved" || !line.mapping.alternative) continue;
    if (std::none_of(agreed.begin(), agreed.end(), [&](const LaVersion* v) { return v && studies(*v, line.mapping); })) {
      open.push_back(line);
    }
  }
  return open;
}

AlternativeComponents alternative_components(const db::CourseMapping& mapping) {
  AlternativeComponents components{host_component(mapping), std::nullopt};
  components.studied.change = ChangeStatus::kInserted;
  components.studied.reason_code = "substituting-deleted";
  components.recognized = home_component(mapping);
  if (components.recognized) {
    components.recognized->change = ChangeStatus::kInserted;
    components.recognized->reason_code = "substituting-deleted";
  }
  return components;
}

Result<int64_t> CoursePreapprovals::propose(db::Connection& connection, const std::string& omobility_id,
                                            const db::CourseMapping& mapping) const {
  if (Status problems = problems_status(check_course_mapping(mapping)); !problems) return problems;
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto record = open_mobility(connection, omobility_id);
  if (!record) return record.status();
  auto waiting = lines_waiting(connection, omobility_id);
  if (!waiting) return waiting.status();
  auto line_id = db::add_preapproval_line(connection, omobility_id, mapping);
  if (!line_id) return line_id.status();
  if (*waiting == 0) {
    if (Status told = tell_staff(connection, *record); !told) return told;
  }
  if (Status committed = tx->commit(); !committed) return committed;
  return *line_id;
}

Status CoursePreapprovals::withdraw(db::Connection& connection, const std::string& omobility_id, int64_t line_id) const {
  return db::decide_preapproval_line(connection, omobility_id, line_id, "withdrawn", std::nullopt, std::nullopt);
}

Status CoursePreapprovals::decide(db::Connection& connection, const std::string& omobility_id, int64_t line_id,
                                  LineDecision decision, const std::optional<std::string>& comment,
                                  const agreements::Editor& editor) const {
  if (comment && (comment->size() > kMaxComment || !is_clean_utf8(*comment))) {
    return Status::invalid_argument("comment: must be text of at most 5000 bytes");  // also for an approval
  }
  if (decision == LineDecision::kReject && (!comment || trim_blanks(*comment).empty())) {
    return Status::invalid_argument("comment: a rejection needs a reason");
  }
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto record = open_mobility(connection, omobility_id);
  if (!record) return record.status();
  const char* state = decision == LineDecision::kApprove ? "approved" : "rejected";
  std::optional<std::string> kept = comment && !trim_blanks(*comment).empty() ? comment : std::nullopt;
  if (Status decided = db::decide_preapproval_line(connection, omobility_id, line_id, state, kept, editor.name); !decided) {
    return decided;
  }
  auto waiting = lines_waiting(connection, omobility_id);
  if (!waiting) return waiting.status();
  if (*waiting == 0) {
    if (Status told = tell_student(connection, *record); !told) return told;
  }
  return tx->commit();
}

}  // namespace mobility::mobilities
