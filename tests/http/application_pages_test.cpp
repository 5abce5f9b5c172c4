// Applications, selection and course pre-approval (portal/mobilities/application_pages.hpp,
// selection_pages.hpp, preapproval_pages.hpp) over real loopback HTTP with real PostgreSQL and the
// demo data: the student applies (bad input kept and refused, two tabs never overwrite each
// other), the coordinator selects (which nominates over EWP) or rejects, the student proposes
// courses and the coordinator decides them; who may see what; the mails each step queues.
#include <gtest/gtest.h>

#include <algorithm>

#include "mobilities/applications.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "tests/support/pdf_text.hpp"
#include "tests/support/portal_server.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::portal {
namespace {

using testing::contains;
using testing::form_fields;
using testing::Visit;
using testing::with;

constexpr const char* kStudent = "aase.bjornstad@student.fjordland.example";  // stud-aase, ou-mn-ifi
constexpr const char* kAdmin = "ingrid.haugland@fjordland.example";           // io_admin
constexpr const char* kUnitCoordinator = "per.saether@fjordland.example";     // coordinator of ou-mn
constexpr const char* kLumiere = "lumiere-nord.example";

class ApplicationPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    portal_.start_with_demo_applications();  // the texts below are English
    if (HasFatalFailure()) return;
    open_round_ = query("SELECT round_id::text FROM application_round WHERE title = 'Exchange studies 2027/2028'");
    closed_round_ = query("SELECT round_id::text FROM application_round WHERE title = 'Exchange studies 2026/2027'");
  }

  std::string query(const std::string& sql) {
    auto connection = portal_.pool().acquire();
    auto rows = (*connection)->exec(sql);
    EXPECT_TRUE(rows) << rows.status().to_string();
    return rows && !rows->empty() ? rows->front().get<std::optional<std::string>>(0).value_or("NULL") : "";
  }

  std::string count(const std::string& sql) { return query("SELECT count(*)::text FROM " + sql); }

  std::string application_of(const std::string& student_id) {
    return query("SELECT application_id::text FROM application WHERE round_id = " + open_round_ + " AND student_id = '" +
                 student_id + "'");
  }

  std::string form_path() const { return "/my-exchange/applications/" + open_round_; }
  std::string round_path() const { return "/coordinator/applications/" + open_round_; }

  // The student's application form as shown, with the first choice and citizenship filled in.
  http::HeaderList filled_form(Visit& student, const std::string& action) {
    auto page = student.get(form_path());
    EXPECT_EQ(page.status, 200) << page.body;
    auto fields = form_fields(page.body, form_path());
    fields = with(fields, "choice_1", kLumiere);
    fields = with(fields, "motivation", "Jeg vil studere maskinlæring i Lumière-Nord.");
    fields = with(fields, "citizenship", "no");
    return with(fields, "action", action);
  }

  testing::PortalServer portal_;
  std::string open_round_;
  std::string closed_round_;
};

TEST_F(ApplicationPagesTest, AStudentDraftsHandsInAndWithdrawsAndBadInputIsKeptAndStoresNothing) {
  auto student = testing::signed_in(portal_.base(), kStudent);
  auto list = student->get("/my-exchange/applications");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(contains(list.body, "Exchange studies 2027/2028"));
  EXPECT_TRUE(contains(list.body, "Not started"));
  EXPECT_TRUE(contains(list.body, "Selected")) << "the closed round's decision";

  auto bad = student->post(form_path(), with(with(filled_form(*student, "submit"), "citizenship", "Norway"), "choice_1", ""));
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "Give your citizenship as a two-letter country code"));
  EXPECT_TRUE(contains(bad.body, "Choose each destination at most once"));
  EXPECT_TRUE(contains(bad.body, "Jeg vil studere maskinlæring")) << "what was typed is kept";
  EXPECT_TRUE(contains(bad.body, "aria-invalid=\"true\""));
  EXPECT_EQ(application_of("stud-aase"), "");

  auto twice = filled_form(*student, "submit");
  twice = with(twice, "choice_2", kLumiere);
  EXPECT_EQ(student->post(form_path(), twice).status, 400) << "one destination twice";
  auto foreign = with(filled_form(*student, "save"), "choice_1", "pohjola.example");
  EXPECT_EQ(student->post(form_path(), foreign).status, 400) << "not a published destination";

  auto draft = student->post(form_path(), filled_form(*student, "save"));
  ASSERT_EQ(draft.status, 303) << draft.body;
  EXPECT_EQ(
      query("SELECT state || ' ' || citizenship FROM application WHERE student_id = 'stud-aase' AND round_id = " + open_round_),
      "draft NO");
  EXPECT_EQ(count("mail_outbox WHERE kind = 'application_received'"), "0") << "a draft is not handed in";

  auto handed_in = student->post(form_path(), filled_form(*student, "submit"));
  ASSERT_EQ(handed_in.status, 303) << handed_in.body;
  EXPECT_EQ(query("SELECT state FROM application WHERE application_id = " + application_of("stud-aase")), "submitted");
  EXPECT_EQ(count("mail_outbox WHERE kind = 'application_received'"), "1");
  auto shown = student->get(form_path() + "?done=submitted");
  EXPECT_TRUE(contains(shown.body, "Your application is handed in"));
  auto kept = student->post(form_path(), with(form_fields(shown.body, form_path()), "action", "save"));
  EXPECT_EQ(kept.status, 303) << "a crafted save of a handed-in application";
  EXPECT_EQ(query("SELECT state || ' ' || version FROM application WHERE application_id = " + application_of("stud-aase")),
            "submitted 3")
      << "it stays handed in";
  student->get(form_path());

  auto withdrawn = student->post(form_path() + "/withdraw", {{"csrf", student->csrf()}, {"version", "3"}});
  EXPECT_EQ(withdrawn.status, 303) << withdrawn.body;
  EXPECT_EQ(query("SELECT state FROM application WHERE application_id = " + application_of("stud-aase")), "withdrawn");
}

