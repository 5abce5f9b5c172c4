#include "db/demo_seed.hpp"

#include "base/embedded_file.hpp"
#include "db/transaction.hpp"

namespace mobility::embedded {
const std::vector<EmbeddedFile>& seed_files();
}

namespace mobility::db {
namespace {

Result<std::string> demo_sql() {
  for (const auto& file : embedded::seed_files()) {
    if (file.name == "demo.sql") return std::string(file.content);
  }
  return Status::internal("db/seed/demo.sql was not embedded in this build");
}

}  // namespace

Result<DemoCounts> count_demo_data(Connection& connection) {
  auto rows = connection.exec(R"(
    SELECT (SELECT count(*) FROM hosted_hei) AS hosted,
           (SELECT count(*) FROM hei WHERE hei_id NOT IN (SELECT hei_id FROM hosted_hei)) AS partners,
           (SELECT count(*) FROM organizational_unit) AS ounits,
           (SELECT count(*) FROM staff) AS staff,
           (SELECT count(*) FROM student) AS students,
           (SELECT count(*) FROM account) AS accounts)");
  if (!rows) return rows.status();
  Row row = rows->front();
  return DemoCounts{row.get<int64_t>("hosted"), row.get<int64_t>("partners"), row.get<int64_t>("ounits"),
                    row.get<int64_t>("staff"),  row.get<int64_t>("students"), row.get<int64_t>("accounts")};
}

Result<DemoCounts> seed_demo(Connection& connection) {
  auto sql = demo_sql();
  if (!sql) return sql.status();
  auto tx = Transaction::begin(connection);
  if (!tx) return tx.status();
  if (auto applied = connection.exec_script(*sql); !applied) return applied.status().with_context("demo.sql");
  if (Status committed = tx->commit(); !committed) return committed;
  return count_demo_data(connection);
}

}  // namespace mobility::db
