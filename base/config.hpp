// The node's configuration: one table of keys, read from an optional `key = value` file and
// overridden key by key by MOBILITY_<KEY> environment variables (MOBILITY_LISTEN_PORT=9090).
//
// Precedence: environment > file > built-in default. An unknown key in the file, an unknown
// MOBILITY_* variable, or a value that does not parse is an error naming the key and its source.
// The documented example is ops/mobility.conf.example.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/log.hpp"
#include "base/status.hpp"

namespace mobility {

struct Config {
  std::string listen_address = "127.0.0.1";
  uint16_t listen_port = 8080;
  std::string public_url = "https://localhost:8443";
  int worker_threads = 4;  // two per core of a 2-core node: a page waits on PostgreSQL (docs/decisions.md §16)
  size_t max_request_bytes = 1024 * 1024;
  std::string database_url = "postgresql:///mobility";
  int db_pool_size = 8;
  int db_acquire_timeout_ms = 5000;
  log::Level log_level = log::Level::kInfo;
  log::Format log_format = log::Format::kText;
  std::string registry_url = "https://registry.erasmuswithoutpaper.eu/catalogue-v1.xml";
  std::string key_dir = "var/keys";
  int key_switch_delay_minutes = 240;
  std::string admin_email = "ewp-admin@localhost.localdomain";
  std::string ca_bundle;  // empty: the system's CA certificates only
  int http_connect_timeout_ms = 5000;
  int http_timeout_ms = 30000;
  std::vector<std::string> lenient_xml_heis;                 // partners whose invalid XML is logged, not refused
  std::vector<std::string> trusted_proxies = {"127.0.0.2"};  // peers whose X-Forwarded-* are believed (ops/run's nginx)
  int cnr_retry_first_seconds = 10;                          // a failed notification is tried again after this, then doubling
  int cnr_retry_max_seconds = 3600;                          // ... up to this between tries
  int cnr_give_up_hours = 24;                                // after this long a notification is given up
  int reference_refresh_hours = 24;  // partners' institutions, units and factsheets older than this are fetched again
  std::string schema_dir;            // the EWP schema bundle, with catalog.xml; empty: the build's (schema_bundle())
  std::string tls_cert_file;         // empty: ops/run makes a self-signed certificate under var/nginx/tls
  std::string tls_key_file;
  std::string smtp_url;               // empty: mail is not sent
  std::string smtp_tls = "starttls";  // smtp:// only: starttls (required) or none (a relay on loopback)
  std::string smtp_user;              // empty: no SMTP authentication
  std::string smtp_password_file;     // the SMTP password, read at start; never in the configuration itself
  std::string mail_from;              // empty: admin_email
  std::string mail_from_name = "Mobility";
  std::string portal_url;      // base of the links in mail; empty: public_url
  int mail_reminder_days = 7;  // a learning-agreement draft unsigned this long brings a reminder
  int mail_digest_hour = 6;    // UTC hour from which the daily digests go out
};

// The address mail is sent from: mail_from, or admin_email when it is empty.
std::string mail_sender(const Config& config);

// The base URL of links in mail: portal_url, or public_url when it is empty; no trailing '/'.
std::string portal_base_url(const Config& config);

// The directory of the official EWP schemas: schema_dir, or when empty the bundle the build was
// configured with (CMake MOBILITY_DEFAULT_SCHEMA_DIR).
std::string schema_bundle(const Config& config);

// Where each effective value came from, for --print-config.
enum class ConfigSource { kDefault, kFile, kEnvironment };

struct ConfigEntry {
  std::string key;
  std::string value;  // secrets already masked
  ConfigSource source;
  std::string description;
};

struct LoadedConfig {
  Config config;
  std::vector<ConfigEntry> entries;  // every key, in table order
};

// Environment variables that the launch scripts read and the node ignores.
// Any other MOBILITY_* variable must be a known key.
bool is_launcher_variable(const std::string& name);

// Parses configuration. `file_path` may be empty (no file). `environment` is the process
// environment as name → value (tests pass their own).
Result<LoadedConfig> load_config(const std::string& file_path, const std::map<std::string, std::string>& environment);

// The process environment as a map.
std::map<std::string, std::string> process_environment();

// Replaces the password in a URL or libpq conninfo with "***" (postgresql://u:***@h/db).
std::string mask_secrets(const std::string& url);

// "key = value  # source" lines for `mobility serve --print-config`.
std::string render_config(const LoadedConfig& loaded);

}  // namespace mobility
