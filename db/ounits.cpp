#include "db/ounits.hpp"

namespace mobility::db {

Result<std::vector<OunitRecord>> list_ounits(Connection& connection, const std::string& hei_id, const std::string& language) {
  auto rows = connection.exec(R"(
    SELECT u.ounit_id, u.parent_ounit_id,
           coalesce((SELECT n.name FROM ounit_name n WHERE n.hei_id = u.hei_id AND n.ounit_id = u.ounit_id
                      ORDER BY n.lang = $2 DESC, n.lang = 'en' DESC, n.lang LIMIT 1), u.ounit_id) AS name
      FROM organizational_unit u
     WHERE u.hei_id = $1
     ORDER BY name, u.ounit_id)",
                              {hei_id, language});
  if (!rows) return rows.status();
  std::vector<OunitRecord> units;
  for (Row row : *rows) {
    units.push_back(
        {row.get<std::string>("ounit_id"), row.get<std::optional<std::string>>("parent_ounit_id"), row.get<std::string>("name")});
  }
  return units;
}

}  // namespace mobility::db
