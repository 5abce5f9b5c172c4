#include "mobilities/demo_mobilities.hpp"

#include <optional>
#include <vector>

#include "base/pattern.hpp"
#include "base/secure_random.hpp"
#include "base/text.hpp"
#include "db/institutions.hpp"
#include "db/mobilities.hpp"
#include "db/partner_mobilities.hpp"
#include "db/transaction.hpp"
#include "mobilities/demo_applications.hpp"
#include "mobilities/demo_host_courses.hpp"
#include "mobilities/incoming_mobilities.hpp"
#include "mobilities/la_rules.hpp"
#include "mobilities/mobility_rules.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"

namespace mobility::mobilities {
namespace {

const agreements::Editor kSeeder{std::nullopt, "mobility seed-demo", std::nullopt};

enum class Stage { kNominated, kApproved, kRejected, kLaProposed, kLaApproved, kLaChange, kLaCommented, kCancelled };

struct DemoStudent {
  Student student;
  std::optional<std::string> student_id;  // of our own demo students
  std::optional<std::string> ounit_id;    // their unit, which sends them
};

// One of the demo students of db/seed/demo.sql, as stored there.
DemoStudent our_student(const std::string& student_id, const std::string& given, const std::string& family,
                        const std::string& birth_date, int gender, const std::string& email_name, const std::string& ounit_id) {
  std::string esi = "urn:schac:personalUniqueCode:int:esi:fjordland.example:" + student_id;
  return {{given, family, esi, birth_date, "NO", gender, email_name + "@student.fjordland.example"}, student_id, ounit_id};
}

Student foreign_student(const std::string& hei_id, const std::string& code, const std::string& given, const std::string& family,
                        const std::string& citizenship) {
  return {given,
          family,
          "urn:schac:personalUniqueCode:int:esi:" + hei_id + ":" + code,
          "2003-02-14",
          citizenship,
          0,
          code + "@student." + hei_id};
}

Signature signature_of(const std::string& name, const std::string& email, const std::string& timestamp) {
  if (name.empty()) return {std::nullopt, std::nullopt, std::nullopt, timestamp, "Mobility"};
  return {name, "Exchange coordinator", email, timestamp, "Mobility"};
}

Component course(const std::string& code, const std::string& title, const std::string& credits, bool recognized = false) {
  Component c;
  c.los_code = code;
  c.title = title;
  c.term = TermId{1, 2};
  c.credits = {{"ects", credits}};
  if (recognized) c.recognition_conditions = "All courses passed";
  return c;
}

LaVersion first_proposal() {
  LaVersion v;
  v.components_of(ComponentTable::kStudied) = {course("DS-301", "Distributed Systems", "10"),
                                               course("ML-320", "Machine Learning", "10"),
                                               course("LANG-110", "Language and Culture", "10")};
  v.components_of(ComponentTable::kRecognized) = {course("IN-EXCH30", "Exchange studies in informatics", "30", true)};
  return v;
}

LaVersion change_proposal() {
  LaVersion v;
  Component dropped = course("ML-320", "Machine Learning", "10");
  dropped.change = ChangeStatus::kDeleted;
  dropped.reason_code = "timetable-conflict";
  Component added = course("CV-330", "Computer Vision", "10");
  added.change = ChangeStatus::kInserted;
  added.reason_code = "substituting-deleted";
  v.components_of(ComponentTable::kStudied) = {dropped, added};
  return v;
}

Mobility demo_mobility(const std::string& id, const Student& student, const std::string& sending, const std::string& receiving) {
  Mobility m;
  m.omobility_id = id;
  m.student = student;
  m.nomination.sending = {sending, std::nullopt, "International Office", std::nullopt,
                          ContactPerson{"Ingrid", "Haugland", "ingrid.haugland@" + sending}};
  m.nomination.receiving = {receiving, std::nullopt, "International Office", std::nullopt,
                            ContactPerson{"Exchange", "Coordinator", "exchange@" + receiving}};
  m.nomination.sending_academic_term_id = "2026/2027-1/2";
  m.nomination.receiving_academic_year_id = "2026/2027";
  m.nomination.agreement_isced_f_code = "0613";
  m.nomination.eqf_level_at_departure = 6;
  m.nomination.nominee_isced_f_code = "0613";
  m.planned_arrival_date = "2026-08-17";
  m.planned_departure_date = "2026-12-18";
  m.language_skill = LanguageSkill{"en", "B2"};
  return m;
}

// Signs `version` as student and sending HEI: it becomes the proposal awaiting the partner.
Result<std::string> propose(db::Connection& connection, const std::string& id, const LaVersion& version) {
  OutgoingLearningAgreements las;
  if (auto saved = las.save_draft(connection, id, version, kSeeder); !saved) return saved.status();
  if (Status s = las.sign_draft(connection, id, Signer::kStudent, signature_of("", "", "2026-05-02T10:00:00Z"), kSeeder); !s)
    return s;
  Signature coordinator = signature_of("Ingrid Haugland", "ingrid.haugland@fjordland.example", "2026-05-03T09:30:00Z");
  if (Status s = las.sign_draft(connection, id, Signer::kSendingHei, coordinator, kSeeder); !s) return s;
  auto la = las.load(connection, id);
  if (!la) return la.status();
  if (!la->changes_proposal_id) return Status::internal("the demo proposal of " + id + " is not awaiting the partner");
  return *la->changes_proposal_id;
}

Signature partner_signature(const std::string& partner) {
  return signature_of("Exchange Coordinator", "exchange@" + partner, "2026-05-10T12:00:00Z");
}

// The partner's decisions, as its update calls would store them.
Status advance(db::Connection& connection, const Mobility& m, Stage stage) {
  OutgoingMobilities mobilities;
  OutgoingLearningAgreements las;
  const std::string& partner = m.nomination.receiving.hei_id;
  const std::string& id = m.omobility_id;
  if (stage == Stage::kCancelled) return mobilities.cancel(connection, id, kSeeder, "The student withdrew");
  if (stage == Stage::kNominated) return Status::ok();
  auto stored = mobilities.load(connection, id);
  if (!stored) return stored.status();
  std::string proposal_id = nomination_proposal_id(stored->nomination);
  if (stage == Stage::kRejected) {
    return mobilities.receive_decision(connection, {partner}, id, proposal_id, NominationDecision::kReject,
                                       std::string("No places left in this field for the autumn term"));
  }
  if (Status s = mobilities.receive_decision(connection, {partner}, id, proposal_id, NominationDecision::kApprove, std::nullopt);
      !s)
    return s;
  if (stage == Stage::kApproved) return Status::ok();
  auto first = propose(connection, id, first_proposal());
  if (!first) return first.status();
  if (stage == Stage::kLaProposed) return Status::ok();
  if (stage == Stage::kLaCommented) {
    return las.receive_comment(connection, {partner}, kDemoHei, id, *first, "Machine Learning is taught in spring only",
                               partner_signature(partner));
  }
  if (Status s = las.receive_approval(connection, {partner}, kDemoHei, id, *first, partner_signature(partner)); !s) return s;
  if (stage == Stage::kLaApproved) return Status::ok();
  return propose(connection, id, change_proposal()).status();  // kLaChange
}

// Runs `seed` in one transaction unless `id` exists; true when it seeded.
template <typename Seed>
Result<bool> once(db::Connection& connection, bool exists, Seed seed) {
  if (exists) return false;
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  if (Status s = seed(); !s) return s;
  if (Status s = tx->commit(); !s) return s;
  return true;
}

Status seed_outgoing(db::Connection& connection, const std::string& id, const DemoStudent& student, const std::string& partner,
                     Stage stage) {
  auto found = db::find_omobility(connection, id);
  if (!found) return found.status();
  return once(connection, found->has_value(),
              [&]() -> Status {
                Mobility m = demo_mobility(id, student.student, kDemoHei, partner);
                m.nomination.sending.ounit_id = student.ounit_id;
                auto nominated = OutgoingMobilities().nominate(connection, m, kSeeder, student.student_id);
                if (!nominated) return nominated.status();
                return advance(connection, m, stage);
              })
      .status();
}

Status seed_incoming(db::Connection& connection, const std::string& id, const Student& student, const std::string& partner,
                     NominationStatus status, std::optional<Stage> la_stage) {
  auto found = db::find_partner_omobility(connection, partner, id);
  if (!found) return found.status();
  return once(connection, found->has_value(),
              [&]() -> Status {
                Mobility m = demo_mobility(id, student, partner, kDemoHei);
                m.status = status;
                IncomingMobilities incoming;
                if (auto kept = incoming.store_copy(connection, partner, m, nomination_proposal_id(m.nomination)); !kept)
                  return kept.status();
                if (!la_stage) return Status::ok();
                LearningAgreement la{m, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
                LaVersion version = first_proposal();
                version.student_signature = signature_of("", "", "2026-05-02T10:00:00Z");
                version.sending_signature = partner_signature(partner);
                if (*la_stage == Stage::kLaProposed) {
                  la.changes_proposal_id = changes_proposal_id(version);
                  la.changes_proposal = version;
                  return incoming.store_la_copy(connection, partner, la).status();
                }
                version.receiving_signature =
                    signature_of("Ingrid Haugland", "ingrid.haugland@fjordland.example", "2026-05-12T08:00:00Z");
                la.first_version = version;
                if (*la_stage == Stage::kLaChange) {  // a change awaiting us after the approved first version
                  LaVersion change = change_proposal();
                  change.student_signature = version.student_signature;
                  change.sending_signature = version.sending_signature;
                  la.changes_proposal_id = changes_proposal_id(change);
                  la.changes_proposal = change;
                }
                return incoming.store_la_copy(connection, partner, la).status();
              })
      .status();
}

}  // namespace

Result<int64_t> seed_demo_mobilities(db::Connection& connection) {
  struct Outgoing {
    const char* id;
    DemoStudent student;
    const char* partner;
    Stage stage;
  };
  const std::vector<Outgoing> outgoing = {
      {"fjordland-demo-nominated", our_student("stud-aase", "Åse", "Bjørnstad", "2003-04-12", 2, "aase.bjornstad", "ou-mn-ifi"),
       "tu-rheinfeld.example", Stage::kNominated},
      {"fjordland-demo-approved",
       our_student("stud-oyvind", "Øyvind", "Kristiansen", "2002-11-30", 1, "oyvind.kristiansen", "ou-hf"),
       "lumiere-nord.example", Stage::kApproved},
      {"fjordland-demo-rejected", our_student("stud-maria", "Maria", "Hansen", "2004-01-05", 2, "maria.hansen", "ou-sv"),
       "valle-alto.example", Stage::kRejected},
      {"fjordland-demo-la-proposed", our_student("stud-jonas", "Jonas", "Eriksen", "2003-08-21", 1, "jonas.eriksen", "ou-mn"),
       "pohjola.example", Stage::kLaProposed},
      {"fjordland-demo-la-approved",
       {foreign_student(kDemoHei, "s-sofie", "Sofie", "Lund", "NO"), std::nullopt, "ou-mn"},
       "tu-rheinfeld.example",
       Stage::kLaApproved},
      {"fjordland-demo-la-change",
       {foreign_student(kDemoHei, "s-henrik", "Henrik", "Dahl", "NO"), std::nullopt, "ou-mn"},
       "lumiere-nord.example",
       Stage::kLaChange},
      {"fjordland-demo-la-commented",
       {foreign_student(kDemoHei, "s-nora", "Nora", "Berg", "NO"), std::nullopt, "ou-hf"},
       "valle-alto.example",
       Stage::kLaCommented},
      {"fjordland-demo-cancelled",
       {foreign_student(kDemoHei, "s-emil", "Emil", "Strand", "NO"), std::nullopt, std::nullopt},
       "collina.example",
       Stage::kCancelled},
  };
  for (const Outgoing& m : outgoing) {
    if (Status s = seed_outgoing(connection, m.id, m.student, m.partner, m.stage); !s) return s.with_context(m.id);
  }
  struct Incoming {
    const char* id;
    const char* partner;
    Student student;
    NominationStatus status;
    std::optional<Stage> la_stage;
  };
  const std::vector<Incoming> incoming = {
      {"rheinfeld-demo-incoming-nominated", "tu-rheinfeld.example",
       foreign_student("tu-rheinfeld.example", "s-lena", "Lena", "Vogt", "DE"), NominationStatus::kPending, std::nullopt},
      {"lumiere-demo-incoming-approved", "lumiere-nord.example",
       foreign_student("lumiere-nord.example", "s-camille", "Camille", "Roux", "FR"), NominationStatus::kApproved, std::nullopt},
      {"pohjola-demo-incoming-la-proposed", "pohjola.example",
       foreign_student("pohjola.example", "s-aino", "Aino", "Laine", "FI"), NominationStatus::kApproved, Stage::kLaProposed},
      {"valle-demo-incoming-la-approved", "valle-alto.example",
       foreign_student("valle-alto.example", "s-giulia", "Giulia", "Conti", "IT"), NominationStatus::kApproved,
       Stage::kLaApproved},
      {"collina-demo-incoming-cancelled", "collina.example",
       foreign_student("collina.example", "s-marco", "Marco", "Ferri", "IT"), NominationStatus::kCancelled, std::nullopt},
      {"rheinfeld-demo-incoming-rejected", "tu-rheinfeld.example",
       foreign_student("tu-rheinfeld.example", "s-jan", "Jan", "Becker", "DE"), NominationStatus::kRejected, std::nullopt},
      {"lumiere-demo-incoming-la-change", "lumiere-nord.example",
       foreign_student("lumiere-nord.example", "s-louis", "Louis", "Martin", "FR"), NominationStatus::kApproved,
       Stage::kLaChange},
  };
  for (const Incoming& m : incoming) {
    if (Status s = seed_incoming(connection, m.id, m.student, m.partner, m.status, m.la_stage); !s) return s.with_context(m.id);
  }
  if (Status s = seed_demo_applications(connection); !s) return s.with_context("applications");
  if (Status s = seed_demo_host_courses(connection); !s) return s.with_context("host courses");
  auto count = connection.exec(
      "SELECT (SELECT count(*) FROM omobility WHERE omobility_id LIKE 'fjordland-demo-%')"
      "     + (SELECT count(*) FROM partner_omobility WHERE omobility_id LIKE '%-demo-incoming-%')");
  if (!count) return count.status();
  return count->front().get<int64_t>(0);
}

Result<TopUp> top_up_partner_demo(db::Connection& connection, const std::string& partner_hei_id) {
  if (!is_hei_id(partner_hei_id)) {
    return Status::invalid_argument("'" + excerpt(partner_hei_id) +
                                    "' is not an HEI id: a lower-case domain name such as uio.no");
  }
  if (partner_hei_id == kDemoHei) return Status::invalid_argument("the demo HEI cannot be its own partner");
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto added = db::add_partner_hei(connection, partner_hei_id);
  if (!added) return added.status().with_context("partner " + partner_hei_id);
  auto awaiting = db::count_awaiting_decisions(connection, kDemoHei, partner_hei_id);
  if (!awaiting) return awaiting.status();
  TopUp top_up;
  auto add = [&](Stage stage, const std::string& kind) -> Status {
    std::string code = kind + "-" + new_uuid().substr(0, 8);
    DemoStudent student{foreign_student(kDemoHei, code, "Demo", "Student", "NO"), std::nullopt, std::nullopt};
    return seed_outgoing(connection, "fjordland-for-" + code, student, partner_hei_id, stage);
  };
  if (awaiting->nominations == 0) {
    if (Status s = add(Stage::kNominated, "nomination"); !s) return s;
    top_up.nominations_added = 1;
  }
  if (awaiting->la_proposals == 0) {
    if (Status s = add(Stage::kLaProposed, "la"); !s) return s;
    top_up.la_proposals_added = 1;
  }
  if (Status s = tx->commit(); !s) return s;
  return top_up;
}

}  // namespace mobility::mobilities
