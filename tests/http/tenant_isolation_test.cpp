// Two institutions hosted on one node never see or touch each other's data: fjordland.example
// (the demo HEI, with its partners, agreements and proposals) and uni-y.example (hosted here by
// the test, with a partner of its own, an agreement, a proposal and a given-up notification).
// Every page and every action of the table is tried by every role of each HEI against the other
// HEI's ids: the pages show none of the other's markers, the other's ids get 404 (403 where the
// role may not use that kind of page at all), and the other's stored data stays as it was.
// A new page joins the tables below.
#include <gtest/gtest.h>

#include "agreements/iia_json.hpp"
#include "db/accounts.hpp"
#include "db/application_documents.hpp"
#include "db/iia_approvals.hpp"
#include "db/institutions.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "portal/accounts/password_hash.hpp"
#include "tests/support/iia_samples.hpp"
#include "tests/support/portal_server.hpp"

namespace mobility::portal {
namespace {

using testing::contains;
using testing::HttpReply;
using testing::Visit;
using testing::with;

constexpr const char* kPassword = "mobility-demo";

// One hosted HEI as the test sees it: who works there, and what only it may see.
struct Tenant {
  std::string hei_id;
  std::vector<std::string> staff;    // emails, each of another role
  std::string partner_hei_id;        // a partner only this HEI has
  std::string iia_id;                // an agreement of this HEI
  std::string proposal_partner;      // a partner whose proposal only this HEI holds
  std::string proposal_iia_id;       // that proposal's id
  std::string round_id;              // an application round of this HEI
  std::string application_id;        // an application in it ("" when none)
  std::string omobility_id;          // an outgoing mobility of this HEI ("" when none)
  std::string course_id;             // a host course this HEI keeps for its partner
  std::string document_id;           // a document attached to application_id ("" when none)
  std::vector<std::string> markers;  // text that appears on no page of the other HEI
};

// Pages every role opens; none may show the other HEI's markers.
const std::vector<std::string> kPages = {"/",
                                         "/admin",
                                         "/coordinator",
                                         "/operator",
                                         "/partners",
                                         "/agreements",
                                         "/agreements/new",
                                         "/agreements/proposals",
                                         "/destinations",
                                         "/my-exchange",
                                         "/coordinator/destinations",
                                         "/admin/information-review",
                                         "/admin/factsheet",
                                         "/mobilities",
                                         "/coordinator/queue",
                                         "/coordinator/applications",
                                         "/my-exchange/applications",
                                         "/my-exchange/mobilities",
                                         "/my-stay"};

// Pages of one record, with {iia}, {partner} standing for the other HEI's ids. The own HEI's same
// page tells what a role may open: where it opens its own, the other's must be 404.
const std::vector<std::string> kRecordPages = {
    "/agreements/{iia}",
    "/agreements/{iia}.pdf",
    "/agreements/{iia}/edit",
    "/agreements/{iia}/history",
    "/coordinator/destinations/edit?partner_hei_id={partner}",
    "/coordinator/destinations/compare?partner_hei_id={partner}",
    "/destinations/{partner}",
    "/admin/information-review/item?partner_hei_id={partner}",
    "/agreements/proposals/view?hei_id={hei}&partner_hei_id={proposer}&partner_iia_id={proposal}",
    "/agreements/proposals/view?hei_id={own_hei}&partner_hei_id={proposer}&partner_iia_id={proposal}",
    "/coordinator/applications/{round}",
    "/coordinator/applications/{round}/{application}/documents/{document}",
    "/my-exchange/applications/{round}",
    "/my-exchange/applications/{round}/documents/{document}",
    "/mobilities/outgoing/{omobility}",
    "/mobilities/outgoing/{omobility}/courses",
    "/my-exchange/mobilities/{omobility}",
    "/my-exchange/mobilities/{omobility}/courses",
    "/coordinator/destinations/courses?partner_hei_id={partner}",
    "/coordinator/destinations/courses/edit?partner_hei_id={partner}&course_id={course}",
    "/coordinator/destinations/courses/edit?partner_hei_id={own_partner}&course_id={course}"};

struct Action {
  std::string path;
  std::vector<std::pair<std::string, std::string>> fields;  // besides csrf
};

// A valid change of the other HEI's course, said to be in `partner`'s list.
std::vector<std::pair<std::string, std::string>> course_change(const char* partner) {
  return {{"partner_hei_id", partner}, {"course_id", "{course}"}, {"version", "1"},  {"los_code", "TAKEN-1"},
          {"title", "Taken"},          {"ects_credits", "5"},     {"term", "autumn"}};
}

// Every action, aimed at the other HEI's records.
const std::vector<Action> kActions = {
    {"/partners/resend", {{"partner_hei_id", "{partner}"}}},
    {"/partners/refresh", {{"partner_hei_id", "{partner}"}}},
    {"/agreements/{iia}/edit", {{"reason", "taking over"}}},
    {"/agreements/{iia}/share", {}},
    {"/agreements/{iia}/approve", {}},
    {"/agreements/{iia}/terminate", {{"reason", "taking over"}}},
    {"/agreements/{iia}/delete", {{"reason", "taking over"}}},
    {"/agreements/proposals/adopt",
     {{"hei_id", "{hei}"}, {"partner_hei_id", "{proposer}"}, {"partner_iia_id", "{proposal}"}, {"iia_code", "TAKEN-1"}}},
    {"/agreements/proposals/adopt",
     {{"hei_id", "{own_hei}"}, {"partner_hei_id", "{proposer}"}, {"partner_iia_id", "{proposal}"}, {"iia_code", "TAKEN-1"}}},
    {"/agreements/proposals/bind",
     {{"hei_id", "{hei}"}, {"partner_hei_id", "{proposer}"}, {"partner_iia_id", "{proposal}"}, {"iia_id", "{iia}"}}},
    {"/agreements/proposals/bind",
     {{"hei_id", "{own_hei}"}, {"partner_hei_id", "{proposer}"}, {"partner_iia_id", "{proposal}"}, {"iia_id", "{iia}"}}},
    {"/coordinator/destinations/save", {{"partner_hei_id", "{partner}"}, {"city", "Taken"}, {"country_code", "NO"}}},
    {"/coordinator/destinations/submit", {{"partner_hei_id", "{partner}"}}},
    {"/admin/information-review/approve", {{"partner_hei_id", "{partner}"}, {"version_number", "1"}}},
    {"/admin/information-review/return", {{"partner_hei_id", "{partner}"}, {"version_number", "1"}, {"comment", "no"}}},
    {"/coordinator/applications/{round}/{application}/select", {{"partner_hei_id", "{partner}"}, {"version", "1"}}},
    {"/coordinator/applications/{round}/{application}/reject", {{"reason", "taken over"}, {"version", "1"}}},
    {"/coordinator/applications/{round}/ranking",
     {{"partner_hei_id", "{partner}"}, {"version", "0"}, {"rank_{application}", "1"}}},
    {"/my-exchange/applications/{round}", {{"motivation", "taken over"}, {"version", "1"}}},
    {"/my-exchange/applications/{round}/withdraw", {{"version", "1"}}},
    {"/my-exchange/applications/{round}/documents", {}},
    {"/my-exchange/applications/{round}/documents/{document}/delete", {}},
    {"/mobilities/outgoing/{omobility}/cancel", {{"reason", "taken over"}}},
    {"/mobilities/outgoing/{omobility}/sign", {}},
    {"/my-exchange/mobilities/{omobility}/sign", {}},
    {"/coordinator/destinations/courses/add",
     {{"partner_hei_id", "{partner}"}, {"los_code", "TAKEN-1"}, {"title", "Taken"}, {"ects_credits", "5"}, {"term", "autumn"}}},
    {"/coordinator/destinations/courses/save", course_change("{partner}")},
    {"/coordinator/destinations/courses/save", course_change("{own_partner}")},  // the other's course in one's own list
    {"/coordinator/destinations/courses/import",
     {{"partner_hei_id", "{partner}"},
      {"csv", "los_code,title,ects_credits,term\nTAKEN-1,Taken,5,autumn"},
      {"action", "import"}}},
    {"/coordinator/destinations/courses/remove", {{"partner_hei_id", "{partner}"}, {"course_id", "{course}"}, {"version", "1"}}},
    {"/coordinator/destinations/courses/remove",
     {{"partner_hei_id", "{own_partner}"}, {"course_id", "{course}"}, {"version", "1"}}},
};

std::string filled(std::string text, const Tenant& other, const Tenant& own) {
  auto replace = [&](const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  };
  replace("{iia}", other.iia_id);
  replace("{partner}", other.partner_hei_id);
  replace("{proposer}", other.proposal_partner);
  replace("{proposal}", other.proposal_iia_id);
  replace("{round}", other.round_id);
  replace("{application}", other.application_id);
  replace("{omobility}", other.omobility_id);
  replace("{hei}", other.hei_id);
  replace("{own_hei}", own.hei_id);
  replace("{own_partner}", own.partner_hei_id);
  replace("{course}", other.course_id);
  replace("{document}", other.document_id);
  return text;
}

// `pattern` names a kind of record that `tenant` has none of (uni-y.example has no mobility, so
// the page of its own cannot tell what the role may open, nor can its id be aimed at).
bool has_no_such_record(const std::string& pattern, const Tenant& tenant) {
  return (contains(pattern, "{omobility}") && tenant.omobility_id.empty()) ||
         (contains(pattern, "{application}") && tenant.application_id.empty()) ||
         (contains(pattern, "{document}") && tenant.document_id.empty());
}

class TenantIsolationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    portal_.start(/*demo_agreements=*/true);
    fjordland_ = {
        "fjordland.example",
        {"ingrid.haugland@fjordland.example", "per.saether@fjordland.example", "aase.bjornstad@student.fjordland.example"},
        "lumiere-nord.example",
        "fjordland-demo-sent",
        "collina.example",
        "collina-77",
        "",
        "",
        "fjordland-demo-approved",
        "",
        "",
        {"lumiere-nord.example", "valle-alto.example", "fjordland-demo-", "collina-77", "@fjordland.example",
         "Exchange studies 2027/2028", "Jonas"}};
    uni_y_ = {
        "uni-y.example",
        {"admin@uni-y.example", "coordinator@uni-y.example"},
        "partner-y.example",
        "",
        "proposer-y.example",
        "py-proposal-1",
        "",
        "",
        "",
        "",
        "",
        {"partner-y.example", "proposer-y.example", "py-proposal-1", "UY-PY-2027", "@uni-y.example", "Round of Y", "Kurs von Y"}};
    host_uni_y();
    if (HasFatalFailure()) return;
    seed_applications();
    if (HasFatalFailure()) return;
    store_proposal(fjordland_);
    store_proposal(uni_y_);
    // Both HEIs' notifications to their partners went nowhere and were given up.
    exec("UPDATE cnr_outbox SET state = 'gave_up', finished_at = now(), last_error = 'refused'");
    exec(R"(INSERT INTO cnr_outbox (api, sender_hei_id, partner_hei_id, object_id, state, last_error)
            VALUES ('iia-cnr', 'fjordland.example', 'pohjola.example', 'fjordland-demo-sent', 'gave_up', 'refused'))");
  }