TEST_F(ApplicationPagesTest, TwoTabsNeverOverwriteEachOther) {
  auto tab_one = testing::signed_in(portal_.base(), kStudent);
  auto tab_two = testing::signed_in(portal_.base(), kStudent);
  auto first = filled_form(*tab_one, "save");
  auto second = with(filled_form(*tab_two, "save"), "motivation", "From the second tab");
  ASSERT_EQ(tab_one->post(form_path(), first).status, 303);
  auto stale = tab_two->post(form_path(), second);
  EXPECT_EQ(stale.status, 409) << "both tabs started a new application";
  EXPECT_TRUE(contains(stale.body, "changed meanwhile"));
  EXPECT_TRUE(contains(stale.body, "What you typed (not saved)"));
  EXPECT_TRUE(contains(stale.body, "From the second tab")) << "what was typed is still there to copy";
  auto shown = form_fields(stale.body, form_path());
  EXPECT_TRUE(std::find(shown.begin(), shown.end(), std::pair<std::string, std::string>("version", "1")) != shown.end())
      << "the form now carries the stored version";
  EXPECT_TRUE(std::find(shown.begin(), shown.end(),
                        std::pair<std::string, std::string>("motivation", "Jeg vil studere maskinlæring i Lumière-Nord.")) !=
              shown.end())
      << "the form shows the stored application, so a second click cannot overwrite it unseen";
  EXPECT_EQ(query("SELECT motivation FROM application WHERE student_id = 'stud-aase' AND round_id = " + open_round_),
            "Jeg vil studere maskinlæring i Lumière-Nord.");
  EXPECT_EQ(query("SELECT version::text FROM application WHERE student_id = 'stud-aase' AND round_id = " + open_round_), "1");
}

TEST_F(ApplicationPagesTest, OnlyTheStudentSeesTheirApplicationAndClosedRoundsRefuseChanges) {
  EXPECT_EQ(Visit(portal_.base()).get(form_path()).status, 303) << "signed out: the login page";
  auto coordinator = testing::signed_in(portal_.base(), kUnitCoordinator);
  EXPECT_EQ(coordinator->get(form_path()).status, 403) << "staff have no application of their own";
  auto student = testing::signed_in(portal_.base(), kStudent);
  EXPECT_EQ(student->get("/my-exchange/applications/999999").status, 404);
  EXPECT_EQ(student->get("/coordinator/applications").status, 403);
  EXPECT_EQ(student->get(round_path()).status, 403);
  auto closed = student->get("/my-exchange/applications/" + closed_round_);
  ASSERT_EQ(closed.status, 200);
  EXPECT_TRUE(contains(closed.body, "You have been selected for"));
  EXPECT_FALSE(contains(closed.body, "name=\"motivation\"")) << "no form in a closed round";
  auto late = student->post("/my-exchange/applications/" + closed_round_,
                            {{"csrf", student->csrf()}, {"version", "2"}, {"choice_1", kLumiere}, {"action", "save"}});
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(contains(late.body, "not open"));
}

TEST_F(ApplicationPagesTest, SelectingNominatesTheStudentOverEwpAndTellsThem) {
  auto student = testing::signed_in(portal_.base(), kStudent);
  ASSERT_EQ(student->post(form_path(), filled_form(*student, "submit")).status, 303);
  std::string application = application_of("stud-aase");

  auto coordinator = testing::signed_in(portal_.base(), kUnitCoordinator);
  auto round = coordinator->get(round_path());
  ASSERT_EQ(round.status, 200) << round.body;
  EXPECT_TRUE(contains(round.body, "Åse Bjørnstad"));
  EXPECT_TRUE(contains(round.body, "Jonas Eriksen"));
  EXPECT_TRUE(contains(round.body, "Places in the agreement: 2 · nominated for the year: 0 · left: 2")) << round.body;

  std::string action = round_path() + "/" + application;
  auto stale =
      coordinator->post(action + "/select", {{"csrf", coordinator->csrf()}, {"version", "7"}, {"partner_hei_id", kLumiere}});
  EXPECT_EQ(stale.status, 409) << "a page showing another version than the stored one";
  EXPECT_TRUE(contains(stale.body, "changed meanwhile"));
  EXPECT_EQ(count("omobility WHERE student_id = 'stud-aase'"), "1");
  auto fields = form_fields(coordinator->get(round_path()).body, action + "/select");
  auto selected = coordinator->post(action + "/select", fields);
  ASSERT_EQ(selected.status, 303) << selected.body;
  std::string omobility_id = query("SELECT omobility_id FROM application WHERE application_id = " + application);
  EXPECT_EQ(
      query("SELECT status || ' ' || receiving_hei_id || ' ' || receiving_academic_year_id || ' ' || student_id FROM omobility "
            "WHERE omobility_id = '" +
            omobility_id + "'"),
      "pending lumiere-nord.example 2027/2028 stud-aase");
  EXPECT_EQ(query("SELECT content->'nomination'->'sending'->'contact'->>'email' FROM omobility WHERE omobility_id = '" +
                  omobility_id + "'"),
            kUnitCoordinator);
  EXPECT_EQ(count("cnr_outbox WHERE api = 'omobility-cnr' AND object_id = '" + omobility_id + "'"), "1");
  EXPECT_EQ(count("mail_outbox WHERE kind = 'application_decided'"), "1");
  auto after = coordinator->get(round_path());
  EXPECT_TRUE(contains(after.body, "Places in the agreement: 2 · nominated for the year: 1 · left: 1"));
  auto again =
      coordinator->post(action + "/select", {{"csrf", coordinator->csrf()}, {"version", "3"}, {"partner_hei_id", kLumiere}});
  EXPECT_EQ(again.status, 409) << "decided already";
  EXPECT_EQ(count("omobility WHERE student_id = 'stud-aase'"), "2") << "no second nomination";
  auto seen = student->get(form_path());
  EXPECT_TRUE(contains(seen.body, "/my-exchange/mobilities/" + omobility_id));

  // She withdraws after all: the nomination is cancelled and the partner told.
  EXPECT_TRUE(contains(seen.body, "Withdrawing now also cancels your nomination"));
  auto withdrawn = student->post(form_path() + "/withdraw", form_fields(seen.body, form_path() + "/withdraw"));
  EXPECT_EQ(withdrawn.status, 303) << withdrawn.body;
  EXPECT_EQ(query("SELECT state FROM application WHERE application_id = " + application), "withdrawn");
  EXPECT_EQ(query("SELECT status FROM omobility WHERE omobility_id = '" + omobility_id + "'"), "cancelled");
  EXPECT_EQ(count("cnr_outbox WHERE api = 'omobility-cnr' AND object_id = '" + omobility_id + "' AND state = 'pending'"), "1")
      << "the notification not yet sent covers the cancellation too";
}

