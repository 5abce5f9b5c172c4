#include "db/partner_reference_data.hpp"

#include <set>

#include "db/institutions.hpp"
#include "db/transaction.hpp"

namespace mobility::db {
namespace {

using Names = std::vector<std::pair<std::string, std::string>>;

// The rows of `table` for one HEI (and unit) become `names`, the first one in each language.
Status replace_names(Transaction& tx, const std::string& table, const Params& owner, const Names& names) {
  std::string owner_condition = owner.size() == 1 ? "hei_id = $1" : "hei_id = $1 AND ounit_id = $2";
  std::string owner_columns = owner.size() == 1 ? "hei_id" : "hei_id, ounit_id";
  std::string owner_values = owner.size() == 1 ? "$1" : "$1, $2";
  if (auto deleted = tx.exec("DELETE FROM " + table + " WHERE " + owner_condition, owner); !deleted) return deleted.status();
  std::vector<std::string> languages, texts;
  for (const auto& [language, name] : names) {
    languages.push_back(language);
    texts.push_back(name);
  }
  Params params = owner;
  params.push_back(text_array(languages));
  params.push_back(text_array(texts));
  std::string first = "$" + std::to_string(owner.size() + 1), second = "$" + std::to_string(owner.size() + 2);
  return tx
      .exec("INSERT INTO " + table + " (" + owner_columns + ", lang, name) SELECT DISTINCT ON (lang) " + owner_values +
                ", lang, name FROM unnest(" + first + "::text[], " + second +
                "::text[]) WITH ORDINALITY AS n (lang, name, position) ORDER BY lang, position",
            params)
      .status();
}

Status upsert_hei(Transaction& tx, const InstitutionDetails& hei) {
  return tx
      .exec(R"(
    INSERT INTO hei (hei_id, abbreviation, street_address_line, postal_code, city, country_code, website_url, logo_url,
                     mobility_factsheet_url)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
    ON CONFLICT (hei_id) DO UPDATE SET
      abbreviation = COALESCE(EXCLUDED.abbreviation, hei.abbreviation),
      street_address_line = COALESCE(EXCLUDED.street_address_line, hei.street_address_line),
      postal_code = COALESCE(EXCLUDED.postal_code, hei.postal_code),
      city = COALESCE(EXCLUDED.city, hei.city),
      country_code = COALESCE(EXCLUDED.country_code, hei.country_code),
      website_url = COALESCE(EXCLUDED.website_url, hei.website_url),
      logo_url = COALESCE(EXCLUDED.logo_url, hei.logo_url),
      mobility_factsheet_url = COALESCE(EXCLUDED.mobility_factsheet_url, hei.mobility_factsheet_url),
      updated_at = now())",
            {hei.hei_id, hei.abbreviation, hei.street_address.street_line, hei.street_address.postal_code,
             hei.street_address.locality, hei.street_address.country_code, hei.website_url, hei.logo_url,
             hei.mobility_factsheet_url})
      .status();
}

// Frees every code and parent of the HEI's units first, so that the answer may swap two codes or
// move a unit under a new one without tripping the unique and foreign keys on the way.
Status loosen_units(Transaction& tx, const std::string& hei_id, const std::vector<std::string>& kept_ids) {
  auto loosened = tx.exec(
      "UPDATE organizational_unit SET parent_ounit_id = NULL, ounit_code = E'\\x01' || ounit_id WHERE hei_id = $1", {hei_id});
  if (!loosened) return loosened.status();
  return tx
      .exec("DELETE FROM organizational_unit WHERE hei_id = $1 AND ounit_id <> ALL($2::text[])", {hei_id, text_array(kept_ids)})
      .status();
}

Status upsert_unit(Transaction& tx, const std::string& hei_id, const OunitDetails& unit) {
  auto upserted = tx.exec(R"(
    INSERT INTO organizational_unit (hei_id, ounit_id, ounit_code, abbreviation, website_url)
    VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (hei_id, ounit_id) DO UPDATE
       SET ounit_code = EXCLUDED.ounit_code, abbreviation = EXCLUDED.abbreviation, website_url = EXCLUDED.website_url)",
                          {hei_id, unit.ounit_id, unit.ounit_code, unit.abbreviation, unit.website_url});
  if (!upserted) return upserted.status();
  return replace_names(tx, "ounit_name", {hei_id, unit.ounit_id}, unit.names);
}

Status link_parents(Transaction& tx, const std::string& hei_id, const std::vector<OunitDetails>& units,
                    const std::set<std::string>& published) {
  for (const OunitDetails& unit : units) {
    if (!unit.parent_ounit_id || !published.count(*unit.parent_ounit_id)) continue;
    auto linked = tx.exec("UPDATE organizational_unit SET parent_ounit_id = $3 WHERE hei_id = $1 AND ounit_id = $2",
                          {hei_id, unit.ounit_id, *unit.parent_ounit_id});
    if (!linked) return linked.status();
  }
  return Status::ok();
}

}  // namespace

Status require_partner_hei(Connection& connection, const std::string& hei_id) {
  auto hosted = is_hosted_hei(connection, hei_id);
  if (!hosted) return hosted.status();
  if (*hosted) return Status::invalid_argument(hei_id + " is hosted by this node; a partner's answer cannot change it");
  return Status::ok();
}

Status store_partner_institution(Connection& connection, const InstitutionDetails& institution) {
  auto tx = Transaction::begin(connection);
  if (!tx) return tx.status();
  if (Status partner = require_partner_hei(connection, institution.hei_id); !partner) return partner;
  if (Status hei = upsert_hei(*tx, institution); !hei) return hei;
  if (Status names = replace_names(*tx, "hei_name", {institution.hei_id}, institution.names); !names) return names;
  return tx->commit();
}

Status store_partner_ounits(Connection& connection, const std::string& hei_id, const std::vector<OunitDetails>& units) {
  auto tx = Transaction::begin(connection);
  if (!tx) return tx.status();
  if (Status partner = require_partner_hei(connection, hei_id); !partner) return partner;
  std::vector<std::string> ids;
  for (const OunitDetails& unit : units) ids.push_back(unit.ounit_id);
  if (Status loosened = loosen_units(*tx, hei_id, ids); !loosened) return loosened;
  for (const OunitDetails& unit : units) {
    if (Status stored = upsert_unit(*tx, hei_id, unit); !stored) return stored;
  }
  if (Status parents = link_parents(*tx, hei_id, units, {ids.begin(), ids.end()}); !parents) return parents;
  return tx->commit();
}

}  // namespace mobility::db
