#include "db/ounit_details.hpp"

namespace mobility::db {
namespace {

Result<std::vector<OunitDetails>> find_units_with_names(Connection& connection, const std::string& hei_id,
                                                        const std::vector<std::string>& ounit_ids,
                                                        const std::vector<std::string>& ounit_codes) {
  auto rows = connection.exec(R"(
    SELECT ou.ounit_id, ou.ounit_code, ou.abbreviation, ou.parent_ounit_id, ou.website_url, n.lang, n.name
      FROM organizational_unit ou
      LEFT JOIN ounit_name n ON n.hei_id = ou.hei_id AND n.ounit_id = ou.ounit_id
     WHERE ou.hei_id = $1 AND (ou.ounit_id = ANY($2::text[]) OR ou.ounit_code = ANY($3::text[]))
     ORDER BY ou.ounit_id, n.lang)",
                              {hei_id, text_array(ounit_ids), text_array(ounit_codes)});
  if (!rows) return rows.status();
  std::vector<OunitDetails> units;
  for (Row row : *rows) {
    auto ounit_id = row.get<std::string>("ounit_id");
    if (units.empty() || units.back().ounit_id != ounit_id) {
      units.push_back({ounit_id,
                       row.get<std::string>("ounit_code"),
                       {},
                       row.get<std::optional<std::string>>("abbreviation"),
                       row.get<std::optional<std::string>>("parent_ounit_id"),
                       row.get<std::optional<std::string>>("website_url"),
                       {}});
    }
    if (!row.is_null("name")) units.back().names.emplace_back(row.get<std::string>("lang"), row.get<std::string>("name"));
  }
  return units;
}

Status add_contacts(Connection& connection, const std::string& hei_id, std::vector<OunitDetails>& units) {
  std::vector<std::string> found_ids;
  for (const auto& unit : units) found_ids.push_back(unit.ounit_id);
  auto contacts = find_ounit_contacts(connection, hei_id, found_ids);
  if (!contacts) return contacts.status();
  for (auto& contact : *contacts) {
    for (auto& unit : units) {
      if (unit.ounit_id == contact.ounit_id) {
        unit.contacts.push_back(std::move(contact));
        break;
      }
    }
  }
  return Status::ok();
}

}  // namespace

Result<std::vector<OunitDetails>> find_ounit_details(Connection& connection, const std::string& hei_id,
                                                     const std::vector<std::string>& ounit_ids,
                                                     const std::vector<std::string>& ounit_codes) {
  auto units = find_units_with_names(connection, hei_id, ounit_ids, ounit_codes);
  if (!units) return units;
  if (units->empty()) return units;
  if (Status contacts = add_contacts(connection, hei_id, *units); !contacts) return contacts;
  return units;
}

}  // namespace mobility::db