// A nomination made from an application has no planned dates, language or responsible person at
// the receiving HEI, without which the partner cannot be sent the learning agreement: the student
// gives them with the draft, and neither she nor the coordinator can sign before she has.
TEST_F(ApplicationPagesTest, ASelectedStudentGivesHerStayWithTheDraftBeforeTheAgreementIsSigned) {
  auto student = testing::signed_in(portal_.base(), kStudent);
  ASSERT_EQ(student->post(form_path(), filled_form(*student, "submit")).status, 303);
  std::string application = application_of("stud-aase");
  auto coordinator = testing::signed_in(portal_.base(), kUnitCoordinator);
  std::string action = round_path() + "/" + application + "/select";
  ASSERT_EQ(coordinator->post(action, form_fields(coordinator->get(round_path()).body, action)).status, 303);
  std::string id = query("SELECT omobility_id FROM application WHERE application_id = " + application);
  const std::string page = "/my-exchange/mobilities/" + id;
  auto content = [&](const std::string& path) {
    return query("SELECT coalesce(content #>> '{" + path + "}', 'none') FROM omobility WHERE omobility_id = '" + id + "'");
  };

  auto shown = student->get(page);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_TRUE(contains(shown.body, "<label for=\"planned_arrival\">Planned arrival (YYYY-MM-DD)</label>")) << shown.body;
  EXPECT_TRUE(contains(shown.body, "<label for=\"cefr_level\">"));
  EXPECT_TRUE(contains(shown.body, "<label for=\"receiving_email\">Email address</label>"));
  EXPECT_TRUE(contains(shown.body,
                       "Before the learning agreement can be signed, the receiving institution needs: Responsible "
                       "person at the receiving institution; Planned arrival (YYYY-MM-DD); Planned departure "
                       "(YYYY-MM-DD); the language of your studies and your level in it."));
  http::HeaderList tables = {{"csrf", student->csrf()}, {"a0_code", "LN-301"}, {"a0_title", "Systèmes répartis"},
                             {"a0_credits", "7,5"},     {"a0_term", "1/1"},    {"b0_title", "Exchange courses"},
                             {"b0_credits", "10"},      {"b0_term", "1/1"}};

  // The tables with the stay's fields as given, in the form's order.
  auto with_stay = [&](const std::vector<std::string>& values) {
    const char* names[] = {"planned_arrival",       "planned_departure",     "language",       "cefr_level",
                           "receiving_given_names", "receiving_family_name", "receiving_email"};
    http::HeaderList fields = with(tables, "csrf", student->csrf());
    for (size_t i = 0; i < values.size(); ++i) fields = with(fields, names[i], values[i]);
    return fields;
  };

  // Wrong facts: each error beside its field, what was typed kept, nothing stored.
  auto refused = student->post(page + "/draft", with_stay({"17.08.2027", "2027-12-20", "fr", "", "Marie", "", "marie"}));
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_TRUE(
      contains(refused.body, "id=\"planned_arrival\" name=\"planned_arrival\" value=\"17.08.2027\" aria-invalid=\"true\""))
      << refused.body;
  EXPECT_TRUE(contains(refused.body, "id=\"planned_arrival-error\" role=\"alert\">Write the date as YYYY-MM-DD"));
  EXPECT_TRUE(contains(refused.body, "id=\"cefr_level-error\" role=\"alert\">Give the language as a code"));
  EXPECT_TRUE(contains(refused.body, "id=\"receiving_family_name-error\" role=\"alert\">Give both the given names"));
  EXPECT_TRUE(contains(refused.body, "id=\"receiving_email-error\" role=\"alert\">Give an email address"));
  EXPECT_TRUE(contains(refused.body, "value=\"Marie\"")) << "what was typed is kept";
  EXPECT_TRUE(contains(refused.body, "value=\"Systèmes répartis\""));
  EXPECT_EQ(count("la_version WHERE omobility_id = '" + id + "'"), "0");
  EXPECT_EQ(content("planned_departure_date"), "none");

  // A draft without them is kept, but not signed.
  ASSERT_EQ(student->post(page + "/draft", tables).status, 303);
  student->get(page);
  auto unsigned_ = student->post(page + "/sign", {{"csrf", student->csrf()}});
  EXPECT_EQ(unsigned_.status, 409);
  EXPECT_TRUE(contains(unsigned_.body, "Before the learning agreement can be signed")) << unsigned_.body;
  EXPECT_EQ(query("SELECT content ->> 'student_signature' FROM la_version WHERE omobility_id = '" + id + "'"), "NULL");

  // Given with the draft, they are the mobility's (the partner is told), and both sign.
  student->get(page);
  auto saved = student->post(page + "/draft", with_stay({"2027-08-16", "2027-12-20", "fr", "B2", "Marie", "Lefèvre",
                                                         "marie.lefevre@lumiere-nord.example"}));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(content("planned_arrival_date") + " " + content("planned_departure_date"), "2027-08-16 2027-12-20");
  EXPECT_EQ(content("language_skill,cefr_level"), "B2");
  EXPECT_EQ(content("nomination,receiving,contact,email"), "marie.lefevre@lumiere-nord.example");
  EXPECT_EQ(count("omobility_event WHERE omobility_id = '" + id + "' AND event = 'changed'"), "1");
  EXPECT_FALSE(contains(student->get(page).body, "Before the learning agreement can be signed"));
  ASSERT_EQ(student->post(page + "/sign", {{"csrf", student->csrf()}}).status, 303);
  coordinator->get("/mobilities/outgoing/" + id);
  auto proposed = coordinator->post("/mobilities/outgoing/" + id + "/sign",
                                    {{"csrf", coordinator->csrf()}, {"signer_position", "Exchange coordinator"}});
  EXPECT_EQ(proposed.status, 303) << proposed.body;
  EXPECT_EQ(query("SELECT state FROM la_version WHERE omobility_id = '" + id + "'"), "proposed");
  EXPECT_EQ(count("cnr_outbox WHERE api = 'omobility-la-cnr' AND object_id = '" + id + "'"), "1");
}

