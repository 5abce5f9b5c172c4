#include "db/institutions.hpp"

#include "db/transaction.hpp"

namespace mobility::db {

namespace {

// The institutions `where` selects (a condition on h, the hei row), hosted ones first.
Result<std::vector<InstitutionRecord>> institutions_where(Connection& connection, const std::string& where,
                                                          const Params& params) {
  auto rows = connection.exec(R"(
    SELECT h.hei_id, (hh.hei_id IS NOT NULL) AS hosted, h.abbreviation, h.country_code, h.city, n.lang, n.name
      FROM hei h
      LEFT JOIN hosted_hei hh ON hh.hei_id = h.hei_id
      LEFT JOIN hei_name n ON n.hei_id = h.hei_id
     WHERE )" + where + R"(
     ORDER BY hosted DESC, h.hei_id, n.lang)",
                              params);
  if (!rows) return rows.status();
  std::vector<InstitutionRecord> institutions;
  for (Row row : *rows) {
    auto hei_id = row.get<std::string>("hei_id");
    if (institutions.empty() || institutions.back().hei_id != hei_id) {
      institutions.push_back({hei_id,
                              row.get<bool>("hosted"),
                              row.get<std::optional<std::string>>("abbreviation"),
                              row.get<std::optional<std::string>>("country_code"),
                              row.get<std::optional<std::string>>("city"),
                              {}});
    }
    if (!row.is_null("name")) {
      institutions.back().names.emplace_back(row.get<std::string>("lang"), row.get<std::string>("name"));
    }
  }
  return institutions;
}

}  // namespace

Result<std::vector<InstitutionRecord>> list_institutions(Connection& connection) {
  return institutions_where(connection, "true", {});
}

Result<std::vector<InstitutionRecord>> list_hosted_institutions(Connection& connection) {
  return institutions_where(connection, "hh.hei_id IS NOT NULL", {});
}

Result<std::vector<InstitutionRecord>> list_partners_of(Connection& connection, const std::string& hei_id) {
  return institutions_where(connection, R"(h.hei_id <> $1 AND (hh.hei_id IS NOT NULL OR EXISTS (
      SELECT 1 FROM partner_link l WHERE l.hei_id = $1 AND l.partner_hei_id = h.hei_id)))",
                            {hei_id});
}

Result<bool> link_partner(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id) {
  auto linked = connection.exec(R"(
    INSERT INTO hosted_hei_partner (hei_id, partner_hei_id) VALUES ($1, $2)
    ON CONFLICT DO NOTHING RETURNING 1)",
                                {hei_id, partner_hei_id});
  if (!linked) return linked.status();
  return !linked->empty();
}

Result<std::vector<HostedHei>> list_hosted_heis(Connection& connection) {
  auto rows = connection.exec(R"(
    SELECT hh.hei_id, hh.admin_email, n.lang, n.name
      FROM hosted_hei hh
      LEFT JOIN hei_name n ON n.hei_id = hh.hei_id
     ORDER BY hh.hei_id, n.lang)");
  if (!rows) return rows.status();
  std::vector<HostedHei> heis;
  for (Row row : *rows) {
    auto hei_id = row.get<std::string>("hei_id");
    if (heis.empty() || heis.back().hei_id != hei_id) heis.push_back({hei_id, row.get<std::string>("admin_email"), {}});
    if (!row.is_null("name")) heis.back().names.emplace_back(row.get<std::string>("lang"), row.get<std::string>("name"));
  }
  return heis;
}

Result<bool> add_partner_hei(Connection& connection, const std::string& hei_id) {
  auto added = connection.exec("INSERT INTO hei (hei_id) VALUES ($1) ON CONFLICT (hei_id) DO NOTHING RETURNING 1", {hei_id});
  if (!added) return added.status();
  return !added->empty();
}

Result<bool> host_hei(Connection& connection, const HeiToHost& hei) {
  auto tx = Transaction::begin(connection);
  if (!tx) return tx.status();
  auto upserted = tx->exec(R"(
    INSERT INTO hei (hei_id, country_code) VALUES ($1, $2)
    ON CONFLICT (hei_id) DO UPDATE SET country_code = coalesce(EXCLUDED.country_code, hei.country_code), updated_at = now())",
                           {hei.hei_id, hei.country_code});
  if (!upserted) return upserted.status();
  auto named = tx->exec(R"(
    INSERT INTO hei_name (hei_id, lang, name) VALUES ($1, $2, $3)
    ON CONFLICT (hei_id, lang) DO UPDATE SET name = EXCLUDED.name)",
                        {hei.hei_id, hei.name_language, hei.name});
  if (!named) return named.status();
  auto hosted = tx->exec(R"(
    INSERT INTO hosted_hei (hei_id, admin_email) VALUES ($1, $2)
    ON CONFLICT (hei_id) DO UPDATE SET admin_email = EXCLUDED.admin_email
    RETURNING (xmax = 0) AS inserted)",
                         {hei.hei_id, hei.admin_email});
  if (!hosted) return hosted.status();
  if (Status committed = tx->commit(); !committed) return committed;
  return hosted->front().get<bool>(0);
}

