#include "db/page_revisions.hpp"

namespace mobility::db {

Result<std::string> page_revision_stamp(Connection& connection, const std::vector<std::string>& hei_ids) {
  std::string listed;
  for (const std::string& hei_id : hei_ids) listed += (listed.empty() ? "" : ",") + hei_id;
  auto rows = connection.exec(R"(
    SELECT coalesce(string_agg(hei_id || ':' || revision, ',' ORDER BY hei_id), '') AS stamp
      FROM page_revision WHERE hei_id = ANY (string_to_array($1, ',')))",
                              {listed});
  if (!rows) return rows.status();
  return rows->front().get<std::string>("stamp");
}

}  // namespace mobility::db
