#include "db/work_queue.hpp"

#include <string>

namespace mobility::db {
namespace {

Result<std::vector<QueueItem>> items_of(Result<Rows> rows) {
  if (!rows) return rows.status();
  std::vector<QueueItem> items;
  for (Row row : *rows) {
    items.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3),
                     row.get<std::optional<int>>(4)});
  }
  return items;
}

// What the queue shows of the mobility in `table`.content, as a mobility's JSON that leaves out
// everything else (the whole mobility, parsed 200 times, was most of the page's time).
std::string shown_of(const std::string& table) {
  const std::string c = table + ".content";
  return "jsonb_strip_nulls(jsonb_build_object("
         "'omobility_id', " +
         c +
         "->'omobility_id', "
         "'student', jsonb_build_object('given_names', " +
         c +
         "->'student'->'given_names', "
         "'family_name', " +
         c +
         "->'student'->'family_name'), "
         "'nomination', jsonb_build_object("
         "'sending', jsonb_build_object('hei_id', " +
         c +
         "->'nomination'->'sending'->'hei_id', "
         "'ounit_id', " +
         c +
         "->'nomination'->'sending'->'ounit_id'), "
         "'receiving', jsonb_build_object('hei_id', " +
         c +
         "->'nomination'->'receiving'->'hei_id', "
         "'ounit_id', " +
         c +
         "->'nomination'->'receiving'->'ounit_id'), "
         "'receiving_academic_year_id', " +
         c + "->'nomination'->'receiving_academic_year_id')))::text";
}

// No decision of ours ($1) on `table`'s current proposal is waiting or delivered: the outbox holds
// none with that proposal id for `api`.
std::string not_decided(const std::string& api, const std::string& table, const std::string& proposal_column) {
  return " AND NOT EXISTS (SELECT 1 FROM cnr_outbox c WHERE c.api = '" + api +
         "' AND c.sender_hei_id = $1"
         " AND c.partner_hei_id = " +
         table + ".sending_hei_id AND c.object_id = " + table +
         ".omobility_id"
         " AND c.state IN ('pending', 'delivered') AND c.payload->>'proposal_id' = " +
         table + "." + proposal_column + ") ";
}

}  // namespace

Result<std::vector<QueueItem>> las_to_sign(Connection& connection, const std::string& hei_id,
                                           const std::optional<std::string>& academic_year_id, int limit) {
  return items_of(connection.exec("SELECT o.omobility_id, o.sending_hei_id, " + shown_of("o") +
                                      ","
                                      "       to_char(v.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), v.version "
                                      "FROM la_version v JOIN omobility o USING (omobility_id) "
                                      "WHERE v.state = 'draft' AND o.sending_hei_id = $1 AND o.status <> 'cancelled'"
                                      "  AND jsonb_typeof(v.content->'student_signature') = 'object'"
                                      "  AND jsonb_typeof(v.content->'sending_signature') IS DISTINCT FROM 'object'"
                                      "  AND ($2::text IS NULL OR o.receiving_academic_year_id = $2) "
                                      "ORDER BY v.created_at LIMIT $3",
                                  {hei_id, academic_year_id, limit}));
}

Result<std::vector<QueueItem>> nominations_to_decide(Connection& connection, const std::string& hei_id,
                                                     const std::optional<std::string>& academic_year_id, int limit) {
  return items_of(connection.exec("SELECT omobility_id, sending_hei_id, " + shown_of("m") +
                                      ", to_char(fetched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),"
                                      "       NULL::int "
                                      "FROM partner_omobility m WHERE receiving_hei_id = $1 AND status = 'pending' AND NOT gone"
                                      "  AND ($2::text IS NULL OR receiving_academic_year_id = $2)" +
                                      not_decided("omobilities-update", "m", "proposal_id") + "ORDER BY fetched_at LIMIT $3",
                                  {hei_id, academic_year_id, limit}));
}

Result<std::vector<QueueItem>> preapprovals_to_decide(Connection& connection, const std::string& hei_id,
                                                      const std::optional<std::string>& academic_year_id, int limit) {
  return items_of(
      connection.exec("SELECT o.omobility_id, o.sending_hei_id, " + shown_of("o") +
                          ","
                          "       to_char(min(p.proposed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), NULL::int "
                          "FROM preapproval_line p JOIN omobility o USING (omobility_id) "
                          "WHERE p.state = 'proposed' AND o.sending_hei_id = $1 AND o.status NOT IN ('cancelled', 'rejected')"
                          "  AND ($2::text IS NULL OR o.receiving_academic_year_id = $2) "
                          "GROUP BY o.omobility_id ORDER BY min(p.proposed_at) LIMIT $3",
                      {hei_id, academic_year_id, limit}));
}

Result<std::vector<QueueItem>> partner_las_to_decide(Connection& connection, const std::string& hei_id,
                                                     const std::optional<std::string>& academic_year_id, int limit) {
  return items_of(connection.exec("SELECT l.omobility_id, l.sending_hei_id, " + shown_of("m") +
                                      ","
                                      "       to_char(l.fetched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), NULL::int "
                                      "FROM partner_la l JOIN partner_omobility m USING (sending_hei_id, omobility_id) "
                                      "WHERE l.receiving_hei_id = $1 AND l.changes_proposal_id IS NOT NULL AND NOT l.gone"
                                      "  AND ($2::text IS NULL OR m.receiving_academic_year_id = $2)" +
                                      not_decided("omobility-las-update", "l", "changes_proposal_id") +
                                      "ORDER BY l.fetched_at LIMIT $3",
                                  {hei_id, academic_year_id, limit}));
}

}  // namespace mobility::db