TEST_F(ApplicationPagesTest, RejectingNeedsAReasonAndAnotherUnitsStudentIsUnknown) {
  std::string jonas = application_of("stud-jonas");
  auto admin = testing::signed_in(portal_.base(), kAdmin);
  admin->get(round_path());
  std::string action = round_path() + "/" + jonas;
  auto no_reason = admin->post(action + "/reject", {{"csrf", admin->csrf()}, {"version", "1"}, {"reason_" + jonas, " "}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_TRUE(contains(no_reason.body, "Give the reason the student will see"));
  EXPECT_EQ(query("SELECT state FROM application WHERE application_id = " + jonas), "submitted");
  auto rejected =
      admin->post(action + "/reject", {{"csrf", admin->csrf()}, {"version", "1"}, {"reason_" + jonas, "All places are taken"}});
  EXPECT_EQ(rejected.status, 303) << rejected.body;
  EXPECT_EQ(query("SELECT state || ': ' || decision_reason FROM application WHERE application_id = " + jonas),
            "rejected: All places are taken");

  // A coordinator of another faculty neither sees nor decides ou-mn's students.
  auto connection = portal_.pool().acquire();
  ASSERT_TRUE((*connection)->exec("UPDATE account_role SET ounit_id = 'ou-hf' WHERE role = 'coordinator'"));
  auto other = testing::signed_in(portal_.base(), kUnitCoordinator);
  auto round = other->get(round_path());
  EXPECT_FALSE(contains(round.body, "Jonas Eriksen"));
  EXPECT_EQ(other->post(action + "/select", {{"csrf", other->csrf()}, {"version", "2"}, {"partner_hei_id", kLumiere}}).status,
            404);
}

TEST_F(ApplicationPagesTest, CoordinatorsRankEachDestinationsApplicantsAndBadRanksStoreNothing) {
  auto student = testing::signed_in(portal_.base(), kStudent);
  ASSERT_EQ(student->post(form_path(), filled_form(*student, "submit")).status, 303);
  std::string aase = application_of("stud-aase");
  std::string jonas = application_of("stud-jonas");
  auto coordinator = testing::signed_in(portal_.base(), kUnitCoordinator);
  auto before = coordinator->get(round_path());
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_LT(before.body.find("Jonas Eriksen"), before.body.find("Åse Bjørnstad")) << "unranked: in the order handed in";
  EXPECT_TRUE(contains(before.body, "<label for=\"rank-lumiere-nord.example-" + aase + "\">Rank of Åse Bjørnstad</label>"));
  std::string ranking = round_path() + "/ranking";
  auto form = form_fields(before.body, ranking);
  ASSERT_TRUE(std::find(form.begin(), form.end(), std::pair<std::string, std::string>("version", "0")) != form.end());

  auto saved = coordinator->post(ranking, with(with(form, "rank_" + aase, "1"), "rank_" + jonas, "2"));
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto ranked = coordinator->get(round_path() + "?done=ranked");
  EXPECT_TRUE(contains(ranked.body, "The ranking is saved."));
  EXPECT_LT(ranked.body.find("Åse Bjørnstad"), ranked.body.find("Jonas Eriksen")) << "shown in the coordinator's order";
  EXPECT_TRUE(contains(ranked.body, "Last ranked by " + std::string(kUnitCoordinator)));
  EXPECT_EQ(query("SELECT string_agg(application_id || ':' || rank, ' ' ORDER BY rank) FROM applicant_rank WHERE round_id = " +
                  open_round_),
            aase + ":1 " + jonas + ":2");
  EXPECT_EQ(query("SELECT actor || ' ' || record || ' ' || detail FROM audit_event WHERE action = 'applicants_ranked'"),
            std::string(kUnitCoordinator) + " application_round:" + open_round_ + " lumiere-nord.example " + jonas + ":2 " +
                aase + ":1");
  std::string stored =
      "SELECT version || ' ' || string_agg(application_id || ':' || rank, ' ' ORDER BY rank) "
      "FROM destination_ranking JOIN applicant_rank USING (round_id, partner_hei_id) WHERE round_id = " +
      open_round_ + " GROUP BY version";
  ASSERT_EQ(query(stored), "1 " + aase + ":1 " + jonas + ":2");

  // Not numbers, too large, given twice: a message beside the field, what was typed kept, nothing stored.
  form = form_fields(ranked.body, ranking);
  for (const auto& [typed, message] :
       std::vector<std::pair<std::string, std::string>>{{"first", "Give a whole number from 1 to 999"},
                                                        {"99999999999", "Give a whole number from 1 to 999"},
                                                        {"-1", "Give a whole number from 1 to 999"},
                                                        {"0", "Give a whole number from 1 to 999"},
                                                        {"2", "This number is given to another applicant"}}) {
    SCOPED_TRACE(typed);
    auto bad = coordinator->post(ranking, with(form, "rank_" + aase, typed));
    EXPECT_EQ(bad.status, 400) << bad.body;
    EXPECT_TRUE(contains(bad.body, message)) << bad.body;
    std::string field_id = "rank-lumiere-nord.example-" + aase;
    EXPECT_TRUE(contains(bad.body, "value=\"" + typed + "\" aria-describedby=\"rank-hint-lumiere-nord.example " + field_id +
                                       "-error\" aria-invalid=\"true\""))
        << bad.body;
    EXPECT_EQ(query(stored), "1 " + aase + ":1 " + jonas + ":2");
  }

  // Two tabs showing version 1: the first saves, the second is told it changed meanwhile, its
  // numbers kept, nothing stored; so is a tab from before the first ranking.
  ASSERT_EQ(coordinator->post(ranking, form).status, 303);
  ASSERT_EQ(query(stored), "2 " + aase + ":1 " + jonas + ":2");
  auto never_ranked = coordinator->post(ranking, with(form, "version", "0"));
  EXPECT_EQ(never_ranked.status, 409) << never_ranked.body;
  auto stale = coordinator->post(ranking, with(with(form, "rank_" + aase, "2"), "rank_" + jonas, "1"));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_TRUE(contains(stale.body, "The ranking was changed meanwhile"));
  EXPECT_TRUE(contains(stale.body, "id=\"rank-lumiere-nord.example-" + jonas + "\" name=\"rank_" + jonas + "\" value=\"1\""));
  EXPECT_EQ(query(stored), "2 " + aase + ":1 " + jonas + ":2");
  // Saved again from that page, it replaces the ranking; an empty number unranks.
  auto again = coordinator->post(ranking, form_fields(stale.body, ranking));
  EXPECT_EQ(again.status, 303) << again.body;
  EXPECT_EQ(query(stored), "3 " + jonas + ":1 " + aase + ":2");
  auto unranked = coordinator->post(ranking, with(form_fields(coordinator->get(round_path()).body, ranking), "rank_" + aase, ""));
  EXPECT_EQ(unranked.status, 303) << unranked.body;
  EXPECT_EQ(query(stored), "4 " + jonas + ":1");

  // Selecting works as before.
  std::string action = round_path() + "/" + aase;
  auto selected = coordinator->post(action + "/select", form_fields(coordinator->get(round_path()).body, action + "/select"));
  EXPECT_EQ(selected.status, 303) << selected.body;

  // Applicants the form may not name: a draft, a student of another unit, another destination's.
  std::string maria = application_of("stud-maria");
  form = form_fields(coordinator->get(round_path()).body, ranking);
  EXPECT_EQ(coordinator->post(ranking, with(form, "rank_" + maria, "3")).status, 404) << "a draft is no applicant";
  EXPECT_EQ(coordinator->post(ranking, with(form, "partner_hei_id", "valle-alto.example")).status, 404);
  auto connection = portal_.pool().acquire();
  ASSERT_TRUE((*connection)->exec("UPDATE account_role SET ounit_id = 'ou-hf' WHERE role = 'coordinator'"));
  auto other = testing::signed_in(portal_.base(), kUnitCoordinator);
  other->get(round_path());
  EXPECT_EQ(other->post(ranking, with(with(form, "csrf", other->csrf()), "rank_" + jonas, "5")).status, 404);
  EXPECT_EQ(query(stored), "4 " + jonas + ":1");
}

// The demo's closed round was ranked by the coordinator before the selection: a newcomer sees
// ranks on its page (mobilities/demo_applications.hpp).
TEST_F(ApplicationPagesTest, TheDemosClosedRoundShowsTheCoordinatorsRanking) {
  auto admin = testing::signed_in(portal_.base(), kAdmin);
  auto page = admin->get("/coordinator/applications/" + closed_round_);
  ASSERT_EQ(page.status, 200) << page.body;
  size_t lumiere = page.body.find("id=\"dest-lumiere-nord.example\"");
  size_t next = page.body.find("id=\"dest-tu-rheinfeld.example\"");
  ASSERT_NE(lumiere, std::string::npos) << page.body;
  ASSERT_NE(next, std::string::npos) << page.body;
  std::string section = page.body.substr(lumiere, next - lumiere);
  EXPECT_LT(section.find("Øyvind Kristiansen"), section.find("Åse Bjørnstad")) << "in the coordinator's order: " << section;
  EXPECT_TRUE(contains(section, "<td>1</td>\n    <td>Øyvind Kristiansen")) << section;
  EXPECT_TRUE(contains(section, "<td>2</td>\n    <td>Åse Bjørnstad")) << section;
  EXPECT_TRUE(contains(section, "Last ranked by ingrid.haugland@fjordland.example")) << section;
  auto form = form_fields(section, "/coordinator/applications/" + closed_round_ + "/ranking");
  EXPECT_TRUE(std::find(form.begin(), form.end(), std::pair<std::string, std::string>("version", "1")) != form.end());
  auto open = admin->get(round_path());
  EXPECT_FALSE(contains(open.body, "Last ranked by")) << "the open round is the coordinator's to rank";
}

TEST_F(ApplicationPagesTest, CoordinatorsCreateRoundsOnlyForTheirUnits) {
  auto coordinator = testing::signed_in(portal_.base(), kUnitCoordinator);
  auto page = coordinator->get("/coordinator/applications");
  ASSERT_EQ(page.status, 200) << page.body;
  http::HeaderList round{{"csrf", coordinator->csrf()}, {"title", "Spring exchange 2028"}, {"year", "2027/2028"},
                         {"ounit_id", "ou-mn"},         {"opens", "2027-01-10"},           {"closes", "2027-01-05"},
                         {"max_choices", "2"}};
  auto bad = coordinator->post("/coordinator/applications", round);
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "after the opening date"));
  EXPECT_TRUE(contains(bad.body, "Spring exchange 2028")) << "kept";
  auto whole_hei = coordinator->post("/coordinator/applications", with(with(round, "closes", "2027-02-01"), "ounit_id", ""));
  EXPECT_EQ(whole_hei.status, 400) << "a unit coordinator cannot open a round for the whole HEI";
  auto created = coordinator->post("/coordinator/applications", with(round, "closes", "2027-02-01"));
  EXPECT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(count("application_round WHERE title = 'Spring exchange 2028' AND ounit_id = 'ou-mn' AND max_choices = 2"), "1");
}

