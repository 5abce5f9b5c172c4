#include "db/agreement_information.hpp"

namespace mobility::db {
namespace {

constexpr const char* kIso = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";

std::string timestamp(const char* column) {
  return std::string("to_char(") + column + " AT TIME ZONE 'UTC', " + kIso + ") AS " + column;
}

std::string version_columns() {
  return "v.hei_id, v.partner_hei_id, v.version_number, v.state, v.content::text AS content, " + timestamp("saved_at") +
         ", v.saved_by_account_id, v.saved_by, v.reason, " + timestamp("submitted_at") +
         ", v.submitted_by_account_id, v.submitted_by, " + timestamp("reviewed_at") + ", v.reviewed_by, v.review_comment, " +
         timestamp("published_at");
}

// The name of HEI `h` in the language $2, else English, else any (as agreements::preferred_name chooses).
constexpr const char* kPartnerName =
    "coalesce((SELECT n.name FROM hei_name n WHERE n.hei_id = h.hei_id "
    "ORDER BY n.lang = $2 DESC, n.lang = 'en' DESC, n.lang LIMIT 1), h.hei_id) AS name";

InformationVersionRecord version_from(const Row& row) {
  return {row.get<std::string>("hei_id"),
          row.get<std::string>("partner_hei_id"),
          row.get<int>("version_number"),
          row.get<std::string>("state"),
          row.get<std::string>("content"),
          row.get<std::string>("saved_at"),
          row.get<std::optional<int64_t>>("saved_by_account_id"),
          row.get<std::string>("saved_by"),
          row.get<std::string>("reason"),
          row.get<std::optional<std::string>>("submitted_at"),
          row.get<std::optional<int64_t>>("submitted_by_account_id"),
          row.get<std::optional<std::string>>("submitted_by"),
          row.get<std::optional<std::string>>("reviewed_at"),
          row.get<std::optional<std::string>>("reviewed_by"),
          row.get<std::optional<std::string>>("review_comment"),
          row.get<std::optional<std::string>>("published_at")};
}

Result<std::vector<InformationVersionRecord>> versions_where(Connection& connection, const std::string& condition,
                                                             const Params& params) {
  auto rows = connection.exec("SELECT " + version_columns() + " FROM agreement_information_version v WHERE " + condition, params);
  if (!rows) return rows.status();
  std::vector<InformationVersionRecord> versions;
  for (Row row : *rows) versions.push_back(version_from(row));
  return versions;
}

Result<std::optional<InformationVersionRecord>> one_version_where(Connection& connection, const std::string& condition,
                                                                  const Params& params) {
  auto versions = versions_where(connection, condition, params);
  if (!versions) return versions.status();
  if (versions->empty()) return std::optional<InformationVersionRecord>();
  return std::optional<InformationVersionRecord>(std::move(versions->front()));
}

// Constraint refusals are the caller's input; everything else passes through.
Status refused_input(const Status& status, const std::string& what) {
  const std::string& sqlstate = status.sqlstate();
  if (sqlstate.starts_with("22") || sqlstate == "23502" || sqlstate == "23503" || sqlstate == "23514") {
    return Status::invalid_argument(what + ": " + status.message(), sqlstate);
  }
  return status.with_context(what);
}

// Runs an UPDATE of one version that must change exactly one row.
Status update_one(Connection& connection, const std::string& sql, const Params& params, const std::string& what) {
  auto rows = connection.exec(sql, params);
  if (!rows) return refused_input(rows.status(), what);
  if (rows->affected() != 1) return Status::conflict(what + ": the version is not in the state this step starts from");
  return Status::ok();
}

}  // namespace

Result<std::optional<LockedDestination>> lock_information_destination(Connection& connection, const std::string& hei_id,
                                                                      const std::string& partner_hei_id) {
  auto rows = connection.exec(R"(
    SELECT i.iia_id,
           (SELECT coalesce(max(version_number), 0) FROM agreement_information_version v
             WHERE v.hei_id = i.hei_id AND v.partner_hei_id = i.partner_hei_id) AS newest,
           (SELECT version_number FROM agreement_information_version v
             WHERE v.hei_id = i.hei_id AND v.partner_hei_id = i.partner_hei_id AND v.state = 'published') AS published
      FROM agreement_information i
     WHERE i.hei_id = $1 AND i.partner_hei_id = $2
       FOR UPDATE)",
                              {hei_id, partner_hei_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<LockedDestination>();
  Row row = rows->front();
  LockedDestination locked{row.get<std::optional<std::string>>("iia_id"), row.get<int>("newest"), std::nullopt,
                           row.get<std::optional<int>>("published")};
  auto open = one_version_where(connection, "v.hei_id = $1 AND v.partner_hei_id = $2 AND v.state IN ('draft', 'in_review')",
                                {hei_id, partner_hei_id});
  if (!open) return open.status();
  locked.open = std::move(*open);
  return std::optional<LockedDestination>(std::move(locked));
}

Status put_information_destination(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                   const std::optional<std::string>& iia_id) {
  auto rows = connection.exec(R"(
    INSERT INTO agreement_information (hei_id, partner_hei_id, iia_id)
    SELECT $1::text, $2::text, $3::text
     WHERE $3::text IS NULL
        OR EXISTS (SELECT 1 FROM iia WHERE hei_id = $1::text AND iia_id = $3::text AND partner_hei_id = $2::text)
    ON CONFLICT (hei_id, partner_hei_id) DO UPDATE SET iia_id = EXCLUDED.iia_id)",
                              {hei_id, partner_hei_id, iia_id});
  if (!rows) return refused_input(rows.status(), "the destination " + partner_hei_id + " was not stored");
  if (rows->affected() != 1) return Status::invalid_argument("the IIA is not ours with " + partner_hei_id);
  return Status::ok();
}

Status insert_information_draft(Connection& connection, const NewInformationVersion& version) {
  auto rows = connection.exec(R"(
    INSERT INTO agreement_information_version (hei_id, partner_hei_id, version_number, state, content,
                                               saved_by_account_id, saved_by, reason)
    VALUES ($1, $2, $3, 'draft', $4::jsonb, $5, $6, $7))",
                              {version.hei_id, version.partner_hei_id, version.version_number, version.content_json,
                               version.saved_by_account_id, version.saved_by, version.reason});
  if (!rows) return refused_input(rows.status(), "the information was not saved");
  return Status::ok();
}

