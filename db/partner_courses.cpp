#include "db/partner_courses.hpp"

#include "db/partner_reference_data.hpp"
#include "db/transaction.hpp"

namespace mobility::db {
namespace {

constexpr const char* kInsert = R"(
    INSERT INTO partner_course (hei_id, los_id, loi_id, los_code, title, title_language, ects_credits, isced_f_code,
                                eqf_level, language, starts_on, ends_on, url, fetched_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7::numeric, $8, $9::smallint, $10, $11::date, $12::date, $13, now()))";

Status insert_row(Transaction& tx, const std::string& hei_id, const PartnerCourse& course,
                  const PartnerCourseInstance* instance) {
  auto field = [&](auto member) -> Param { return instance ? Param(instance->*member) : Param(std::nullopt); };
  return tx
      .exec(kInsert, {hei_id, course.los_id, field(&PartnerCourseInstance::loi_id), course.los_code, course.title,
                      course.title_language, field(&PartnerCourseInstance::ects_credits), course.isced_f_code, course.eqf_level,
                      field(&PartnerCourseInstance::language), field(&PartnerCourseInstance::start),
                      field(&PartnerCourseInstance::end), course.url})
      .status()
      .with_context("course " + course.los_id + (instance ? " instance " + instance->loi_id : ""));
}

Result<std::vector<PartnerCourseRow>> select_rows(Connection& connection, const std::string& where, const Params& params) {
  auto rows = connection.exec(R"(
    SELECT los_id, loi_id, los_code, title, trim_scale(ects_credits)::text AS ects_credits, term, starts_on::text AS starts_on,
           ends_on::text AS ends_on, language, eqf_level::text AS eqf_level, isced_f_code, url
      FROM partner_course
     WHERE hei_id = $1 AND (ends_on IS NULL OR ends_on >= current_date) AND )" +
                                  where + " ORDER BY title, los_code, starts_on, loi_id",
                              params);
  if (!rows) return rows.status();
  std::vector<PartnerCourseRow> found;
  for (Row row : *rows) {
    auto text = [&](const char* name) { return row.get<std::optional<std::string>>(name); };
    found.push_back({row.get<std::string>("los_id"), text("loi_id"), text("los_code"), row.get<std::string>("title"),
                     text("ects_credits"), text("term"), text("starts_on"), text("ends_on"), text("language"), text("eqf_level"),
                     text("isced_f_code"), text("url")});
  }
  return found;
}

}  // namespace

Status store_partner_courses(Connection& connection, const std::string& hei_id, const std::vector<PartnerCourse>& courses) {
  auto tx = Transaction::begin(connection);
  if (!tx) return tx.status();
  if (Status partner = require_partner_hei(connection, hei_id); !partner) return partner;
  if (auto deleted = tx->exec("DELETE FROM partner_course WHERE hei_id = $1", {hei_id}); !deleted) return deleted.status();
  for (const PartnerCourse& course : courses) {
    if (course.instances.empty()) {
      if (Status row = insert_row(*tx, hei_id, course, nullptr); !row) return row;
    }
    for (const PartnerCourseInstance& instance : course.instances) {
      if (Status row = insert_row(*tx, hei_id, course, &instance); !row) return row;
    }
  }
  return tx->commit();
}

Result<PartnerCourseCopy> list_partner_courses(Connection& connection, const std::string& hei_id,
                                               const HostCourseFilter& filter) {
  auto rows = select_rows(connection,
                          "($2 = '' OR strpos(lower(COALESCE(los_code, '') || ' ' || title), lower($2)) > 0)"
                          " AND ($3 = '' OR term IN ($3, 'year'))",
                          {hei_id, filter.search, filter.term});
  if (!rows) return rows.status();
  PartnerCourseCopy copy;
  copy.rows = std::move(*rows);
  auto fetched = connection.exec(
      "SELECT to_char(max(fetched_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM partner_course WHERE hei_id = $1", {hei_id});
  if (!fetched) return fetched.status();
  copy.fetched_at = fetched->front().get<std::optional<std::string>>(0);
  return copy;
}

Result<std::optional<PartnerCourseRow>> find_partner_course(Connection& connection, const std::string& hei_id,
                                                            const std::string& los_id, const std::optional<std::string>& loi_id) {
  auto rows = select_rows(connection, "los_id = $2 AND loi_id IS NOT DISTINCT FROM $3", {hei_id, los_id, loi_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<PartnerCourseRow>();
  return std::optional<PartnerCourseRow>(rows->front());
}

}  // namespace mobility::db