TEST_F(ApplicationPagesTest, CoursesArePreApprovedLineByLineAndDocumented) {
  const std::string own = "/my-exchange/mobilities/fjordland-demo-nominated/courses";
  const std::string staff = "/mobilities/outgoing/fjordland-demo-nominated/courses";
  auto student = testing::signed_in(portal_.base(), kStudent);
  auto page = student->get(own);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "Distributed Systems"));
  EXPECT_TRUE(contains(page.body, "Waiting for a decision"));
  EXPECT_TRUE(contains(page.body, "<input type=\"text\" id=\"term\" name=\"term\" value=\"1/2\">"))
      << "the mobility's first term until the student chooses another";

  http::HeaderList line{{"csrf", student->csrf()},
                        {"host_course_code", "=HYPERLINK(\"x\")"},
                        {"host_course_title", "Robotics"},
                        {"host_credits", "seventy"},
                        {"term", "2/2"},
                        {"home_course_code", "IN3140"},
                        {"home_course_title", "Robotikk"},
                        {"home_credits", "10"}};
  auto bad = student->post(own, line);
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "Give the credits as a number from 0.5 to 60"));
  EXPECT_TRUE(contains(bad.body, "Robotikk")) << "kept";
  EXPECT_EQ(count("preapproval_line WHERE host_course_title = 'Robotics'"), "0");
  // A term a learning agreement's component could not have: beside the field, typed kept, nothing stored.
  for (const std::string term : {"3/2", "0/2", "autumn", "", "1/10"}) {
    SCOPED_TRACE(term);
    auto bad_term = student->post(own, with(with(line, "host_credits", "7.5"), "term", term));
    EXPECT_EQ(bad_term.status, 400) << bad_term.body;
    EXPECT_TRUE(contains(bad_term.body, "<input type=\"text\" id=\"term\" name=\"term\" value=\"" + term +
                                            "\" aria-invalid=\"true\" aria-describedby=\"term-error\">"
                                            "\n<p class=\"field-error\" id=\"term-error\" role=\"alert\">"
                                            "Write the term as 1/2 (the first of two terms), 2/2 or 1/1.</p>"))
        << bad_term.body;
    EXPECT_TRUE(contains(bad_term.body, "value=\"Robotikk\"")) << "the rest is kept too";
    EXPECT_EQ(count("preapproval_line WHERE host_course_title = 'Robotics'"), "0");
  }
  // "7,5" as Norwegians write it, stored as 7.5 as the other forms do.
  ASSERT_EQ(student->post(own, with(line, "host_credits", "7,5")).status, 303);
  std::string line_id = query("SELECT line_id::text FROM preapproval_line WHERE host_course_title = 'Robotics'");
  EXPECT_EQ(query("SELECT term_number || ' of ' || total_terms FROM preapproval_line WHERE line_id = " + line_id), "2 of 2");
  EXPECT_TRUE(contains(student->get(own).body, "Robotics</td><td>7.5</td><td>2/2</td><td>IN3140 Robotikk</td>"))
      << "the list shows the term";
  EXPECT_EQ(count("mail_outbox WHERE kind = 'preapproval_to_decide'"), "0") << "a line was waiting already: no second mail";

  auto coordinator = testing::signed_in(portal_.base(), kAdmin);  // the demo mobility names no unit
  auto decisions = coordinator->get(staff);
  ASSERT_EQ(decisions.status, 200) << decisions.body;
  auto no_comment = coordinator->post(staff + "/" + line_id, {{"csrf", coordinator->csrf()}, {"decision", "reject"}});
  EXPECT_EQ(no_comment.status, 400);
  EXPECT_TRUE(contains(no_comment.body, "a rejection needs one that says why"));
  EXPECT_TRUE(contains(no_comment.body, "aria-invalid=\"true\"")) << "beside the field";
  EXPECT_EQ(coordinator->post(staff + "/" + line_id, {{"csrf", coordinator->csrf()}, {"decision", "approve"}}).status, 303);
  std::string waiting = query("SELECT line_id::text FROM preapproval_line WHERE host_course_code = 'CV-330'");
  EXPECT_EQ(count("mail_outbox WHERE kind = 'preapproval_decided'"), "0") << "one line still waits";
  coordinator->get(staff);
  EXPECT_EQ(coordinator
                ->post(staff + "/" + waiting,
                       {{"csrf", coordinator->csrf()}, {"decision", "reject"}, {"comment_" + waiting, "Taught in spring only"}})
                .status,
            303);
  EXPECT_EQ(count("mail_outbox WHERE kind = 'preapproval_decided'"), "1") << "every line decided: the student is told";
  student->get(own);
  EXPECT_EQ(student->post(own + "/" + line_id + "/withdraw", {{"csrf", student->csrf()}}).status, 409) << "decided already";

  auto csv = coordinator->get(staff + "/decision.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(contains(csv.body,
                       "omobility_id,student_global_id,student_name,receiving_hei_id,academic_year,term_number,"
                       "total_terms,host_course_code"));
  EXPECT_TRUE(contains(csv.body, "2026/2027,2,2,\"'=HYPERLINK(\"\"x\"\")\",Robotics,7.5,IN3140,Robotikk,10,no")) << csv.body;
  EXPECT_TRUE(contains(csv.body, "2026/2027,1,2,DS-301,Distributed Systems,10,")) << "the demo line's term";
  EXPECT_FALSE(contains(csv.body, "Computer Vision")) << "rejected lines are not exported";
  EXPECT_EQ(student->get(own + "/decision.csv").status, 404) << "the export is the staff's";
  auto pdf = student->get(own + "/decision.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_TRUE(contains(testing::pdf_text(pdf.body), "Robotics 7.5 2/2 IN3140 Robotikk")) << testing::pdf_text(pdf.body);

  EXPECT_EQ(student->get("/my-exchange/mobilities/fjordland-demo-approved/courses").status, 404) << "Øyvind's";
  auto earlier = coordinator->get("/mobilities/outgoing/fjordland-demo-approved/courses?search=apprentissage");
  EXPECT_TRUE(contains(earlier.body, "<td>INF-320 Apprentissage automatique</td><td>6</td><td>1/2</td>"))
      << "approved for an earlier student at Lumière-Nord, in the first term";
  EXPECT_FALSE(contains(earlier.body, "Systèmes distribués")) << "the search narrows the list";
  auto editor = student->get("/my-exchange/mobilities/fjordland-demo-nominated");
  EXPECT_TRUE(contains(editor.body, "value=\"Distributed Systems\"")) << "the first draft starts from the approved courses";
  EXPECT_TRUE(contains(editor.body, "value=\"Robotics\""));
  EXPECT_TRUE(contains(editor.body, "name=\"a0_term\" id=\"a0_term\" value=\"1/2\"")) << "Distributed Systems' term";
  EXPECT_TRUE(contains(editor.body, "name=\"a1_term\" id=\"a1_term\" value=\"2/2\"")) << "Robotics' term, in table A";
  EXPECT_TRUE(contains(editor.body, "name=\"b1_term\" id=\"b1_term\" value=\"2/2\"")) << "and what it replaces, in table B";
  EXPECT_TRUE(contains(editor.body, "value=\"Robotikk\"")) << "table B: what they replace at home";
  EXPECT_FALSE(contains(editor.body, "value=\"Computer Vision\"")) << "rejected";
  auto destination = student->get("/destinations/lumiere-nord.example?courses=INF-301");
  ASSERT_EQ(destination.status, 200);
  EXPECT_TRUE(contains(destination.body, "INF-301 Systèmes distribués")) << "the destination page lists them too";
  EXPECT_FALSE(contains(destination.body, "INF-320 Apprentissage automatique")) << "the search narrows the earlier courses";

  // A mobility in the second of two terms: a new line starts in that term.
  query(
      "UPDATE omobility SET content = jsonb_set(content, '{nomination,sending_academic_term_id}', '\"2026/2027-2/2\"')"
      " WHERE omobility_id = 'fjordland-demo-nominated'");
  EXPECT_TRUE(contains(student->get(own).body, "<input type=\"text\" id=\"term\" name=\"term\" value=\"2/2\">"));
}

