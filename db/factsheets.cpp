#include "db/factsheets.hpp"

#include <map>

#include "db/audit_events.hpp"
#include "db/transaction.hpp"

namespace mobility::db {
namespace {

struct VersionKey {
  std::string hei_id;
  int version_number;
};

// The versions named by `keys` as the parameters $1 (hei_ids) and $2 (version numbers) of a
// statement joining `unnest($1::text[], $2::int[]) AS k (hei_id, version_number)`.
Params key_params(const std::vector<VersionKey>& keys) {
  std::vector<std::string> hei_ids;
  std::vector<std::string> numbers;
  for (const auto& key : keys) {
    hei_ids.push_back(key.hei_id);
    numbers.push_back(std::to_string(key.version_number));
  }
  return {text_array(hei_ids), text_array(numbers)};
}

constexpr const char* kVersionColumns =
    "v.hei_id, v.version_number, "
    "to_char(v.saved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS saved_at, "
    "v.saved_by_account_id, v.saved_by, v.reason";

FactsheetVersion version_from(const Row& row) {
  return {row.get<std::string>("hei_id"),   row.get<int>("version_number"),
          row.get<std::string>("saved_at"), row.get<std::optional<int64_t>>("saved_by_account_id"),
          row.get<std::string>("saved_by"), row.get<std::string>("reason")};
}

// Reads the version rows; the facts kept in other tables are added by the functions below.
Result<std::map<std::string, StoredFactsheet>> load_versions(Connection& connection, const Params& keys) {
  auto rows = connection.exec(std::string("SELECT ") + kVersionColumns + R"(,
           v.nominations_autumn_term, v.nominations_spring_term, v.applications_autumn_term,
           v.applications_spring_term, v.decision_weeks_limit, v.tor_weeks_limit
      FROM factsheet_version v
      JOIN unnest($1::text[], $2::int[]) AS k (hei_id, version_number) USING (hei_id, version_number))",
                              keys);
  if (!rows) return rows.status();
  std::map<std::string, StoredFactsheet> loaded;
  for (Row row : *rows) {
    StoredFactsheet stored{version_from(row), {}};
    Factsheet& facts = stored.factsheet;
    facts.hei_id = stored.version.hei_id;
    facts.student_nominations = {row.get<std::string>("nominations_autumn_term"),
                                 row.get<std::string>("nominations_spring_term")};
    facts.student_applications = {row.get<std::string>("applications_autumn_term"),
                                  row.get<std::string>("applications_spring_term")};
    facts.decision_weeks_limit = row.get<int>("decision_weeks_limit");
    facts.tor_weeks_limit = row.get<int>("tor_weeks_limit");
    loaded.emplace(facts.hei_id, std::move(stored));
  }
  return loaded;
}

std::optional<WebsiteUrl> url_from(const Row& row) {
  if (row.is_null("url")) return std::nullopt;
  return WebsiteUrl{row.get<std::string>("url"), row.get<std::string>("lang")};
}

// The InformationEntry a row of load_information() belongs to; a new list item when the row
// starts one.
InformationEntry& information_of(Factsheet& facts, const Row& row, bool starts_item) {
  auto section = row.get<std::string>("section");
  if (section == "application") return facts.application_info;
  if (section == "housing") return facts.housing_info;
  if (section == "visa") return facts.visa_info;
  if (section == "insurance") return facts.insurance_info;
  if (section == "accessibility") {
    if (starts_item) {
      facts.accessibility.push_back({row.get<std::string>("entry_type"),
                                     row.get<std::string>("entry_name"),
                                     row.get<std::optional<std::string>>("entry_description"),
                                     {}});
    }
    return facts.accessibility.back().information;
  }
  if (starts_item) facts.additional_info.push_back({row.get<std::string>("entry_type"), {}});
  return facts.additional_info.back().info;
}

Status load_information(Connection& connection, const Params& keys, std::map<std::string, StoredFactsheet>& loaded) {
  auto rows = connection.exec(R"(
    SELECT i.hei_id, i.section, i.position, i.entry_type, i.entry_name, i.entry_description,
           i.email, i.phone_e164, i.phone_ext, i.phone_other_format, u.url, u.lang
      FROM factsheet_information i
      JOIN unnest($1::text[], $2::int[]) AS k (hei_id, version_number) USING (hei_id, version_number)
      LEFT JOIN factsheet_information_url u USING (hei_id, version_number, section, position)
     ORDER BY i.hei_id, i.section, i.position, u.url_position)",
                              keys);
  if (!rows) return rows.status();
  std::string previous;
  for (Row row : *rows) {
    std::string item =
        row.get<std::string>("hei_id") + " " + row.get<std::string>("section") + " " + std::to_string(row.get<int>("position"));
    Factsheet& facts = loaded.at(row.get<std::string>("hei_id")).factsheet;
    InformationEntry& entry = information_of(facts, row, item != previous);
    if (item != previous) {
      entry.email = row.get<std::string>("email");
      entry.phone = {row.get<std::optional<std::string>>("phone_e164"), row.get<std::optional<std::string>>("phone_ext"),
                     row.get<std::optional<std::string>>("phone_other_format")};
    }
    if (auto url = url_from(row)) entry.website_urls.push_back(*url);
    previous = item;
  }
  return Status::ok();
}

