#include "db/registry_catalogues.hpp"

namespace mobility::db {
namespace {

double epoch_seconds(std::chrono::system_clock::time_point time) {
  return std::chrono::duration<double>(time.time_since_epoch()).count();
}

std::chrono::system_clock::time_point from_epoch_seconds(double seconds) {
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double>(seconds)));
}

}  // namespace

Result<std::optional<CachedCatalogue>> load_cached_catalogue(Connection& connection, const std::string& registry_url) {
  auto rows = connection.exec(
      "SELECT body, coalesce(etag, '') AS etag, coalesce(last_modified, '') AS last_modified, "
      "extract(epoch FROM fetched_at)::float8 AS fetched, extract(epoch FROM expires_at)::float8 AS expires "
      "FROM registry_catalogue WHERE registry_url = $1",
      {registry_url});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<CachedCatalogue>();
  Row row = rows->front();
  return std::optional<CachedCatalogue>(CachedCatalogue{
      registry_url, row.get<std::string>("body"), row.get<std::string>("etag"), row.get<std::string>("last_modified"),
      from_epoch_seconds(row.get<double>("fetched")), from_epoch_seconds(row.get<double>("expires"))});
}

Status save_cached_catalogue(Connection& connection, const CachedCatalogue& catalogue) {
  auto rows = connection.exec(
      "INSERT INTO registry_catalogue (registry_url, body, etag, last_modified, fetched_at, expires_at) "
      "VALUES ($1, $2, nullif($3, ''), nullif($4, ''), to_timestamp($5), to_timestamp($6)) "
      "ON CONFLICT (registry_url) DO UPDATE SET body = excluded.body, etag = excluded.etag, "
      "last_modified = excluded.last_modified, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at",
      {catalogue.registry_url, catalogue.body, catalogue.etag, catalogue.last_modified, epoch_seconds(catalogue.fetched_at),
       epoch_seconds(catalogue.expires_at)});
  return rows ? Status::ok() : rows.status();
}

Status confirm_cached_catalogue(Connection& connection, const std::string& registry_url,
                                std::chrono::system_clock::time_point fetched_at,
                                std::chrono::system_clock::time_point expires_at) {
  auto rows = connection.exec(
      "UPDATE registry_catalogue SET fetched_at = to_timestamp($2), expires_at = to_timestamp($3) WHERE registry_url = $1",
      {registry_url, epoch_seconds(fetched_at), epoch_seconds(expires_at)});
  return rows ? Status::ok() : rows.status();
}

Result<bool> newest_catalogue_lists_hei(Connection& connection, const std::string& hei_id) {
  // hei_ids: read out of the stored copy by the trigger of migration 0021.
  auto rows = connection.exec("SELECT $1 = ANY (hei_ids) FROM registry_catalogue ORDER BY fetched_at DESC LIMIT 1", {hei_id});
  if (!rows) return rows.status();
  return !rows->empty() && rows->front().get<bool>(0);
}

}  // namespace mobility::db