TEST_F(ApplicationPagesTest, AnApprovedIncomingStudentIsInvitedOnceAndSeesTheirStay) {
  const std::string nomination = "/mobilities/incoming/tu-rheinfeld.example/rheinfeld-demo-incoming-nominated";
  auto admin = testing::signed_in(portal_.base(), kAdmin);
  admin->get(nomination);
  ASSERT_EQ(admin->post(nomination + "/nomination", {{"csrf", admin->csrf()}, {"decision", "approve"}}).status, 303);
  EXPECT_EQ(count("mail_outbox m JOIN account a USING (account_id) WHERE m.kind = 'incoming_invitation'"
                  " AND a.email = 's-lena@student.tu-rheinfeld.example' AND a.password_hash IS NULL"),
            "1");
  EXPECT_EQ(count("account_nomination WHERE omobility_id = 'rheinfeld-demo-incoming-nominated'"), "1");
  admin->get(nomination);
  admin->post(nomination + "/nomination", {{"csrf", admin->csrf()}, {"decision", "approve"}});
  EXPECT_EQ(count("mail_outbox WHERE kind = 'incoming_invitation'"), "1") << "invited once";

  std::string link = query("SELECT parameters->>'link' FROM mail_outbox WHERE kind = 'incoming_invitation'");
  ASSERT_TRUE(link.starts_with("/reset-password?token=")) << link;
  Visit lena(portal_.base());
  ASSERT_EQ(lena.get(link).status, 200);
  std::string token = link.substr(std::string("/reset-password?token=").size());
  auto chosen = lena.post(
      "/reset-password",
      {{"csrf", lena.csrf()}, {"token", token}, {"password", "Lena's new password"}, {"repeat", "Lena's new password"}});
  EXPECT_EQ(chosen.status, 200) << chosen.body;
  auto login = lena.log_in("s-lena@student.tu-rheinfeld.example", "Lena's new password");
  ASSERT_EQ(login.status, 303);
  EXPECT_EQ(login.header("Location"), "/my-stay");
  auto stay = lena.get("/my-stay");
  ASSERT_EQ(stay.status, 200) << stay.body;
  EXPECT_TRUE(contains(stay.body, "Lena Vogt"));
  EXPECT_TRUE(contains(stay.body, "Your learning agreement has not reached us yet."));
  EXPECT_EQ(lena.get("/my-exchange").status, 403) << "not one of our students";
  EXPECT_EQ(lena.get("/mobilities").status, 403);
  auto someone_else = testing::signed_in(portal_.base(), kStudent);
  auto empty = someone_else->get("/my-stay");
  EXPECT_FALSE(contains(empty.body, "Lena Vogt")) << "only the visitor's own linked nominations";
  EXPECT_EQ(Visit(portal_.base()).get("/my-stay").status, 303);
}

