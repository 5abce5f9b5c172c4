#include "db/contacts.hpp"

namespace mobility::db {
namespace {

constexpr const char* kColumns = "hei_id, ounit_id, contact_name, email, phone_e164, role_description";

Result<std::vector<ContactRecord>> contacts_of(Result<Rows> rows) {
  if (!rows) return rows.status();
  std::vector<ContactRecord> contacts;
  for (Row row : *rows) {
    contacts.push_back({row.get<std::string>("hei_id"), row.get<std::optional<std::string>>("ounit_id"),
                        row.get<std::string>("contact_name"), row.get<std::optional<std::string>>("email"),
                        row.get<std::optional<std::string>>("phone_e164"),
                        row.get<std::optional<std::string>>("role_description")});
  }
  return contacts;
}

}  // namespace

Result<std::vector<ContactRecord>> find_hei_contacts(Connection& connection, const std::vector<std::string>& hei_ids) {
  return contacts_of(connection.exec(std::string("SELECT ") + kColumns + R"(
      FROM hei_contact
     WHERE hei_id = ANY($1::text[]) AND ounit_id IS NULL
     ORDER BY hei_id, sort_order, contact_id)",
                                     {text_array(hei_ids)}));
}

Result<std::vector<ContactRecord>> find_ounit_contacts(Connection& connection, const std::string& hei_id,
                                                       const std::vector<std::string>& ounit_ids) {
  return contacts_of(connection.exec(std::string("SELECT ") + kColumns + R"(
      FROM hei_contact
     WHERE hei_id = $1 AND ounit_id = ANY($2::text[])
     ORDER BY ounit_id, sort_order, contact_id)",
                                     {hei_id, text_array(ounit_ids)}));
}

}  // namespace mobility::db