Status supersede_information_version(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                     int version_number) {
  return update_one(connection, R"(
    UPDATE agreement_information_version SET state = 'superseded'
     WHERE hei_id = $1 AND partner_hei_id = $2 AND version_number = $3 AND state IN ('draft', 'published'))",
                    {hei_id, partner_hei_id, version_number}, "superseding version " + std::to_string(version_number));
}

Status mark_information_submitted(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                  int version_number, const ReviewMark& mark) {
  return update_one(connection, R"(
    UPDATE agreement_information_version
       SET state = 'in_review', submitted_at = now(), submitted_by_account_id = $4, submitted_by = $5
     WHERE hei_id = $1 AND partner_hei_id = $2 AND version_number = $3 AND state = 'draft')",
                    {hei_id, partner_hei_id, version_number, mark.account_id, mark.by}, "submitting the information");
}

Status mark_information_published(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                  int version_number, const ReviewMark& mark) {
  auto previous = connection.exec(R"(
    UPDATE agreement_information_version SET state = 'superseded'
     WHERE hei_id = $1 AND partner_hei_id = $2 AND state = 'published')",
                                  {hei_id, partner_hei_id});
  if (!previous) return previous.status();
  return update_one(connection, R"(
    UPDATE agreement_information_version
       SET state = 'published', published_at = now(), reviewed_at = now(), reviewed_by = $4, review_comment = NULL
     WHERE hei_id = $1 AND partner_hei_id = $2 AND version_number = $3 AND state = 'in_review')",
                    {hei_id, partner_hei_id, version_number, mark.by}, "publishing the information");
}

Status mark_information_returned(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                 int version_number, const ReviewMark& mark) {
  return update_one(connection, R"(
    UPDATE agreement_information_version
       SET state = 'draft', reviewed_at = now(), reviewed_by = $4, review_comment = $5
     WHERE hei_id = $1 AND partner_hei_id = $2 AND version_number = $3 AND state = 'in_review')",
                    {hei_id, partner_hei_id, version_number, mark.by, mark.comment}, "returning the information");
}

Result<std::optional<InformationVersionRecord>> find_information_version(Connection& connection, const std::string& hei_id,
                                                                         const std::string& partner_hei_id, int version_number) {
  return one_version_where(connection, "v.hei_id = $1 AND v.partner_hei_id = $2 AND v.version_number = $3",
                           {hei_id, partner_hei_id, version_number});
}

