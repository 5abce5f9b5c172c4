// Institutions repository: the HEIs this node knows, hosted ones first.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct InstitutionRecord {
  std::string hei_id;
  bool hosted = false;
  std::optional<std::string> abbreviation;
  std::optional<std::string> country_code;
  std::optional<std::string> city;
  std::vector<std::pair<std::string, std::string>> names;  // (language tag, name)
};

// Hosted HEIs first, then partners, each group by hei_id.
Result<std::vector<InstitutionRecord>> list_institutions(Connection& connection);

// The hosted HEIs only, by hei_id (what the public may see: whose partners are whose is not).
Result<std::vector<InstitutionRecord>> list_hosted_institutions(Connection& connection);

struct HostedHei {
  std::string hei_id;
  std::string admin_email;
  std::vector<std::pair<std::string, std::string>> names;  // (language tag, name)
};

// The HEIs this node serves over EWP, by hei_id.
Result<std::vector<HostedHei>> list_hosted_heis(Connection& connection);

// Makes `hei_id` a known partner (a row in hei with nothing but its id; the reference refresher
// fetches its name and units). Returns false when the HEI was known already. The id must be a
// valid SCHAC code (the database refuses others).
Result<bool> add_partner_hei(Connection& connection, const std::string& hei_id);

// Makes `partner_hei_id` (a known HEI) a partner of the hosted `hei_id`, as its staff add one by
// hand. Returns false when it was linked already.
Result<bool> link_partner(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id);

// The HEIs `hei_id` may make agreements with: its partners (db/partner_health.hpp says which
// those are) and the other HEIs hosted here; grouped and ordered as list_institutions.
Result<std::vector<InstitutionRecord>> list_partners_of(Connection& connection, const std::string& hei_id);

// What an operator gives to serve an HEI from this node.
struct HeiToHost {
  std::string hei_id;
  std::string admin_email;
  std::string name;  // in `name_language`
  std::string name_language = "en";
  std::optional<std::string> country_code;  // ISO 3166-1 alpha-2, upper case
};

// Serves `hei` from this node: adds the HEI (or completes a partner row of the same id) and
// makes it hosted; run again, it updates the admin email, the name in that language and the
// country. Returns false when the HEI was hosted already. One transaction.
Result<bool> host_hei(Connection& connection, const HeiToHost& hei);

// Stops serving `hei_id`: its agreements that never reached a partner (drafts, withdrawn ones),
// the partners' copies held for it, its destination information, factsheet versions, finished
// notifications, application rounds with their applications and the roles accounts had at it are
// deleted; the HEI stays a known institution. kNotFound when it is not hosted. kConflict,
// changing nothing, while partners hold data of it: agreements shared with them, approvals we
// gave of their copies, notifications still to deliver, our students' mobilities nominated to
// them, or their nominations and learning agreements to it (the message counts each). Run inside the caller's transaction when it
// has one.
Status unhost_hei(Connection& connection, const std::string& hei_id);

// true when this node serves `hei_id` over EWP.
Result<bool> is_hosted_hei(Connection& connection, const std::string& hei_id);

// One name of an HEI (no ounit_id) or of one of its units, in one language ('' for none).
struct NameRow {
  std::string hei_id;
  std::optional<std::string> ounit_id;
  std::string language;
  std::string name;
};

// Every name of every HEI and unit this node knows, by HEI, unit (the HEI's own first) and language.
Result<std::vector<NameRow>> list_all_names(Connection& connection);

}  // namespace mobility::db
