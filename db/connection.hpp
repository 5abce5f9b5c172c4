// Connection: one libpq connection to PostgreSQL.
//
// exec() prepares each distinct SQL text once per connection and then reuses the prepared
// statement; values are always bound as parameters. Errors come back as Status values carrying
// the SQLSTATE: class 08 and lost connections → kUnavailable, 23xxx/40001/40P01 → kConflict,
// 22xxx → kInvalidArgument, anything else → kDatabase.
//
// Not thread-safe: one thread uses a connection at a time (the Pool hands them out).
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.hpp"
#include "db/param.hpp"
#include "db/rows.hpp"

namespace mobility::db {

class Connection {
 public:
  // Opens a connection from a libpq URL or conninfo string. The error never contains the password.
  static Result<std::unique_ptr<Connection>> open(const std::string& url);

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one statement with bound parameters ($1, $2, ...).
  Result<Rows> exec(std::string_view sql, const Params& params = {});

  // Runs trusted SQL text that may hold several statements and no parameters (migrations, seed
  // files shipped with the program, BEGIN/COMMIT). Never pass user input here. Returns the
  // command tag of the last statement ("COMMIT", "ROLLBACK", "INSERT 0 3").
  Result<std::string> exec_script(const std::string& sql);

  // True when the connection can be used. Reads anything the server sent meanwhile without
  // blocking, so a connection the server closed (restart, idle timeout) is noticed here.
  bool is_healthy();

  // Reconnects with the original parameters; forgets prepared statements.
  Status reset();

  PGconn* native() { return conn_; }

 private:
  explicit Connection(PGconn* conn) : conn_(conn) {}
  Status status_of(PGresult* result);
  Result<std::string> prepared_name(std::string_view sql, int param_count);

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text → statement name
};

// Maps a SQLSTATE and message to a Status as described above.
Status status_from_sqlstate(const std::string& sqlstate, const std::string& message);

}  // namespace mobility::db
