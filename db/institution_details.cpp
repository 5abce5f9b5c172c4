#include "db/institution_details.hpp"

#include <map>

namespace mobility::db {
namespace {

InstitutionDetails* find_hei(std::vector<InstitutionDetails>& institutions, const std::string& hei_id) {
  for (auto& institution : institutions) {
    if (institution.hei_id == hei_id) return &institution;
  }
  return nullptr;
}

Result<std::vector<InstitutionDetails>> find_heis_with_names(Connection& connection, const std::vector<std::string>& hei_ids) {
  auto rows = connection.exec(R"(
    SELECT h.hei_id, (hh.hei_id IS NOT NULL) AS hosted, h.abbreviation, h.street_address_line, h.postal_code, h.city,
           h.country_code, h.website_url, h.logo_url, h.mobility_factsheet_url, n.lang, n.name
      FROM hei h
      LEFT JOIN hosted_hei hh ON hh.hei_id = h.hei_id
      LEFT JOIN hei_name n ON n.hei_id = h.hei_id
     WHERE h.hei_id = ANY($1::text[])
     ORDER BY h.hei_id, n.lang)",
                              {text_array(hei_ids)});
  if (!rows) return rows.status();
  std::vector<InstitutionDetails> institutions;
  for (Row row : *rows) {
    auto hei_id = row.get<std::string>("hei_id");
    if (institutions.empty() || institutions.back().hei_id != hei_id) {
      InstitutionDetails& hei = institutions.emplace_back();
      hei.hei_id = hei_id;
      hei.hosted = row.get<bool>("hosted");
      hei.abbreviation = row.get<std::optional<std::string>>("abbreviation");
      hei.street_address = {row.get<std::optional<std::string>>("street_address_line"),
                            row.get<std::optional<std::string>>("postal_code"), row.get<std::optional<std::string>>("city"),
                            row.get<std::optional<std::string>>("country_code")};
      hei.website_url = row.get<std::optional<std::string>>("website_url");
      hei.logo_url = row.get<std::optional<std::string>>("logo_url");
      hei.mobility_factsheet_url = row.get<std::optional<std::string>>("mobility_factsheet_url");
    }
    if (!row.is_null("name")) institutions.back().names.emplace_back(row.get<std::string>("lang"), row.get<std::string>("name"));
  }
  return institutions;
}

Status add_hosted_units(Connection& connection, std::vector<InstitutionDetails>& institutions,
                        const std::vector<std::string>& hei_ids) {
  auto rows = connection.exec(R"(
    SELECT ou.hei_id, ou.ounit_id, (ou.parent_ounit_id IS NULL) AS is_root
      FROM organizational_unit ou
      JOIN hosted_hei hh ON hh.hei_id = ou.hei_id
     WHERE ou.hei_id = ANY($1::text[])
     ORDER BY ou.hei_id, ou.ounit_id)",
                              {text_array(hei_ids)});
  if (!rows) return rows.status();
  std::map<InstitutionDetails*, std::vector<std::string>> parentless_units;
  for (Row row : *rows) {
    InstitutionDetails* hei = find_hei(institutions, row.get<std::string>("hei_id"));
    if (!hei) continue;
    hei->ounit_ids.push_back(row.get<std::string>("ounit_id"));
    if (row.get<bool>("is_root")) parentless_units[hei].push_back(hei->ounit_ids.back());
  }
  // Several parentless units form a forest, which has no root to name.
  for (auto& [hei, roots] : parentless_units) {
    if (roots.size() == 1) hei->root_ounit_id = roots.front();
  }
  return Status::ok();
}

Status add_contacts(Connection& connection, std::vector<InstitutionDetails>& institutions,
                    const std::vector<std::string>& hei_ids) {
  auto contacts = find_hei_contacts(connection, hei_ids);
  if (!contacts) return contacts.status();
  for (auto& contact : *contacts) {
    if (InstitutionDetails* hei = find_hei(institutions, contact.hei_id)) hei->contacts.push_back(std::move(contact));
  }
  return Status::ok();
}

}  // namespace

Result<std::vector<InstitutionDetails>> find_institution_details(Connection& connection,
                                                                 const std::vector<std::string>& hei_ids) {
  auto institutions = find_heis_with_names(connection, hei_ids);
  if (!institutions) return institutions;
  if (Status units = add_hosted_units(connection, *institutions, hei_ids); !units) return units;
  if (Status contacts = add_contacts(connection, *institutions, hei_ids); !contacts) return contacts;
  return institutions;
}

}  // namespace mobility::db
