// Where one of our outgoing mobilities stands, as a timeline: the steps from the nomination to the
// stay, each done, waiting (on whom, since when) or still to come, with the deadline the next
// steps have (the planned arrival: the learning agreement should be approved before it). Shown to
// the student and to the coordinators (portal/mobilities/timeline_view.hpp). Pure: it reads only
// what it is given.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/learning_agreements.hpp"
#include "mobilities/mobility.hpp"

namespace mobility::mobilities {

enum class StepState { kDone, kWaiting, kNext };
enum class Holder { kNobody, kStudent, kSendingHei, kReceivingHei };

struct TimelineStep {
  std::string step;  // nominated, nomination_decision, nomination_revision, la_draft, la_student_signature,
                     // la_sending_signature, la_receiving_decision, la_revision, la_approved, stay, cancelled
  StepState state = StepState::kNext;
  Holder holder = Holder::kNobody;   // who must act, for a waiting step
  std::string since;                 // UTC "YYYY-MM-DD HH:MM" for done and waiting steps, "" when unknown
  std::optional<int> la_version;     // the version a learning-agreement step is about
  std::optional<std::string> until;  // a deadline (YYYY-MM-DD) for a waiting or next step
};

struct TimelineFacts {
  std::string nominated_at;  // UTC "YYYY-MM-DD HH:MM:SS"
  std::string modified_at;   // of the nomination's last change or decision
};

// `versions` in order, as db::list_la_versions gives them.
std::vector<TimelineStep> mobility_timeline(const Mobility& mobility, const TimelineFacts& facts,
                                            const std::vector<db::LaVersionRecord>& versions);

}  // namespace mobility::mobilities
