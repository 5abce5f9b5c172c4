#include "db/connection.hpp"

#include <poll.h>

#include <vector>

#include "base/log.hpp"

namespace mobility::db {
namespace {

std::string trimmed(const char* text) {
  std::string message = text ? text : "";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// Server notices ("relation already exists, skipping") go to the debug log, not to stderr.
void forward_notice(void*, const char* message) { log::debug("database_notice", {{"message", trimmed(message)}}); }

}  // namespace

Status status_from_sqlstate(const std::string& sqlstate, const std::string& message) {
  auto starts = [&](const char* prefix) { return sqlstate.rfind(prefix, 0) == 0; };
  if (starts("08") || starts("57P")) return Status::unavailable(message, sqlstate);
  if (starts("23") || sqlstate == "40001" || sqlstate == "40P01") return Status::conflict(message, sqlstate);
  if (starts("22")) return Status::invalid_argument(message, sqlstate);
  return Status::database(message, sqlstate);
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& url) {
  const char* keywords[] = {"connect_timeout", "dbname", "application_name", "client_encoding", nullptr};
  const char* values[] = {"5", url.c_str(), "mobility", "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn == nullptr) return Status::unavailable("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return Status::unavailable("cannot connect to PostgreSQL: " + message);
  }
  PQsetNoticeProcessor(conn, forward_notice, nullptr);
  return std::unique_ptr<Connection>(new Connection(conn));
}

Connection::~Connection() { PQfinish(conn_); }

Status Connection::status_of(PGresult* result) {
  if (result == nullptr || PQstatus(conn_) == CONNECTION_BAD) {
    std::string message = trimmed(PQerrorMessage(conn_));
    return Status::unavailable("lost the database connection: " + message);
  }
  const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string message = primary ? primary : trimmed(PQresultErrorMessage(result));
  if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL)) message += " (" + std::string(detail) + ")";
  return status_from_sqlstate(sqlstate ? sqlstate : "", message);
}

Result<std::string> Connection::prepared_name(std::string_view sql, int param_count) {
  std::string key(sql);
  if (auto found = prepared_.find(key); found != prepared_.end()) return found->second;
  std::string name = "mobility_" + std::to_string(prepared_.size() + 1);
  PGresult* result = PQprepare(conn_, name.c_str(), key.c_str(), param_count, nullptr);
  bool ok = result != nullptr && PQresultStatus(result) == PGRES_COMMAND_OK;
  Status status = ok ? Status::ok() : status_of(result);
  PQclear(result);
  if (!ok) return status;
  prepared_.emplace(std::move(key), name);
  return name;
}

Result<Rows> Connection::exec(std::string_view sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (size_t i = 0; i < params.size(); ++i) {
    if (params[i].is_null()) {
      values.push_back(nullptr);
      continue;
    }
    const std::string& text = params[i].text();
    if (text.find('\0') != std::string::npos) {
      return Status::invalid_argument("parameter $" + std::to_string(i + 1) + " contains a NUL byte");
    }
    values.push_back(text.c_str());
  }
  auto name = prepared_name(sql, static_cast<int>(params.size()));
  if (!name) return name.status();
  PGresult* result = PQexecPrepared(conn_, name->c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr,
                                    /*resultFormat=text*/ 0);
  ExecStatusType type = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (type == PGRES_TUPLES_OK || type == PGRES_COMMAND_OK) return Rows(result);
  Status status = status_of(result);
  PQclear(result);
  return status;
}

Result<std::string> Connection::exec_script(const std::string& sql) {
  PGresult* result = PQexec(conn_, sql.c_str());
  ExecStatusType type = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  Result<std::string> outcome = (type == PGRES_TUPLES_OK || type == PGRES_COMMAND_OK)
                                    ? Result<std::string>(std::string(PQcmdStatus(result)))
                                    : Result<std::string>(status_of(result));
  PQclear(result);
  return outcome;
}

bool Connection::is_healthy() {
  // An idle connection has nothing to read unless the server sent something on its own: a
  // notice, or the "terminating connection" error followed by end of file when it shuts down.
  // libpq treats that error as a notice, so keep reading while input is pending to reach the EOF.
  for (int round = 0; round < 4 && PQstatus(conn_) == CONNECTION_OK; ++round) {
    pollfd socket{PQsocket(conn_), POLLIN, 0};
    if (poll(&socket, 1, 0) <= 0) break;
    if (PQconsumeInput(conn_) == 0) return false;
  }
  return PQstatus(conn_) == CONNECTION_OK;
}

Status Connection::reset() {
  prepared_.clear();
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Status::unavailable("cannot reconnect to PostgreSQL: " + trimmed(PQerrorMessage(conn_)));
  }
  return Status::ok();
}

}  // namespace mobility::db
