#include "portal/web/name_cache.hpp"

#include "db/institutions.hpp"

namespace mobility::portal {

Result<std::optional<std::string>> NameCache::hei_name(db::Connection& connection, const std::string& hei_id,
                                                       const std::string& language) const {
  return lookup(connection, {hei_id, ""}, language);
}

Result<std::optional<std::string>> NameCache::ounit_name(db::Connection& connection, const std::string& hei_id,
                                                         const std::string& ounit_id, const std::string& language) const {
  return lookup(connection, {hei_id, ounit_id}, language);
}

void NameCache::forget() const {
  std::lock_guard lock(mutex_);
  table_.reset();
}

Result<std::optional<std::string>> NameCache::lookup(db::Connection& connection, const Key& key,
                                                     const std::string& language) const {
  auto table = current(connection);
  if (!table) return table.status();
  auto found = (*table)->find(key);
  if (found == (*table)->end() || found->second.empty()) return std::optional<std::string>();
  return std::optional<std::string>(agreements::preferred_name(found->second, language, ""));
}

Result<std::shared_ptr<const NameCache::Table>> NameCache::current(db::Connection& connection) const {
  std::lock_guard lock(mutex_);  // held while reading, so that one thread reads and the others wait for it
  auto now = Clock::now();
  if (table_ && now - read_at_ < fresh_for_) return table_;
  auto rows = db::list_all_names(connection);
  if (!rows) return rows.status();
  auto table = std::make_shared<Table>();
  for (db::NameRow& row : *rows) {
    (*table)[{std::move(row.hei_id), row.ounit_id.value_or("")}].emplace_back(std::move(row.language), std::move(row.name));
  }
  table_ = std::move(table);
  read_at_ = now;
  return table_;
}

}  // namespace mobility::portal
