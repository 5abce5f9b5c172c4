#include "agreements/host_courses.hpp"

#include <string>

#include "base/pattern.hpp"
#include "db/audit_events.hpp"
#include "db/transaction.hpp"

namespace mobility::agreements {
namespace {

constexpr size_t kMaxCode = 64;
constexpr size_t kMaxTitle = 300;

// A decimal with at most one decimal place from 0.5 to 60 ("7.5", "10").
bool is_credits(const std::string& text) {
  if (!matches(text, "[0-9]{1,2}(\\.[0-9])?")) return false;
  double value = std::stod(text);
  return value >= 0.5 && value <= 60;
}

bool is_term(const std::string& term) { return term == "autumn" || term == "spring" || term == "year"; }

HostCourseOutcome refused(const char* key) { return {0, key, {}}; }

HostCourseOutcome problem(const char* field, const char* key) { return {0, std::nullopt, {{field, key}}}; }

Status audit(db::Connection& connection, const Editor& editor, const DestinationKey& key, const char* action, int64_t course_id,
             const std::string& detail) {
  std::string record = "host_course:" + key.partner_hei_id + ":" + std::to_string(course_id);
  return db::record_audit_event(connection,
                                {editor.account_id, editor.name, editor.role, key.hei_id, action, record, detail, ""});
}

// kNotFound unless the partner is one of the HEI's destinations.
Status require_destination(db::Connection& connection, const DestinationKey& key) {
  auto known = db::is_course_destination(connection, key.hei_id, key.partner_hei_id);
  if (!known) return known.status();
  if (!*known) return Status::not_found(key.partner_hei_id + " is not a partner of " + key.hei_id);
  return Status::ok();
}

// The problems of the fields, and a code another course of the list has.
Result<std::vector<FieldProblem>> problems_of(db::Connection& connection, const DestinationKey& key,
                                              const db::HostCourseFields& fields, int64_t course_id) {
  std::vector<FieldProblem> problems = check_host_course(fields);
  if (!problems.empty()) return problems;
  auto taken = db::host_course_code_taken(connection, key.hei_id, key.partner_hei_id, fields.los_code, course_id);
  if (!taken) return taken.status();
  if (*taken) problems.push_back({"los_code", "host_course_code_taken"});
  return problems;
}

// A code a concurrent add stored first reaches the database's unique constraint.
Result<HostCourseOutcome> taken_or_failure(const Status& status) {
  if (status.code() == Status::Code::kConflict) return problem("los_code", "host_course_code_taken");
  return status;
}

// The destination's course, locked until the transaction ends; kNotFound when the partner is not a
// destination of the HEI or its list has no such course.
Result<db::HostCourse> locked_course(db::Connection& connection, const DestinationKey& key, int64_t course_id) {
  if (Status known = require_destination(connection, key); !known) return known;
  auto stored = db::find_host_course(connection, key.hei_id, key.partner_hei_id, course_id, /*lock=*/true);
  if (!stored) return stored.status();
  if (!*stored) return Status::not_found("no course " + std::to_string(course_id) + " in this list");
  return **stored;
}

std::string describe(const db::HostCourseFields& fields) { return fields.los_code + " " + fields.title; }

}  // namespace

std::vector<FieldProblem> check_host_course(const db::HostCourseFields& fields) {
  FieldChecks checks;
  checks.line("los_code", fields.los_code, kMaxCode, true);
  checks.line("title", fields.title, kMaxTitle, true);
  checks.require(!fields.ects_credits.empty(), "ects_credits", "field_required");
  checks.require(is_credits(fields.ects_credits), "ects_credits", "host_course_error_credits");
  checks.require(is_term(fields.term), "term", "host_course_error_term");
  if (fields.language) checks.require(matches(*fields.language, "[a-z]{2}"), "language", "host_course_error_language");
  if (fields.eqf_level) checks.require(matches(*fields.eqf_level, "[5-8]"), "eqf_level", "host_course_error_eqf");
  if (fields.isced_f_code) checks.require(matches(*fields.isced_f_code, "[0-9]{2,4}"), "isced_f_code", "host_course_error_isced");
  if (fields.url) checks.url("url", *fields.url);
  return checks.take();
}

Result<HostCourseOutcome> add_host_course(db::Connection& connection, const DestinationKey& key,
                                          const db::HostCourseFields& fields, const Editor& editor) {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  if (Status known = require_destination(connection, key); !known) return known;
  auto problems = problems_of(connection, key, fields, 0);
  if (!problems) return problems.status();
  if (!problems->empty()) return HostCourseOutcome{0, std::nullopt, std::move(*problems)};
  auto course_id = db::insert_host_course(connection, key.hei_id, key.partner_hei_id, fields, editor.name);
  if (!course_id) return taken_or_failure(course_id.status());
  if (Status audited = audit(connection, editor, key, "host_course_added", *course_id, describe(fields)); !audited) {
    return audited;
  }
  if (Status committed = tx->commit(); !committed) return committed;
  return HostCourseOutcome{*course_id, std::nullopt, {}};
}

Result<HostCourseOutcome> change_host_course(db::Connection& connection, const DestinationKey& key, int64_t course_id,
                                             int seen_version, const db::HostCourseFields& fields, const Editor& editor) {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto stored = locked_course(connection, key, course_id);
  if (!stored) return stored.status();
  if (stored->version != seen_version) return refused("host_course_changed_meanwhile");
  auto problems = problems_of(connection, key, fields, course_id);
  if (!problems) return problems.status();
  if (!problems->empty()) return HostCourseOutcome{0, std::nullopt, std::move(*problems)};
  Status updated =
      db::update_host_course(connection, key.hei_id, key.partner_hei_id, course_id, seen_version, fields, editor.name);
  if (!updated) return taken_or_failure(updated);
  if (Status audited = audit(connection, editor, key, "host_course_changed", course_id, describe(fields)); !audited) {
    return audited;
  }
  if (Status committed = tx->commit(); !committed) return committed;
  return HostCourseOutcome{course_id, std::nullopt, {}};
}

Result<HostCourseOutcome> remove_host_course(db::Connection& connection, const DestinationKey& key, int64_t course_id,
                                             int seen_version, const Editor& editor) {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto stored = locked_course(connection, key, course_id);
  if (!stored) return stored.status();
  if (stored->version != seen_version) return refused("host_course_changed_meanwhile");
  if (Status removed = db::delete_host_course(connection, key.hei_id, key.partner_hei_id, course_id, seen_version); !removed) {
    return removed;
  }
  if (Status audited = audit(connection, editor, key, "host_course_removed", course_id, describe(stored->fields)); !audited) {
    return audited;
  }
  if (Status committed = tx->commit(); !committed) return committed;
  return HostCourseOutcome{course_id, std::nullopt, {}};
}

}  // namespace mobility::agreements