namespace {

// "2 agreements shared with partners, 1 approval …": the data of `hei_id` partners hold, or "".
Result<std::string> held_by_partners(Connection& connection, const std::string& hei_id) {
  auto rows = connection.exec(R"(
    SELECT (SELECT count(*) FROM iia WHERE hei_id = $1 AND state = 'shared'),
           (SELECT count(*) FROM iia_approval_given WHERE hei_id = $1),
           (SELECT count(*) FROM cnr_outbox WHERE sender_hei_id = $1 AND state = 'pending'),
           (SELECT count(*) FROM omobility WHERE sending_hei_id = $1),
           (SELECT count(*) FROM partner_omobility WHERE receiving_hei_id = $1)
         + (SELECT count(*) FROM partner_la WHERE receiving_hei_id = $1))",
                              {hei_id});
  if (!rows) return rows.status();
  std::string held;
  const char* kinds[] = {" agreement(s) shared with partners", " approval(s) of partners' copies",
                         " notification(s) still to deliver", " outgoing mobility(ies) nominated to partners",
                         " incoming nomination(s) or learning agreement(s) of partners"};
  for (int i = 0; i < 5; ++i) {
    int64_t count = rows->front().get<int64_t>(i);
    if (count > 0) held += (held.empty() ? "" : ", ") + std::to_string(count) + kinds[i];
  }
  return held;
}

}  // namespace

Status unhost_hei(Connection& connection, const std::string& hei_id) {
  auto tx = Transaction::begin(connection);
  if (!tx) return tx.status();
  auto hosted = tx->exec("SELECT 1 FROM hosted_hei WHERE hei_id = $1 FOR UPDATE", {hei_id});
  if (!hosted) return hosted.status();
  if (hosted->empty()) return Status::not_found(hei_id + " is not hosted by this node");
  auto held = held_by_partners(connection, hei_id);
  if (!held) return held.status();
  if (!held->empty()) {
    return Status::conflict(hei_id + " still has data that partners hold: " + *held +
                            ". Terminate or delete its agreements in the agreement tool and let the notifications go "
                            "out first; nothing was changed");
  }
  for (const char* statement :
       {"DELETE FROM agreement_information WHERE hei_id = $1", "DELETE FROM partner_iia WHERE hei_id = $1",
        "DELETE FROM iia WHERE hei_id = $1", "DELETE FROM cnr_outbox WHERE sender_hei_id = $1",
        "DELETE FROM factsheet_version WHERE hei_id = $1", "DELETE FROM account_role WHERE hei_id = $1",
        // applications of rounds that never led to a mobility (those with one are refused above)
        "DELETE FROM application WHERE round_id IN (SELECT round_id FROM application_round WHERE hei_id = $1)",
        "DELETE FROM application_round WHERE hei_id = $1", "DELETE FROM hosted_hei WHERE hei_id = $1"}) {
    if (auto done = tx->exec(statement, {hei_id}); !done) return done.status();
  }
  return tx->commit();
}

Result<bool> is_hosted_hei(Connection& connection, const std::string& hei_id) {
  auto rows = connection.exec("SELECT 1 FROM hosted_hei WHERE hei_id = $1", {hei_id});
  if (!rows) return rows.status();
  return !rows->empty();
}

Result<std::vector<NameRow>> list_all_names(Connection& connection) {
  auto rows = connection.exec(R"(
    SELECT hei_id, NULL::text AS ounit_id, lang, name FROM hei_name
    UNION ALL
    SELECT hei_id, ounit_id, lang, name FROM ounit_name
     ORDER BY hei_id, ounit_id NULLS FIRST, lang)");
  if (!rows) return rows.status();
  std::vector<NameRow> names;
  names.reserve(static_cast<size_t>(rows->size()));
  for (Row row : *rows) {
    names.push_back(
        {row.get<std::string>(0), row.get<std::optional<std::string>>(1), row.get<std::string>(2), row.get<std::string>(3)});
  }
  return names;
}

}  // namespace mobility::db