  void exec(const std::string& sql, const db::Params& params = {}) {
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    auto done = (*connection)->exec(sql, params);
    ASSERT_TRUE(done) << done.status().to_string();
  }

  // uni-y.example with an admin and a coordinator, a partner added by hand, and an agreement
  // with it that its admin drafts and shares through the pages.
  void host_uni_y() {
    {
      auto connection = portal_.pool().acquire();
      ASSERT_TRUE(connection);
      ASSERT_TRUE(db::host_hei(**connection, {"uni-y.example", "ewp@uni-y.example", "University Y", "en", "DE"}));
      ASSERT_TRUE(db::add_partner_hei(**connection, "partner-y.example"));
      ASSERT_TRUE(db::link_partner(**connection, "uni-y.example", "partner-y.example"));
      for (const auto& [email, role] :
           {std::pair{"admin@uni-y.example", "io_admin"}, {"coordinator@uni-y.example", "coordinator"}}) {
        auto id = db::create_account(**connection, {email, "Staff of Y", "en", hash_password(kPassword, {10, 8, 1}).value()});
        ASSERT_TRUE(id);
        ASSERT_TRUE(db::add_account_role(**connection, *id, {role, "uni-y.example", std::nullopt, std::nullopt}));
      }
    }
    auto admin = testing::signed_in(portal_.base(), "admin@uni-y.example", kPassword);
    admin->get("/agreements/new");
    auto form = with(testing::new_agreement_form(admin->csrf(), "partner-y.example", "UY-PY-2027", "Our first agreement"),
                     "ounit_id", "");
    auto created = admin->post("/agreements/new", form);
    ASSERT_EQ(created.status, 303) << created.body;
    std::string location = created.header("Location");
    uni_y_.iia_id = location.substr(std::string("/agreements/").size(), location.find('?') - std::string("/agreements/").size());
    admin->get("/agreements/" + uni_y_.iia_id);
    ASSERT_EQ(admin->post("/agreements/" + uni_y_.iia_id + "/share", {{"csrf", admin->csrf()}}).status, 303);
    uni_y_.markers.push_back(uni_y_.iia_id);
  }

