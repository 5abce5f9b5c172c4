#include "db/applications.hpp"

#include "db/transaction.hpp"

namespace mobility::db {
namespace {

constexpr const char* kSelectRounds = R"(
    SELECT r.round_id, r.hei_id, r.ounit_id, r.academic_year_id, r.title,
           to_char(r.opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS opens_at,
           to_char(r.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS closes_at,
           r.max_choices, now() >= r.opens_at AND now() < r.closes_at AS open, now() >= r.closes_at AS closed
      FROM application_round r
     WHERE )";

std::vector<RoundRecord> rounds_from(const Rows& rows) {
  std::vector<RoundRecord> rounds;
  for (Row row : rows) {
    rounds.push_back({row.get<int64_t>("round_id"), row.get<std::string>("hei_id"),
                      row.get<std::optional<std::string>>("ounit_id"), row.get<std::string>("academic_year_id"),
                      row.get<std::string>("title"), row.get<std::string>("opens_at"), row.get<std::string>("closes_at"),
                      row.get<int>("max_choices"), row.get<bool>("open"), row.get<bool>("closed")});
  }
  return rounds;
}

constexpr const char* kSelectApplications = R"(
    SELECT a.application_id, a.round_id, a.hei_id, a.student_id, a.state, a.motivation, a.citizenship, a.version,
           coalesce((SELECT string_agg(c.partner_hei_id, ' ' ORDER BY c.rank) FROM application_choice c
                      WHERE c.application_id = a.application_id), '') AS choices,
           a.selected_partner_hei_id, a.omobility_id, a.decision_reason, a.decided_by,
           to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS decided_at,
           to_char(a.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS submitted_at,
           to_char(a.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS modified_at,
           s.given_names || ' ' || s.family_name AS student_name, s.ounit_id AS student_ounit_id
      FROM application a JOIN student s ON s.hei_id = a.hei_id AND s.student_id = a.student_id
     WHERE )";

// HEI ids hold no blanks (schac codes), so the choices travel as one space-separated text.
std::vector<std::string> split_choices(const std::string& text) {
  std::vector<std::string> choices;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) choices.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return choices;
}

std::vector<ApplicationRecord> applications_from(const Rows& rows) {
  std::vector<ApplicationRecord> applications;
  for (Row row : rows) {
    ApplicationRecord a;
    a.application_id = row.get<int64_t>("application_id");
    a.round_id = row.get<int64_t>("round_id");
    a.hei_id = row.get<std::string>("hei_id");
    a.student_id = row.get<std::string>("student_id");
    a.state = row.get<std::string>("state");
    a.motivation = row.get<std::string>("motivation");
    a.citizenship = row.get<std::optional<std::string>>("citizenship");
    a.version = row.get<int>("version");
    a.choices = split_choices(row.get<std::string>("choices"));
    a.selected_partner_hei_id = row.get<std::optional<std::string>>("selected_partner_hei_id");
    a.omobility_id = row.get<std::optional<std::string>>("omobility_id");
    a.decision_reason = row.get<std::optional<std::string>>("decision_reason");
    a.decided_by = row.get<std::optional<std::string>>("decided_by");
    a.decided_at = row.get<std::optional<std::string>>("decided_at");
    a.submitted_at = row.get<std::optional<std::string>>("submitted_at");
    a.modified_at = row.get<std::string>("modified_at");
    a.student_name = row.get<std::string>("student_name");
    a.student_ounit_id = row.get<std::optional<std::string>>("student_ounit_id");
    applications.push_back(std::move(a));
  }
  return applications;
}

Result<std::optional<ApplicationRecord>> first_application(Result<Rows> rows) {
  if (!rows) return rows.status();
  auto applications = applications_from(*rows);
  if (applications.empty()) return std::optional<ApplicationRecord>();
  return std::optional<ApplicationRecord>(std::move(applications.front()));
}

Status replace_choices(Transaction& tx, int64_t application_id, const std::vector<std::string>& choices) {
  if (auto deleted = tx.exec("DELETE FROM application_choice WHERE application_id = $1", {application_id}); !deleted) {
    return deleted.status();
  }
  for (size_t i = 0; i < choices.size(); ++i) {
    auto added = tx.exec("INSERT INTO application_choice (application_id, rank, partner_hei_id) VALUES ($1, $2, $3)",
                         {application_id, static_cast<int>(i + 1), choices[i]});
    if (!added) return added.status();
  }
  return Status::ok();
}

}  // namespace

Result<int64_t> create_round(Connection& connection, const NewRound& round) {
  auto rows = connection.exec(
      "INSERT INTO application_round (hei_id, ounit_id, academic_year_id, title, opens_at, closes_at, max_choices) "
      "VALUES ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7) RETURNING round_id",
      {round.hei_id, round.ounit_id, round.academic_year_id, round.title, round.opens_at, round.closes_at, round.max_choices});
  if (!rows) return rows.status();
  return rows->front().get<int64_t>(0);
}

Result<std::optional<RoundRecord>> find_round(Connection& connection, int64_t round_id) {
  auto rows = connection.exec(std::string(kSelectRounds) + "r.round_id = $1", {round_id});
  if (!rows) return rows.status();
  auto rounds = rounds_from(*rows);
  if (rounds.empty()) return std::optional<RoundRecord>();
  return std::optional<RoundRecord>(std::move(rounds.front()));
}

Result<std::vector<RoundRecord>> rounds_for_student(Connection& connection, const std::string& hei_id,
                                                    const std::optional<std::string>& student_ounit_id) {
  auto rows = connection.exec(std::string(kSelectRounds) + R"(r.hei_id = $1 AND (r.ounit_id IS NULL OR r.ounit_id IN (
        WITH RECURSIVE above (ounit_id) AS (
          SELECT $2::text
          UNION SELECT u.parent_ounit_id FROM organizational_unit u JOIN above a ON u.ounit_id = a.ounit_id
                 WHERE u.hei_id = $1 AND u.parent_ounit_id IS NOT NULL)
        SELECT ounit_id FROM above))
      ORDER BY r.closes_at DESC, r.round_id DESC)",
                              {hei_id, student_ounit_id});
  if (!rows) return rows.status();
  return rounds_from(*rows);
}