Status load_requirements(Connection& connection, const Params& keys, std::map<std::string, StoredFactsheet>& loaded) {
  auto rows = connection.exec(R"(
    SELECT r.hei_id, r.position, r.name, r.details, u.url, u.lang
      FROM factsheet_requirement r
      JOIN unnest($1::text[], $2::int[]) AS k (hei_id, version_number) USING (hei_id, version_number)
      LEFT JOIN factsheet_requirement_url u USING (hei_id, version_number, position)
     ORDER BY r.hei_id, r.position, u.url_position)",
                              keys);
  if (!rows) return rows.status();
  std::string previous;
  for (Row row : *rows) {
    std::string item = row.get<std::string>("hei_id") + " " + std::to_string(row.get<int>("position"));
    auto& requirements = loaded.at(row.get<std::string>("hei_id")).factsheet.additional_requirements;
    if (item != previous) requirements.push_back({row.get<std::string>("name"), row.get<std::string>("details"), {}});
    if (auto url = url_from(row)) requirements.back().information_websites.push_back(*url);
    previous = item;
  }
  return Status::ok();
}

// The factsheets of `keys`, by hei_id: three queries whatever their number.
Result<std::vector<StoredFactsheet>> load(Connection& connection, const std::vector<VersionKey>& keys) {
  Params params = key_params(keys);
  auto loaded = load_versions(connection, params);
  if (!loaded) return loaded.status();
  if (Status read = load_information(connection, params, *loaded); !read) return read;
  if (Status read = load_requirements(connection, params, *loaded); !read) return read;
  std::vector<StoredFactsheet> factsheets;
  for (auto& [hei_id, stored] : *loaded) factsheets.push_back(std::move(stored));
  return factsheets;
}

// --- saving ---

struct InformationItem {
  std::string section;
  int position;
  const InformationEntry* entry;
  std::optional<std::string> type;
  std::optional<std::string> name;
  std::optional<std::string> description;
};

// Every InformationEntry of `facts`, as the rows of factsheet_information name them.
std::vector<InformationItem> information_items(const Factsheet& facts) {
  std::vector<InformationItem> items = {{"application", 1, &facts.application_info, {}, {}, {}},
                                        {"housing", 1, &facts.housing_info, {}, {}, {}},
                                        {"visa", 1, &facts.visa_info, {}, {}, {}},
                                        {"insurance", 1, &facts.insurance_info, {}, {}, {}}};
  int position = 0;
  for (const auto& item : facts.accessibility) {
    items.push_back({"accessibility", ++position, &item.information, item.type, item.name, item.description});
  }
  position = 0;
  for (const auto& item : facts.additional_info) {
    items.push_back({"additional", ++position, &item.info, item.type, {}, {}});
  }
  return items;
}

