#include "mobilities/timeline.hpp"

#include "mobilities/mobility_json.hpp"

namespace mobility::mobilities {
namespace {

std::string minutes(const std::string& timestamp) {
  std::string text = timestamp.substr(0, 16);
  if (text.size() > 10 && text[10] == 'T') text[10] = ' ';
  return text;
}

// The version the agreement's next step is about: the draft, else the proposal awaiting the
// receiving HEI or commented by it, else the latest approved; nullptr when there is none.
const db::LaVersionRecord* current_version(const std::vector<db::LaVersionRecord>& versions) {
  const db::LaVersionRecord* current = nullptr;
  for (const db::LaVersionRecord& version : versions) {
    if (version.state == "superseded" || version.state == "withdrawn") continue;
    if (version.state == "draft") return &version;
    current = &version;
  }
  return current;
}

std::vector<TimelineStep> agreement_steps(const std::vector<db::LaVersionRecord>& versions,
                                          const std::optional<std::string>& arrival, const std::string& approved_at) {
  const db::LaVersionRecord* version = current_version(versions);
  if (version == nullptr) {
    return {{"la_draft", StepState::kWaiting, Holder::kStudent, approved_at, std::nullopt, arrival},
            {"la_sending_signature", StepState::kNext, Holder::kSendingHei, "", std::nullopt, arrival},
            {"la_receiving_decision", StepState::kNext, Holder::kReceivingHei, "", std::nullopt, arrival}};
  }
  int number = version->version;
  std::string created = minutes(version->created_at);
  std::string decided = minutes(version->decided_at.value_or(""));
  if (version->state == "draft") {
    auto draft = la_version_from_json_text(version->content_json);
    bool student_signed = draft && draft->student_signature;
    bool sending_signed = draft && draft->sending_signature;
    std::vector<TimelineStep> steps = {{"la_draft", StepState::kDone, Holder::kNobody, created, number, std::nullopt}};
    steps.push_back({"la_student_signature", student_signed ? StepState::kDone : StepState::kWaiting,
                     student_signed ? Holder::kNobody : Holder::kStudent, student_signed ? "" : created, number, arrival});
    steps.push_back({"la_sending_signature",
                     sending_signed ? StepState::kDone : (student_signed ? StepState::kWaiting : StepState::kNext),
                     sending_signed ? Holder::kNobody : Holder::kSendingHei, student_signed && !sending_signed ? created : "",
                     number, arrival});
    steps.push_back({"la_receiving_decision", StepState::kNext, Holder::kReceivingHei, "", number, arrival});
    return steps;
  }
  if (version->state == "proposed") {
    return {{"la_student_signature", StepState::kDone, Holder::kNobody, "", number, std::nullopt},
            {"la_sending_signature", StepState::kDone, Holder::kNobody, created, number, std::nullopt},
            {"la_receiving_decision", StepState::kWaiting, Holder::kReceivingHei, created, number, arrival}};
  }
  if (version->state == "commented") {
    return {{"la_receiving_decision", StepState::kDone, Holder::kNobody, decided, number, std::nullopt},
            {"la_revision", StepState::kWaiting, Holder::kStudent, decided, number, arrival}};
  }
  return {{"la_approved", StepState::kDone, Holder::kNobody, decided, number, std::nullopt}};
}

}  // namespace

std::vector<TimelineStep> mobility_timeline(const Mobility& mobility, const TimelineFacts& facts,
                                            const std::vector<db::LaVersionRecord>& versions) {
  std::string nominated = minutes(facts.nominated_at);
  std::string modified = minutes(facts.modified_at);
  std::optional<std::string> arrival = mobility.planned_arrival_date;
  std::vector<TimelineStep> steps = {{"nominated", StepState::kDone, Holder::kNobody, nominated, std::nullopt, std::nullopt}};
  switch (mobility.status) {
    case NominationStatus::kCancelled:
      steps.push_back({"cancelled", StepState::kDone, Holder::kNobody, modified, std::nullopt, std::nullopt});
      return steps;
    case NominationStatus::kRejected:
      steps.push_back({"nomination_decision", StepState::kDone, Holder::kNobody, modified, std::nullopt, std::nullopt});
      steps.push_back({"nomination_revision", StepState::kWaiting, Holder::kSendingHei, modified, std::nullopt, std::nullopt});
      return steps;
    case NominationStatus::kPending:
      steps.push_back({"nomination_decision", StepState::kWaiting, Holder::kReceivingHei, modified, std::nullopt, std::nullopt});
      break;
    case NominationStatus::kApproved:
      steps.push_back({"nomination_decision", StepState::kDone, Holder::kNobody, modified, std::nullopt, std::nullopt});
      break;
  }
  for (TimelineStep& step : agreement_steps(versions, arrival, mobility.status == NominationStatus::kApproved ? modified : "")) {
    steps.push_back(std::move(step));
  }
  steps.push_back({"stay", StepState::kNext, Holder::kNobody, "", std::nullopt, arrival});
  return steps;
}

}  // namespace mobility::mobilities
