#include "mobilities/demo_host_courses.hpp"

#include "db/host_courses.hpp"
#include "db/transaction.hpp"
#include "mobilities/demo_mobilities.hpp"

namespace mobility::mobilities {
namespace {

constexpr const char* kKeptBy = "ingrid.haugland@fjordland.example";

struct DemoCourse {
  const char* partner_hei_id;
  db::HostCourseFields fields;
};

db::HostCourseFields course(const char* code, const char* title, const char* credits, const char* term, const char* language,
                            const char* eqf_level, const char* isced_f_code, const char* url = nullptr) {
  return {code,
          title,
          credits,
          term,
          std::optional<std::string>(language),
          std::optional<std::string>(eqf_level),
          std::optional<std::string>(isced_f_code),
          url ? std::optional<std::string>(url) : std::nullopt};
}

}  // namespace

Status seed_demo_host_courses(db::Connection& connection) {
  auto present = connection.exec("SELECT 1 FROM host_course WHERE hei_id = $1 LIMIT 1", {kDemoHei});
  if (!present) return present.status();
  if (!present->empty()) return Status::ok();
  const DemoCourse courses[] = {
      {"lumiere-nord.example",
       course("INF-301", "Systèmes distribués", "6", "autumn", "fr", "6", "0613", "https://lumiere-nord.example/cours/inf-301")},
      {"lumiere-nord.example", course("INF-320", "Apprentissage automatique", "6", "spring", "fr", "7", "0613")},
      {"lumiere-nord.example", course("LIT-210", "Littérature comparée", "7.5", "autumn", "fr", "6", "0232")},
      {"lumiere-nord.example", course("PHI-240", "Philosophie du langage", "7.5", "spring", "fr", "6", "0223")},
      {"lumiere-nord.example", course("FLE-110", "Français langue étrangère", "5", "year", "fr", "6", "0231")},
      {"tu-rheinfeld.example", course("DS-301", "Distributed Systems", "10", "autumn", "en", "7", "0613")},
      {"tu-rheinfeld.example", course("CV-330", "Computer Vision", "10", "spring", "en", "7", "0613")},
      {"tu-rheinfeld.example", course("DE-100", "Deutsch als Fremdsprache A2", "5", "year", "de", "6", "0231")},
      {"valle-alto.example", course("SOC-210", "Sociologia delle migrazioni", "8", "autumn", "it", "6", "0314")},
      {"valle-alto.example", course("ECO-150", "Economia europea", "6", "spring", "en", "6", "0311")},
  };
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  for (const DemoCourse& demo : courses) {
    auto added = db::insert_host_course(connection, kDemoHei, demo.partner_hei_id, demo.fields, kKeptBy);
    if (!added) return added.status().with_context(demo.fields.los_code);
  }
  return tx->commit();
}

}  // namespace mobility::mobilities