  // The demo mobilities and applications of fjordland.example (its open round, with Jonas's
  // application), and a round of uni-y.example.
  void seed_applications() {
    {
      auto connection = portal_.pool().acquire();
      ASSERT_TRUE(connection);
      auto seeded = mobilities::seed_demo_mobilities(**connection);
      ASSERT_TRUE(seeded) << seeded.status().to_string();
    }
    exec(R"(INSERT INTO application_round (hei_id, academic_year_id, title, opens_at, closes_at)
            VALUES ('uni-y.example', '2027/2028', 'Round of Y', now() - interval '1 day', now() + interval '30 days'))");
    fjordland_.round_id = portal_.text("SELECT round_id::text FROM application_round WHERE title = 'Exchange studies 2027/2028'");
    fjordland_.application_id = portal_.text("SELECT application_id::text FROM application WHERE student_id = 'stud-jonas'");
    uni_y_.round_id = portal_.text("SELECT round_id::text FROM application_round WHERE hei_id = 'uni-y.example'");
    ASSERT_FALSE(fjordland_.round_id.empty() || fjordland_.application_id.empty() || uni_y_.round_id.empty());
    // Jonas attached his transcript.
    {
      auto connection = portal_.pool().acquire();
      ASSERT_TRUE(connection);
      auto document = db::insert_document(**connection, {std::stoll(fjordland_.application_id), "Jonas-transcript.pdf",
                                                         "application/pdf", "application/pdf", "%PDF-1.4 Jonas", "jonas"});
      ASSERT_TRUE(document) << document.status().to_string();
      fjordland_.document_id = std::to_string(*document);
    }
    // The demo keeps Lumière-Nord's courses; Y keeps one of its partner's.
    exec(R"(INSERT INTO host_course (hei_id, partner_hei_id, los_code, title, ects_credits, term, modified_by)
            VALUES ('uni-y.example', 'partner-y.example', 'Y-100', 'Kurs von Y', 5, 'autumn', 'admin@uni-y.example'))");
    fjordland_.course_id =
        portal_.text("SELECT course_id::text FROM host_course WHERE hei_id = 'fjordland.example' AND los_code = 'INF-301'");
    uni_y_.course_id = portal_.text("SELECT course_id::text FROM host_course WHERE hei_id = 'uni-y.example'");
    ASSERT_FALSE(fjordland_.course_id.empty() || uni_y_.course_id.empty());
  }