Result<std::vector<RoundRecord>> rounds_to_decide(Connection& connection, const std::string& hei_id,
                                                  const std::optional<std::string>& academic_year_id) {
  auto rows = connection.exec(std::string(kSelectRounds) + R"(r.hei_id = $1 AND ($2::text IS NULL OR r.academic_year_id = $2)
         AND EXISTS (SELECT 1 FROM application a WHERE a.round_id = r.round_id AND a.state = 'submitted')
       ORDER BY r.closes_at, r.round_id)",
                              {hei_id, academic_year_id});
  if (!rows) return rows.status();
  return rounds_from(*rows);
}

Result<std::vector<RoundRecord>> list_rounds(Connection& connection, const std::string& hei_id) {
  auto rows = connection.exec(std::string(kSelectRounds) + "r.hei_id = $1 ORDER BY r.closes_at DESC, r.round_id DESC", {hei_id});
  if (!rows) return rows.status();
  return rounds_from(*rows);
}

Result<std::optional<ApplicationRecord>> find_application(Connection& connection, int64_t application_id) {
  return first_application(connection.exec(std::string(kSelectApplications) + "a.application_id = $1", {application_id}));
}

Result<std::optional<ApplicationRecord>> find_student_application(Connection& connection, int64_t round_id,
                                                                  const std::string& hei_id, const std::string& student_id) {
  return first_application(
      connection.exec(std::string(kSelectApplications) + "a.round_id = $1 AND a.hei_id = $2 AND a.student_id = $3",
                      {round_id, hei_id, student_id}));
}

Result<std::vector<ApplicationRecord>> list_round_applications(Connection& connection, int64_t round_id) {
  auto rows = connection.exec(
      std::string(kSelectApplications) + "a.round_id = $1 AND a.state <> 'draft' ORDER BY a.submitted_at, a.application_id",
      {round_id});
  if (!rows) return rows.status();
  return applications_from(*rows);
}

Result<SavedApplication> save_application(Connection& connection, int64_t round_id, const std::string& hei_id,
                                          const std::string& student_id, const ApplicationContent& content,
                                          int expected_version) {
  auto tx = Transaction::begin(connection);
  if (!tx) return tx.status();
  Result<Rows> saved =
      expected_version == 0
          ? tx->exec(R"(
        INSERT INTO application (round_id, hei_id, student_id, state, motivation, citizenship, submitted_at)
        VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $4 = 'submitted' THEN now() END)
        RETURNING application_id, version)",
                     {round_id, hei_id, student_id, content.state, content.motivation, content.citizenship})
          : tx->exec(R"(
        UPDATE application
           SET state = $4, motivation = $5, citizenship = $6, version = version + 1, modified_at = now(),
               submitted_at = CASE WHEN $4 = 'submitted' THEN coalesce(submitted_at, now()) END
         WHERE round_id = $1 AND hei_id = $2 AND student_id = $3 AND version = $7
           AND state IN ('draft', 'submitted')
        RETURNING application_id, version)",
                     {round_id, hei_id, student_id, content.state, content.motivation, content.citizenship, expected_version});
  if (!saved) return saved.status();
  if (saved->empty()) return Status::conflict("the application changed meanwhile");
  SavedApplication result{saved->front().get<int64_t>(0), saved->front().get<int>(1)};
  if (Status replaced = replace_choices(*tx, result.application_id, content.choices); !replaced) return replaced;
  if (Status committed = tx->commit(); !committed) return committed;
  return result;
}