Result<std::optional<InformationVersionRecord>> published_information(Connection& connection, const std::string& hei_id,
                                                                      const std::string& partner_hei_id) {
  return one_version_where(connection, "v.hei_id = $1 AND v.partner_hei_id = $2 AND v.state = 'published'",
                           {hei_id, partner_hei_id});
}

Result<std::vector<InformationVersionRecord>> list_information_versions(Connection& connection, const std::string& hei_id,
                                                                        const std::string& partner_hei_id) {
  return versions_where(connection, "v.hei_id = $1 AND v.partner_hei_id = $2 ORDER BY v.version_number DESC",
                        {hei_id, partner_hei_id});
}

Result<std::vector<DestinationSummary>> list_information_destinations(Connection& connection, const std::string& hei_id,
                                                                      const std::string& language) {
  auto rows = connection.exec(std::string("SELECT h.hei_id, h.city, h.country_code, i.iia_id, ") + kPartnerName + R"(,
           (SELECT state FROM agreement_information_version v
             WHERE v.hei_id = $1 AND v.partner_hei_id = h.hei_id AND v.state IN ('draft', 'in_review')) AS open_state,
           (SELECT version_number FROM agreement_information_version v
             WHERE v.hei_id = $1 AND v.partner_hei_id = h.hei_id AND v.state = 'published') AS published
      FROM hei h
      LEFT JOIN agreement_information i ON i.hei_id = $1 AND i.partner_hei_id = h.hei_id
     WHERE h.hei_id NOT IN (SELECT hei_id FROM hosted_hei)
       AND EXISTS (SELECT 1 FROM partner_link l WHERE l.hei_id = $1 AND l.partner_hei_id = h.hei_id)
     ORDER BY name, h.hei_id)",
                              {hei_id, language});
  if (!rows) return rows.status();
  std::vector<DestinationSummary> destinations;
  for (Row row : *rows) {
    destinations.push_back({row.get<std::string>("hei_id"), row.get<std::string>("name"),
                            row.get<std::optional<std::string>>("city"), row.get<std::optional<std::string>>("country_code"),
                            row.get<std::optional<std::string>>("iia_id"), row.get<std::optional<std::string>>("open_state"),
                            row.get<std::optional<int>>("published")});
  }
  return destinations;
}

Result<std::vector<InformationVersionRecord>> list_information_in_review(Connection& connection, const std::string& hei_id) {
  return versions_where(connection, "v.hei_id = $1 AND v.state = 'in_review' ORDER BY v.submitted_at, v.partner_hei_id",
                        {hei_id});
}

Result<std::vector<PublishedDestination>> list_published_destinations(Connection& connection, const std::string& hei_id,
                                                                      const DestinationFilter& filter,
                                                                      const std::string& language) {
  // strpos instead of LIKE: the student's text is matched literally, '%' and '_' included.
  auto rows = connection.exec(
      std::string("SELECT h.hei_id, v.content::text AS content, ") + kPartnerName + R"(
      FROM agreement_information_version v
      JOIN hei h ON h.hei_id = v.partner_hei_id
     WHERE v.hei_id = $1 AND v.state = 'published'
       AND ($3 = '' OR upper(v.content->>'country_code') = upper($3))
       AND ($4 = '' OR strpos(lower(v.content->>'city'), lower($4)) > 0)
       AND ($5 = '' OR EXISTS (SELECT 1 FROM jsonb_array_elements(v.content->'study_places') p
                                WHERE strpos(lower(p->>'subject_area'), lower($5)) > 0
                                   OR starts_with(p->>'isced_f_code', $5)))
       AND ($6 = '' OR EXISTS (SELECT 1 FROM jsonb_array_elements(v.content->'language_requirements') l
                                WHERE lower(l->>'language') = lower($6)))
       AND ($7 = '' OR EXISTS (SELECT 1 FROM jsonb_array_elements(v.content->'study_places') p WHERE p->>'level' = $7))
       AND ($8 = '' OR coalesce(v.content->>($8 || '_deadline'), '') <> '')
     ORDER BY name, h.hei_id)",
      {hei_id, language, filter.country_code, filter.city, filter.subject, filter.language, filter.level, filter.semester});
  if (!rows) return rows.status();
  std::vector<PublishedDestination> destinations;
  for (Row row : *rows) {
    destinations.push_back({row.get<std::string>("hei_id"), row.get<std::string>("name"), row.get<std::string>("content")});
  }
  return destinations;
}

}  // namespace mobility::db