// The one rule of a complete factsheet the tables cannot state: every InformationEntry has a website.
Status check_websites(const std::vector<InformationItem>& items) {
  for (const auto& item : items) {
    if (item.entry->website_urls.empty()) {
      return Status::invalid_argument(item.section + " information " + std::to_string(item.position) +
                                      " needs at least one website URL");
    }
  }
  return Status::ok();
}

// A refusal by a constraint says which fact is wrong; other failures pass through.
Status explained(const Status& status, const std::string& hei_id) {
  const std::string& sqlstate = status.sqlstate();
  std::string context = "the factsheet of " + hei_id + " was not saved";
  if (sqlstate == "23505") return Status::conflict(context + ": another version was saved at the same time");
  if (sqlstate == "23503") {
    return Status::invalid_argument(context + ": " + hei_id + " is not hosted here, or the author's account is gone", sqlstate);
  }
  if (sqlstate.starts_with("22") || sqlstate.starts_with("23")) {
    return Status::invalid_argument(context + ": " + status.message(), sqlstate);
  }
  return status.with_context(context);
}

Status insert_version(Transaction& tx, const Factsheet& facts, int version_number, const FactsheetAuthor& author,
                      const std::string& reason) {
  auto rows =
      tx.exec(R"(
    INSERT INTO factsheet_version (hei_id, version_number, saved_by_account_id, saved_by, reason,
                                   nominations_autumn_term, nominations_spring_term, applications_autumn_term,
                                   applications_spring_term, decision_weeks_limit, tor_weeks_limit)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11))",
              {facts.hei_id, version_number, author.account_id, author.actor, reason, facts.student_nominations.autumn_term,
               facts.student_nominations.spring_term, facts.student_applications.autumn_term,
               facts.student_applications.spring_term, facts.decision_weeks_limit, facts.tor_weeks_limit});
  return rows.status();
}

// Inserts `urls` in order with `insert_sql`, whose parameters are those of `owner` followed by
// url_position (1, 2, …), url and lang.
Status insert_urls(Transaction& tx, const char* insert_sql, const Params& owner, const std::vector<WebsiteUrl>& urls) {
  int url_position = 0;
  for (const auto& url : urls) {
    Params params = owner;
    params.push_back(++url_position);
    params.push_back(url.url);
    params.push_back(url.language);
    if (auto inserted = tx.exec(insert_sql, params); !inserted) return inserted.status();
  }
  return Status::ok();
}

Status insert_information(Transaction& tx, const VersionKey& key, const InformationItem& item) {
  const InformationEntry& entry = *item.entry;
  auto rows = tx.exec(R"(
    INSERT INTO factsheet_information (hei_id, version_number, section, position, entry_type, entry_name,
                                       entry_description, email, phone_e164, phone_ext, phone_other_format)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11))",
                      {key.hei_id, key.version_number, item.section, item.position, item.type, item.name, item.description,
                       entry.email, entry.phone.e164, entry.phone.ext, entry.phone.other_format});
  if (!rows) return rows.status();
  return insert_urls(tx,
                     "INSERT INTO factsheet_information_url (hei_id, version_number, section, position, url_position, "
                     "url, lang) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                     {key.hei_id, key.version_number, item.section, item.position}, entry.website_urls);
}

Status insert_requirement(Transaction& tx, const VersionKey& key, int position, const AdditionalRequirement& requirement) {
  auto rows =
      tx.exec("INSERT INTO factsheet_requirement (hei_id, version_number, position, name, details) VALUES ($1, $2, $3, $4, $5)",
              {key.hei_id, key.version_number, position, requirement.name, requirement.details});
  if (!rows) return rows.status();
  return insert_urls(tx,
                     "INSERT INTO factsheet_requirement_url (hei_id, version_number, position, url_position, url, lang) "
                     "VALUES ($1, $2, $3, $4, $5, $6)",
                     {key.hei_id, key.version_number, position}, requirement.information_websites);
}

