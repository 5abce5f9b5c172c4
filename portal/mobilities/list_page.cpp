#include "portal/mobilities/list_page.hpp"

#include "mobilities/mobility_json.hpp"
#include "portal/mobilities/mobility_access.hpp"
#include "portal/mobilities/mobility_views.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using kainjow::mustache::data;

data row_of(PageRequest& page, const mobilities::Mobility& m, const std::string& partner, const std::string& status,
            const std::string& link, const Messages& messages) {
  data row;
  row.set("link", link);
  row.set("omobility_id", m.omobility_id);
  row.set("student", m.student.given_names + " " + m.student.family_name);
  row.set("partner", hei_label(page, partner));
  row.set("year", m.nomination.receiving_academic_year_id);
  row.set("status", status_text(status, messages));
  return row;
}

// Our HEI `hei_id`'s rows of both directions that the visitor may see, added to the lists.
Status add_rows(PageRequest& page, const std::string& hei_id, data& outgoing, data& incoming) {
  const Messages& messages = Messages::of(page.visitor.language);
  auto units = units_of(page, hei_id);
  if (!units) return units.status();
  auto ours = db::list_outgoing_mobilities(page.connection, hei_id);
  if (!ours) return ours.status();
  for (const auto& record : *ours) {
    auto m = mobilities::mobility_from_json_text(record.content_json);
    if (!m || !allowed(page.visitor.actor, Action::kViewStudent, mobility_scope(hei_id, m->nomination.sending, *units))) continue;
    outgoing.push_back(
        row_of(page, *m, record.receiving_hei_id, record.status, "/mobilities/outgoing/" + record.omobility_id, messages));
  }
  auto theirs = db::list_incoming_mobilities(page.connection, hei_id);
  if (!theirs) return theirs.status();
  for (const auto& record : *theirs) {
    auto m = mobilities::mobility_from_json_text(record.content_json);
    if (!m || !allowed(page.visitor.actor, Action::kViewStudent, mobility_scope(hei_id, m->nomination.receiving, *units)))
      continue;
    data row = row_of(page, *m, record.sending_hei_id, record.gone ? "gone" : record.status,
                      "/mobilities/incoming/" + record.sending_hei_id + "/" + record.omobility_id, messages);
    if (record.status == "pending" && !record.gone) row.set("awaits_us", messages.text("mobilities_awaits_nomination"));
    if (record.changes_proposal_id && !record.gone) row.set("awaits_us", messages.text("mobilities_awaits_la"));
    incoming.push_back(row);
  }
  return Status::ok();
}

}  // namespace

http::Response mobility_list(PageRequest& page) {
  auto heis = agreements::pages::handling_heis(page);
  if (heis.empty()) return page.refuse_unless(Action::kViewStudent, Scope{}).value_or(page.error(403));
  data outgoing = data::type::list;
  data incoming = data::type::list;
  for (const std::string& hei_id : heis) {
    if (Status added = add_rows(page, hei_id, outgoing, incoming); !added) return unavailable(page, added);
  }
  data view;
  view.set("has_outgoing", !outgoing.is_empty_list());
  view.set("outgoing", outgoing);
  view.set("has_incoming", !incoming.is_empty_list());
  view.set("incoming", incoming);
  return page.render(200, "mobilities/list", "mobilities_title", view);
}

}  // namespace mobility::portal::mobility_pages
