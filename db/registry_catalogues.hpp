// Repository of cached registry catalogues (db/migrations/0003_registry_catalogue.sql).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "db/connection.hpp"

namespace mobility::db {

struct CachedCatalogue {
  std::string registry_url;
  std::string body;
  std::string etag;           // "" when the registry sent none
  std::string last_modified;  // ""
  std::chrono::system_clock::time_point fetched_at;
  std::chrono::system_clock::time_point expires_at;
};

Result<std::optional<CachedCatalogue>> load_cached_catalogue(Connection& connection, const std::string& registry_url);

// Inserts or replaces the copy of catalogue.registry_url.
Status save_cached_catalogue(Connection& connection, const CachedCatalogue& catalogue);

// Records that the registry confirmed the stored copy (304 Not Modified).
Status confirm_cached_catalogue(Connection& connection, const std::string& registry_url,
                                std::chrono::system_clock::time_point fetched_at,
                                std::chrono::system_clock::time_point expires_at);

}  // namespace mobility::db