  // A proposal from `tenant.proposal_partner` that only `tenant` holds.
  void store_proposal(const Tenant& tenant) {
    agreements::Iia theirs = testing::sample_iia(tenant.proposal_partner);
    std::swap(theirs.partners[0], theirs.partners[1]);
    theirs.partners[0].iia_id = tenant.proposal_iia_id;
    theirs.partners[1].hei_id = tenant.hei_id;
    theirs.partners[1].ounit_id = std::nullopt;
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    ASSERT_TRUE(
        db::save_partner_copy(**connection, {tenant.hei_id, tenant.proposal_partner, tenant.proposal_iia_id, std::nullopt,
                                             agreements::iia_to_json(theirs).dump(), ewp::served_iia_hash(theirs), true, true}));
  }

  // Everything stored of `tenant`: agreements, proposals, notifications, partners, information,
  // applications and their documents, mobilities and host courses.
  std::string snapshot(const Tenant& tenant) {
    return portal_.text(R"(SELECT concat_ws('|',
        (SELECT string_agg(concat_ws(',', iia_id, state, current_version, partner_iia_id), ';' ORDER BY iia_id) FROM iia WHERE hei_id = $1),
        (SELECT count(*) FROM iia_version WHERE hei_id = $1),
        (SELECT count(*) FROM iia_approval_given WHERE hei_id = $1),
        (SELECT string_agg(concat_ws(',', cnr_id, state, attempts), ';' ORDER BY cnr_id) FROM cnr_outbox WHERE sender_hei_id = $1),
        (SELECT string_agg(partner_hei_id, ';' ORDER BY partner_hei_id) FROM hosted_hei_partner WHERE hei_id = $1),
        (SELECT count(*) FROM agreement_information_version WHERE hei_id = $1),
        (SELECT count(*) FROM partner_iia WHERE hei_id = $1),
        (SELECT string_agg(concat_ws(',', application_id, state, version), ';' ORDER BY application_id)
           FROM application WHERE hei_id = $1),
        (SELECT string_agg(concat_ws(',', d.round_id, d.partner_hei_id, d.version), ';' ORDER BY d.round_id, d.partner_hei_id)
           FROM destination_ranking d JOIN application_round r USING (round_id) WHERE r.hei_id = $1),
        (SELECT string_agg(concat_ws(',', omobility_id, status), ';' ORDER BY omobility_id) FROM omobility
          WHERE sending_hei_id = $1),
        (SELECT string_agg(concat_ws(',', course_id, partner_hei_id, los_code, title, version), ';' ORDER BY course_id)
           FROM host_course WHERE hei_id = $1),
        (SELECT string_agg(concat_ws(',', d.document_id, d.sha256), ';' ORDER BY d.document_id)
           FROM application_document d JOIN application a USING (application_id) WHERE a.hei_id = $1))::text)",
                        {tenant.hei_id});
  }

  // `body` shows none of `other`'s markers, apart from the ids the request itself named (the
  // page's own address is in it, for the language switch to return to).
  void expect_no_markers(std::string body, const Tenant& other, const std::string& request = "") {
    for (const std::string& id :
         {other.iia_id, other.partner_hei_id, other.proposal_partner, other.proposal_iia_id, other.hei_id, other.omobility_id}) {
      if (id.empty() || !contains(request, id)) continue;
      for (size_t at = body.find(id); at != std::string::npos; at = body.find(id, at)) body.erase(at, id.size());
    }
    for (const std::string& marker : other.markers) EXPECT_FALSE(contains(body, marker)) << "shows " << marker;
  }

  // Every page and action of the tables, by every role of `own`, against `other`.
  void check_isolation(const Tenant& own, const Tenant& other) {
    std::string before = snapshot(other);
    for (const std::string& email : own.staff) {
      SCOPED_TRACE(email);
      auto visit = testing::signed_in(portal_.base(), email, kPassword);
      for (const std::string& path : kPages) {
        SCOPED_TRACE("GET " + path);
        expect_no_markers(visit->get(path).body, other);
      }
      for (const std::string& pattern : kRecordPages) {
        SCOPED_TRACE("GET " + pattern);
        HttpReply foreign = visit->get(filled(pattern, other, own));
        if (has_no_such_record(pattern, own) || has_no_such_record(pattern, other)) {  // nothing to compare: refused
          EXPECT_TRUE(foreign.status == 403 || foreign.status == 404) << foreign.status;
        } else {
          int own_status = visit->get(filled(pattern, own, other)).status;
          EXPECT_EQ(foreign.status, own_status == 200 ? 404 : own_status) << "own: " << own_status;
        }
        expect_no_markers(foreign.body, other, filled(pattern, other, own));
      }
      for (const Action& action : kActions) {
        SCOPED_TRACE("POST " + filled(action.path, other, own));
        visit->get("/");
        http::HeaderList fields = {{"csrf", visit->csrf()}};
        for (const auto& [name, value] : action.fields) fields.emplace_back(filled(name, other, own), filled(value, other, own));
        std::string request = filled(action.path, other, own);
        for (const auto& field : fields) request += " " + field.second;
        HttpReply reply = visit->post(filled(action.path, other, own), fields);
        bool refused = (reply.status >= 400 && reply.status < 500) ||
                       (reply.status == 303 && reply.header("Location").find("error=") != std::string::npos);
        EXPECT_TRUE(refused) << reply.status << " " << reply.header("Location");
        expect_no_markers(reply.body, other, request);
      }
    }
    EXPECT_EQ(snapshot(other), before) << "nothing of " << other.hei_id << " changed";
  }

  testing::PortalServer portal_;
  Tenant fjordland_, uni_y_;
};

