#include "mobilities/demo_applications.hpp"

#include <chrono>
#include <ctime>
#include <map>

#include "db/applications.hpp"
#include "db/preapprovals.hpp"
#include "db/transaction.hpp"
#include "mobilities/demo_mobilities.hpp"

namespace mobility::mobilities {
namespace {

constexpr const char* kClosedRound = "Exchange studies 2026/2027";
constexpr const char* kOpenRound = "Exchange studies 2027/2028";
constexpr const char* kCoordinator = "ingrid.haugland@fjordland.example";

// "YYYY-MM-DD HH:MM:SS+00" `days` from now (negative: before).
std::string days_from_now(int days) {
  std::time_t at = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + std::chrono::days(days));
  std::tm utc{};
  gmtime_r(&at, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S+00", &utc);
  return text;
}

struct DemoApplication {
  const char* student_id;
  std::vector<std::string> choices;
  const char* state;  // draft, submitted, selected
  const char* motivation;
  const char* omobility_id = nullptr;  // when selected
};

// Stores the application; returns its id.
Result<int64_t> apply(db::Connection& connection, int64_t round_id, const DemoApplication& a) {
  db::ApplicationContent content{a.state == std::string("draft") ? "draft" : "submitted", a.motivation, "NO", a.choices};
  auto saved = db::save_application(connection, round_id, kDemoHei, a.student_id, content, 0);
  if (!saved) return saved.status();
  if (!a.omobility_id) return saved->application_id;
  db::ApplicationDecision selected{"selected", a.choices.front(), a.omobility_id, std::nullopt, kCoordinator};
  if (Status s = db::decide_application(connection, saved->application_id, saved->version, {"submitted"}, selected); !s) {
    return s;
  }
  return saved->application_id;
}

// One destination's ranking by the coordinator: its applicants' student ids, first first.
struct DemoRanking {
  const char* partner_hei_id;
  std::vector<std::string> students;
};

Status rank(db::Connection& connection, int64_t round_id, const DemoRanking& ranking,
            const std::map<std::string, int64_t>& applications) {
  std::map<int64_t, std::optional<int>> ranks;
  for (size_t i = 0; i < ranking.students.size(); ++i) {
    ranks[applications.at(ranking.students[i])] = static_cast<int>(i) + 1;
  }
  auto saved = db::save_ranking(connection, round_id, ranking.partner_hei_id, ranks, 0, kCoordinator);
  return saved ? Status::ok() : saved.status();
}

std::optional<std::string> given(const char* text) { return *text ? std::optional<std::string>(text) : std::nullopt; }

db::CourseMapping course(const char* host_code, const char* host_title, const char* host_credits, const char* home_code,
                         const char* home_title, const char* home_credits, bool alternative = false) {
  // Every demo mobility is in the first term of two (demo_mobilities.hpp).
  return {given(host_code),  host_title,   host_credits, "1/2",        given(home_code),
          given(home_title), home_credits, alternative,  std::nullopt, std::nullopt};
}

struct DemoLine {
  const char* omobility_id;
  db::CourseMapping mapping;
  const char* state;  // proposed, approved, rejected
  const char* comment = nullptr;
};

Status add_line(db::Connection& connection, const DemoLine& line) {
  auto line_id = db::add_preapproval_line(connection, line.omobility_id, line.mapping);
  if (!line_id) return line_id.status();
  if (line.state == std::string("proposed")) return Status::ok();
  std::optional<std::string> comment = line.comment ? std::optional<std::string>(line.comment) : std::nullopt;
  return db::decide_preapproval_line(connection, line.omobility_id, *line_id, line.state, comment, kCoordinator);
}

}  // namespace

Status seed_demo_applications(db::Connection& connection) {
  auto rounds = db::list_rounds(connection, kDemoHei);
  if (!rounds) return rounds.status();
  if (!rounds->empty()) return Status::ok();
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto closed = db::create_round(
      connection, {kDemoHei, std::nullopt, "2026/2027", kClosedRound, days_from_now(-240), days_from_now(-150), 3});
  if (!closed) return closed.status();
  auto open =
      db::create_round(connection, {kDemoHei, std::nullopt, "2027/2028", kOpenRound, days_from_now(-14), days_from_now(45), 3});
  if (!open) return open.status();
  const DemoApplication selected[] = {
      {"stud-aase",
       {"tu-rheinfeld.example", "lumiere-nord.example"},
       "selected",
       "Jeg vil studere distribuerte systemer ved TU Rheinfeld.",
       "fjordland-demo-nominated"},
      {"stud-oyvind",
       {"lumiere-nord.example"},
       "selected",
       "Je souhaite étudier la littérature à Lumière-Nord.",
       "fjordland-demo-approved"},
      {"stud-maria",
       {"valle-alto.example"},
       "selected",
       "Voglio studiare scienze sociali a Valle Alto.",
       "fjordland-demo-rejected"},
  };
  std::map<std::string, int64_t> closed_applications;  // student_id → application_id
  for (const auto& a : selected) {
    auto applied = apply(connection, *closed, a);
    if (!applied) return applied.status().with_context(a.student_id);
    closed_applications[a.student_id] = *applied;
  }
  // The coordinator ranked each destination's applicants before selecting: Øyvind first for
  // Lumière-Nord, which Åse chose second and got TU Rheinfeld, her first choice.
  const DemoRanking rankings[] = {
      {"lumiere-nord.example", {"stud-oyvind", "stud-aase"}},
      {"tu-rheinfeld.example", {"stud-aase"}},
      {"valle-alto.example", {"stud-maria"}},
  };
  for (const auto& ranking : rankings) {
    if (Status s = rank(connection, *closed, ranking, closed_applications); !s) return s.with_context(ranking.partner_hei_id);
  }
  const DemoApplication waiting[] = {
      {"stud-jonas", {"lumiere-nord.example"}, "submitted", "I would like to study machine learning at Lumière-Nord."},
      {"stud-maria", {"lumiere-nord.example"}, "draft", ""},
  };
  for (const auto& a : waiting) {
    if (auto applied = apply(connection, *open, a); !applied) return applied.status().with_context(a.student_id);
  }
  const DemoLine lines[] = {
      {"fjordland-demo-la-change", course("INF-301", "Systèmes distribués", "6", "IN3230", "Nettverk", "10"), "approved"},
      {"fjordland-demo-la-change", course("INF-320", "Apprentissage automatique", "6", "IN3050", "Maskinlæring", "10"),
       "approved", "Approved together with INF-321."},
      {"fjordland-demo-approved", course("LIT-210", "Littérature comparée", "7.5", "LIT2000", "Komparativ litteratur", "10"),
       "approved"},
      {"fjordland-demo-approved", course("FLE-110", "Français langue étrangère", "5", "", "", "5"), "approved"},
      {"fjordland-demo-approved", course("HIS-330", "Histoire de l'art", "7.5", "KUN2000", "Kunsthistorie", "10"), "rejected",
       "Overlaps with KUN1000, which you have passed."},
      {"fjordland-demo-approved", course("PHI-240", "Philosophie du langage", "7.5", "FIL2100", "Språkfilosofi", "10", true),
       "proposed"},
      {"fjordland-demo-nominated", course("DS-301", "Distributed Systems", "10", "IN3230", "Nettverk", "10"), "approved"},
      {"fjordland-demo-nominated", course("CV-330", "Computer Vision", "10", "IN4310", "Dyp læring for bildeanalyse", "10"),
       "proposed"},
  };
  for (const auto& line : lines) {
    if (Status s = add_line(connection, line); !s) return s.with_context(line.omobility_id);
  }
  return tx->commit();
}

}  // namespace mobility::mobilities