Status insert_facts(Transaction& tx, const VersionKey& key, const std::vector<InformationItem>& items, const Factsheet& facts) {
  for (const auto& item : items) {
    if (Status inserted = insert_information(tx, key, item); !inserted) return inserted;
  }
  int position = 0;
  for (const auto& requirement : facts.additional_requirements) {
    if (Status inserted = insert_requirement(tx, key, ++position, requirement); !inserted) return inserted;
  }
  return Status::ok();
}

Result<int> newest_version_number(Transaction& tx, const std::string& hei_id) {
  auto rows = tx.exec("SELECT coalesce(max(version_number), 0) FROM factsheet_version WHERE hei_id = $1", {hei_id});
  if (!rows) return rows.status();
  return rows->front().get<int>(0);
}

// Everything save_factsheet() stores, inside its transaction; the version number saved.
Result<int> store(Transaction& tx, const Factsheet& facts, const std::vector<InformationItem>& items,
                  const FactsheetAuthor& author, const std::string& reason, std::optional<int> based_on_version) {
  auto newest = newest_version_number(tx, facts.hei_id);
  if (!newest) return newest.status();
  if (*newest != based_on_version.value_or(0)) {
    return Status::conflict("this edit started from version " + std::to_string(based_on_version.value_or(0)) +
                            " but the newest is " + std::to_string(*newest) + "; start again from it");
  }
  VersionKey key{facts.hei_id, *newest + 1};
  if (Status inserted = insert_version(tx, facts, key.version_number, author, reason); !inserted) return inserted;
  if (Status inserted = insert_facts(tx, key, items, facts); !inserted) return inserted;
  std::string record = "factsheet:" + facts.hei_id + ":" + std::to_string(key.version_number);
  AuditEvent event{author.account_id, author.actor, author.role, facts.hei_id, "factsheet_saved", record, reason, ""};
  if (Status audited = record_audit_event(tx.connection(), event); !audited) return audited;
  return key.version_number;
}

}  // namespace

Result<std::vector<StoredFactsheet>> current_factsheets(Connection& connection, const std::vector<std::string>& hei_ids) {
  auto rows = connection.exec("SELECT hei_id, version_number FROM current_factsheet_version WHERE hei_id = ANY($1::text[])",
                              {text_array(hei_ids)});
  if (!rows) return rows.status();
  std::vector<VersionKey> keys;
  for (Row row : *rows) keys.push_back({row.get<std::string>("hei_id"), row.get<int>("version_number")});
  if (keys.empty()) return std::vector<StoredFactsheet>();
  return load(connection, keys);
}

Result<std::optional<StoredFactsheet>> find_factsheet_version(Connection& connection, const std::string& hei_id,
                                                              int version_number) {
  auto loaded = load(connection, {{hei_id, version_number}});
  if (!loaded) return loaded.status();
  if (loaded->empty()) return std::optional<StoredFactsheet>();
  return std::optional<StoredFactsheet>(std::move(loaded->front()));
}

Result<std::vector<FactsheetVersion>> list_factsheet_versions(Connection& connection, const std::string& hei_id) {
  auto rows = connection.exec(
      std::string("SELECT ") + kVersionColumns + " FROM factsheet_version v WHERE v.hei_id = $1 ORDER BY v.version_number DESC",
      {hei_id});
  if (!rows) return rows.status();
  std::vector<FactsheetVersion> versions;
  for (Row row : *rows) versions.push_back(version_from(row));
  return versions;
}

Result<int> save_factsheet(Connection& connection, const Factsheet& factsheet, const FactsheetAuthor& author,
                           const std::string& reason, std::optional<int> based_on_version) {
  std::vector<InformationItem> items = information_items(factsheet);
  if (Status complete = check_websites(items); !complete) return explained(complete, factsheet.hei_id);
  auto tx = Transaction::begin(connection);
  if (!tx) return tx.status();
  auto saved = store(*tx, factsheet, items, author, reason, based_on_version);
  if (!saved) return explained(saved.status(), factsheet.hei_id);
  if (Status committed = tx->commit(); !committed) return explained(committed, factsheet.hei_id);
  return saved;
}

}  // namespace mobility::db
