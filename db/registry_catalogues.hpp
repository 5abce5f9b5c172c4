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

// true when the newest stored catalogue lists `hei_id` among its institutions (the registry
// knows the HEI, so it may become a partner); false also when no catalogue is stored yet.
Result<bool> newest_catalogue_lists_hei(Connection& connection, const std::string& hei_id);

}  // namespace mobility::db