Status decide_application(Connection& connection, int64_t application_id, int expected_version,
                          const std::vector<std::string>& from_states, const ApplicationDecision& decision) {
  std::string states = "{";
  for (const auto& state : from_states) states += (states.size() > 1 ? "," : "") + state;
  states += "}";
  auto rows = connection.exec(R"(
      UPDATE application
         SET state = $3, selected_partner_hei_id = $4, omobility_id = $5, decision_reason = $6, decided_by = $7,
             decided_at = CASE WHEN $3 = 'withdrawn' THEN NULL ELSE now() END,
             version = version + 1, modified_at = now()
       WHERE application_id = $1 AND version = $2 AND state = ANY($8::text[])
      RETURNING application_id)",
                              {application_id, expected_version, decision.state, decision.selected_partner_hei_id,
                               decision.omobility_id, decision.reason, decision.decided_by, states});
  if (!rows) return rows.status();
  if (rows->empty()) return Status::conflict("the application changed meanwhile");
  return Status::ok();
}

Result<std::vector<DraftNearDeadline>> drafts_near_deadline(Connection& connection, int days) {
  auto rows = connection.exec(R"(
      SELECT a.application_id, a.hei_id, a.student_id, r.round_id, r.title,
             to_char(r.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
        FROM application a JOIN application_round r USING (round_id)
       WHERE a.state = 'draft' AND now() >= r.opens_at AND now() < r.closes_at
         AND r.closes_at <= now() + make_interval(days => $1)
       ORDER BY r.closes_at, a.application_id)",
                              {days});
  if (!rows) return rows.status();
  std::vector<DraftNearDeadline> drafts;
  for (Row row : *rows) {
    drafts.push_back({row.get<int64_t>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<int64_t>(3),
                      row.get<std::string>(4), row.get<std::string>(5)});
  }
  return drafts;
}

Result<std::map<std::string, DestinationRanking>> round_rankings(Connection& connection, int64_t round_id) {
  auto rows = connection.exec(R"(
      SELECT d.partner_hei_id, d.version, d.ranked_by, to_char(d.ranked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
             r.application_id, r.rank
        FROM destination_ranking d LEFT JOIN applicant_rank r USING (round_id, partner_hei_id)
       WHERE d.round_id = $1
       ORDER BY d.partner_hei_id, r.rank)",
                              {round_id});
  if (!rows) return rows.status();
  std::map<std::string, DestinationRanking> rankings;
  for (Row row : *rows) {
    std::string partner = row.get<std::string>(0);
    auto [entry, added] = rankings.try_emplace(partner);
    if (added) entry->second = {partner, row.get<int>(1), row.get<std::string>(2), row.get<std::string>(3), {}};
    auto application_id = row.get<std::optional<int64_t>>(4);
    if (application_id) entry->second.ranks[*application_id] = row.get<int>(5);
  }
  return rankings;
}

Result<int> save_ranking(Connection& connection, int64_t round_id, const std::string& partner_hei_id,
                         const std::map<int64_t, std::optional<int>>& ranks, int expected_version, const std::string& ranked_by) {
  auto saved = expected_version == 0 ? connection.exec(R"(
      INSERT INTO destination_ranking (round_id, partner_hei_id, ranked_by) VALUES ($1, $2, $3)
      ON CONFLICT DO NOTHING RETURNING version)",
                                                       {round_id, partner_hei_id, ranked_by})
                                     : connection.exec(R"(
      UPDATE destination_ranking SET version = version + 1, ranked_by = $3, ranked_at = now()
       WHERE round_id = $1 AND partner_hei_id = $2 AND version = $4 RETURNING version)",
                                                       {round_id, partner_hei_id, ranked_by, expected_version});
  if (!saved) return saved.status();
  if (saved->empty()) return Status::conflict("the ranking changed meanwhile");
  for (const auto& [application_id, rank] : ranks) {
    auto stored =
        rank ? connection.exec(R"(
        INSERT INTO applicant_rank (round_id, partner_hei_id, application_id, rank) VALUES ($1, $2, $3, $4)
        ON CONFLICT (round_id, partner_hei_id, application_id) DO UPDATE SET rank = excluded.rank)",
                               {round_id, partner_hei_id, application_id, *rank})
             : connection.exec("DELETE FROM applicant_rank WHERE round_id = $1 AND partner_hei_id = $2 AND application_id = $3",
                               {round_id, partner_hei_id, application_id});
    if (!stored) return stored.status();
  }
  return saved->front().get<int>(0);
}

Result<std::vector<PlacesTaken>> places_taken(Connection& connection, const std::string& hei_id,
                                              const std::string& academic_year_id) {
  auto rows = connection.exec(
      "SELECT receiving_hei_id, count(*)::int FROM omobility "
      "WHERE sending_hei_id = $1 AND receiving_academic_year_id = $2 AND status NOT IN ('cancelled', 'rejected')"
      " AND NOT withdrawn GROUP BY receiving_hei_id ORDER BY 1",
      {hei_id, academic_year_id});
  if (!rows) return rows.status();
  std::vector<PlacesTaken> taken;
  for (Row row : *rows) taken.push_back({row.get<std::string>(0), row.get<int>(1)});
  return taken;
}

}  // namespace mobility::db
