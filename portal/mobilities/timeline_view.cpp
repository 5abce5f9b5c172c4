#include "portal/mobilities/timeline_view.hpp"

#include "db/mobilities.hpp"
#include "portal/mobilities/mobility_views.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using kainjow::mustache::data;
using mobilities::Holder;
using mobilities::StepState;

std::string holder_text(PageRequest& page, const mobilities::Mobility& mobility, Holder holder, Holder viewer,
                        const Messages& messages) {
  if (holder == viewer) return messages.text("timeline_waiting_you");
  if (holder == Holder::kStudent) return messages.text("timeline_waiting_student");
  if (holder == Holder::kSendingHei) return messages.text("timeline_waiting_coordinator");
  return messages.text("timeline_waiting_for") + " " + hei_label(page, mobility.nomination.receiving.hei_id);
}

}  // namespace

data timeline_view(PageRequest& page, const mobilities::Mobility& mobility, const std::vector<mobilities::TimelineStep>& steps,
                   Holder viewer) {
  const Messages& messages = Messages::of(page.visitor.language);
  data list = data::type::list;
  for (const mobilities::TimelineStep& step : steps) {
    std::string status;
    if (step.state == StepState::kDone) {
      status = messages.text("timeline_done") + (step.since.empty() ? "" : " " + step.since);
    } else if (step.state == StepState::kWaiting) {
      status = holder_text(page, mobility, step.holder, viewer, messages) +
               (step.since.empty() ? "" : " " + messages.text("timeline_since") + " " + step.since);
    } else {
      status = messages.text("timeline_next");
    }
    data item;
    item.set(
        "label",
        messages.text("timeline_step_" + step.step) +
            (step.la_version ? " (" + messages.text("timeline_version") + " " + std::to_string(*step.la_version) + ")" : ""));
    item.set("status", status);
    item.set("state", step.state == StepState::kDone ? "done" : step.state == StepState::kWaiting ? "waiting" : "next");
    item.set("waiting_on_viewer", step.state == StepState::kWaiting && step.holder == viewer);
    if (step.until && step.state != StepState::kDone) item.set("until", *step.until);
    list.push_back(item);
  }
  return list;
}

Result<data> outgoing_timeline(PageRequest& page, const db::OMobilityRecord& record, const mobilities::Mobility& mobility,
                               const std::vector<db::LaVersionRecord>& versions, Holder viewer) {
  auto events = db::list_omobility_events(page.connection, record.omobility_id);
  if (!events) return events.status();
  mobilities::TimelineFacts facts{events->empty() ? "" : events->front().happened_at, record.modified_at};
  return timeline_view(page, mobility, mobilities::mobility_timeline(mobility, facts, versions), viewer);
}

}  // namespace mobility::portal::mobility_pages