TEST_F(TenantIsolationTest, EachHeisStaffSeeAndTouchOnlyTheirOwnHeisData) {
  check_isolation(uni_y_, fjordland_);
  check_isolation(fjordland_, uni_y_);
}

TEST_F(TenantIsolationTest, EachHeiSeesItsOwnPartnersIncludingThoseItOnlyHasAgreementsOrProposalsWith) {
  auto y = testing::signed_in(portal_.base(), "admin@uni-y.example", kPassword);
  auto partners = y->get("/partners");
  ASSERT_EQ(partners.status, 200);
  EXPECT_TRUE(contains(partners.body, "partner-y.example")) << "added by hand";
  EXPECT_TRUE(contains(partners.body, "proposer-y.example")) << "known only by its proposal";
  auto x = testing::signed_in(portal_.base(), "ingrid.haugland@fjordland.example", kPassword);
  auto theirs = x->get("/partners");
  EXPECT_TRUE(contains(theirs.body, "lumiere-nord.example"));
  EXPECT_TRUE(contains(theirs.body, "collina.example"));

  // Y's resend reaches only Y's notifications, and is audited as Y's.
  y->get("/partners");
  EXPECT_EQ(y->post("/partners/resend", {{"csrf", y->csrf()}, {"partner_hei_id", "partner-y.example"}}).status, 303);
  EXPECT_EQ(portal_.text("SELECT count(*)::text FROM cnr_outbox WHERE state = 'pending' AND sender_hei_id = 'uni-y.example'"),
            "1");
  EXPECT_EQ(portal_.text("SELECT count(*)::text FROM cnr_outbox WHERE state = 'pending' AND sender_hei_id = 'fjordland.example'"),
            "0");
  EXPECT_EQ(portal_.text("SELECT hei_id FROM audit_event WHERE action = 'cnr_resent'"), "uni-y.example");

  // The operator sees every partner of the node.
  auto operator_visit = testing::signed_in(portal_.base(), "terje.lund@fjordland.example", kPassword);
  auto all = operator_visit->get("/partners");
  EXPECT_TRUE(contains(all.body, "partner-y.example"));
  EXPECT_TRUE(contains(all.body, "lumiere-nord.example"));
}

TEST_F(TenantIsolationTest, AnIoAdminsAccountListShowsOnlyTheirHeisRolesAndTheOperatorHasNoAdminPage) {
  exec(R"(INSERT INTO account_role (account_id, role, hei_id)
          SELECT account_id, 'coordinator', 'uni-y.example' FROM account WHERE email = 'per.saether@fjordland.example')");
  auto x = testing::signed_in(portal_.base(), "ingrid.haugland@fjordland.example", kPassword);
  auto admin = x->get("/admin");
  ASSERT_EQ(admin.status, 200);
  EXPECT_FALSE(contains(admin.body, "uni-y.example")) << "Per's role at Y is Y's to know";
  auto operator_visit = testing::signed_in(portal_.base(), "terje.lund@fjordland.example", kPassword);
  EXPECT_EQ(operator_visit->get("/admin").status, 403);
}

}  // namespace
}  // namespace mobility::portal
