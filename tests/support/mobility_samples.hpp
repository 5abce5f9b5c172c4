// Mobilities and learning-agreement versions for tests: a long-term mobility from the demo HEI
// (fjordland.example) to a partner, and the versions of its agreement.
#pragma once

#include <string>

#include "mobilities/learning_agreement.hpp"

namespace mobility::testing {

inline mobilities::Mobility sample_mobility(const std::string& omobility_id, const std::string& sending = "fjordland.example",
                                            const std::string& receiving = "tu-rheinfeld.example") {
  mobilities::Mobility m;
  m.omobility_id = omobility_id;
  m.student = {"Ingrid",
               "Solberg",
               "urn:schac:personalUniqueCode:int:esi:" + sending + ":" + omobility_id,
               "2003-04-17",
               "NO",
               2,
               "ingrid.solberg@student." + sending};
  m.nomination.sending = {sending, "ou-mn", "Faculty of Mathematics and Natural Sciences", "iia-1",
                          mobilities::ContactPerson{"Kari", "Nordmann", "kari.nordmann@" + sending}};
  m.nomination.receiving = {receiving, std::nullopt, std::nullopt, std::nullopt,
                            mobilities::ContactPerson{"Jonas", "Weber", "jonas.weber@" + receiving}};
  m.nomination.sending_academic_term_id = "2026/2027-1/2";
  m.nomination.receiving_academic_year_id = "2026/2027";
  m.nomination.agreement_isced_f_code = "0613";
  m.nomination.eqf_level_at_departure = 6;
  m.nomination.nominee_isced_f_code = "0613";
  m.planned_arrival_date = "2026-08-15";
  m.planned_departure_date = "2026-12-20";
  m.language_skill = mobilities::LanguageSkill{"de", "B2"};
  return m;
}

inline mobilities::Component course(const std::string& code, const std::string& title, const std::string& credits) {
  mobilities::Component c;
  c.los_code = code;
  c.title = title;
  c.term = mobilities::TermId{1, 2};
  c.credits = {{"ects", credits}};
  return c;
}

// Two courses studied abroad, recognised as one course at home.
inline mobilities::LaVersion sample_first_version() {
  mobilities::LaVersion v;
  v.components_of(mobilities::ComponentTable::kStudied) = {course("INF-101", "Distributed Systems", "7.5"),
                                                           course("INF-205", "Machine Learning", "7.5")};
  mobilities::Component recognized = course("IN3000", "Exchange courses in informatics", "15");
  recognized.recognition_conditions = "Both courses passed";
  v.components_of(mobilities::ComponentTable::kRecognized) = {recognized};
  return v;
}

// A change during the mobility: `dropped` (a course of the first version) deleted for a timetable
// conflict, Computer Vision inserted in its place.
inline mobilities::LaVersion sample_change_proposal(const std::string& dropped_code = "INF-205",
                                                    const std::string& dropped_title = "Machine Learning") {
  mobilities::Component dropped = course(dropped_code, dropped_title, "7.5");
  dropped.change = mobilities::ChangeStatus::kDeleted;
  dropped.reason_code = "timetable-conflict";
  mobilities::Component added = course("INF-310", "Computer Vision", "7.5");
  added.change = mobilities::ChangeStatus::kInserted;
  added.reason_code = "substituting-deleted";
  mobilities::LaVersion change;
  change.components_of(mobilities::ComponentTable::kStudied) = {dropped, added};
  return change;
}

inline mobilities::Signature student_signature() {
  return {std::nullopt, std::nullopt, std::nullopt, "2026-05-02T10:00:00Z", "Mobility"};
}

inline mobilities::Signature coordinator_signature(const std::string& hei) {
  return {"Kari Nordmann", "Exchange coordinator", "kari.nordmann@" + hei, "2026-05-03T09:30:00Z", "Mobility"};
}

}  // namespace mobility::testing
