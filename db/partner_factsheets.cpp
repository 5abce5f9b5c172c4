#include "db/partner_factsheets.hpp"

#include "db/factsheet_json.hpp"
#include "db/partner_reference_data.hpp"
#include "db/transaction.hpp"

namespace mobility::db {

Status store_partner_factsheet(Connection& connection, const std::string& hei_id, const std::optional<Factsheet>& factsheet) {
  auto tx = Transaction::begin(connection);
  if (!tx) return tx.status();
  if (Status partner = require_partner_hei(connection, hei_id); !partner) return partner;
  if (!factsheet) {
    if (auto deleted = tx->exec("DELETE FROM partner_factsheet WHERE hei_id = $1", {hei_id}); !deleted) return deleted.status();
    return tx->commit();
  }
  auto stored = tx->exec(R"(
    INSERT INTO partner_factsheet (hei_id, content, fetched_at) VALUES ($1, $2::jsonb, now())
    ON CONFLICT (hei_id) DO UPDATE SET content = EXCLUDED.content, fetched_at = now())",
                         {hei_id, factsheet_to_json(*factsheet).dump()});
  if (!stored) return stored.status();
  return tx->commit();
}

Result<std::optional<PartnerFactsheet>> find_partner_factsheet(Connection& connection, const std::string& hei_id) {
  auto rows = connection.exec(R"(
    SELECT content::text, to_char(fetched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS fetched_at
      FROM partner_factsheet WHERE hei_id = $1)",
                              {hei_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<PartnerFactsheet>();
  auto content = nlohmann::json::parse(rows->front().get<std::string>(0), nullptr, false);
  auto factsheet = factsheet_from_json(content);
  if (!factsheet) return factsheet.status().with_context("the cached factsheet of " + hei_id);
  return std::optional<PartnerFactsheet>(PartnerFactsheet{*factsheet, rows->front().get<std::string>("fetched_at")});
}

}  // namespace mobility::db