// A partner's data never links a nomination to one of our staff or students, and a nominee whose
// account cannot be made (a name too long for it) still gets the approval stored.
TEST_F(ApplicationPagesTest, PartnersDataNeverReachesOurAccountsAndNeverBlocksAnApproval) {
  const std::string nomination = "/mobilities/incoming/tu-rheinfeld.example/rheinfeld-demo-incoming-nominated";
  auto connection = portal_.pool().acquire();
  ASSERT_TRUE(
      (*connection)
          ->exec(
              "UPDATE partner_omobility SET content = jsonb_set(content, '{student,email}', '\"per.saether@fjordland.example\"')"
              " WHERE omobility_id = 'rheinfeld-demo-incoming-nominated'"));
  auto admin = testing::signed_in(portal_.base(), kAdmin);
  admin->get(nomination);
  ASSERT_EQ(admin->post(nomination + "/nomination", {{"csrf", admin->csrf()}, {"decision", "approve"}}).status, 303);
  EXPECT_EQ(count("account_nomination"), "0") << "a staff account is never linked from a partner's data";
  EXPECT_EQ(count("mail_outbox WHERE kind IN ('incoming_invitation', 'incoming_welcome')"), "0");
  EXPECT_EQ(count("password_reset"), "0");
  EXPECT_EQ(count("cnr_outbox WHERE api = 'omobilities-update' AND object_id = 'rheinfeld-demo-incoming-nominated'"), "1");

  // A name of 250 letters: the account's display name is cut to fit, the approval goes through.
  const std::string other = "/mobilities/incoming/lumiere-nord.example/lumiere-demo-incoming-approved";
  ASSERT_TRUE((*connection)
                  ->exec("UPDATE partner_omobility SET status = 'pending', content = jsonb_set(content,"
                         " '{student,given_names}', to_jsonb(repeat('A', 250))) WHERE omobility_id ="
                         " 'lumiere-demo-incoming-approved'"));
  admin->get(other);
  ASSERT_EQ(admin->post(other + "/nomination", {{"csrf", admin->csrf()}, {"decision", "approve"}}).status, 303);
  EXPECT_EQ(count("account WHERE length(display_name) <= 200 AND display_name LIKE 'AAAA%'"), "1");
  EXPECT_EQ(count("mail_outbox WHERE kind = 'incoming_invitation'"), "1");
}

TEST_F(ApplicationPagesTest, DraftsAreRemindedOnceBeforeTheRoundCloses) {
  auto student = testing::signed_in(portal_.base(), kStudent);
  ASSERT_EQ(student->post(form_path(), filled_form(*student, "save")).status, 303);
  auto connection = portal_.pool().acquire();
  auto far = mobilities::remind_before_deadlines(**connection, 10);
  ASSERT_TRUE(far) << far.status().to_string();
  EXPECT_EQ(*far, 0) << "the round closes in 45 days";
  auto near = mobilities::remind_before_deadlines(**connection, 60);
  ASSERT_TRUE(near);
  EXPECT_EQ(*near, 1) << "Åse's draft (Maria's has no account to tell)";
  auto again = mobilities::remind_before_deadlines(**connection, 60);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0) << "once";
  EXPECT_EQ(count("mail_outbox WHERE kind = 'application_deadline'"), "1");
}

}  // namespace
}  // namespace mobility::portal
