#include "base/config.hpp"

#include <arpa/inet.h>
#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

#include "base/text.hpp"

extern char** environ;

namespace mobility {
namespace {

// One configuration key: how to parse it into Config, how to show it, and what it means.
struct KeySpec {
  const char* name;
  const char* description;
  bool secret;
  std::function<Status(Config&, const std::string&)> parse;
  std::function<std::string(const Config&)> show;
};

Result<long long> parse_integer(const std::string& text, long long min, long long max) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Status::invalid_argument("'" + text + "' is not a whole number");
  }
  if (value < min || value > max) {
    return Status::invalid_argument(std::to_string(value) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
  }
  return value;
}

template <typename Field>
auto integer_key(Field Config::*field, long long min, long long max) {
  return [field, min, max](Config& config, const std::string& text) -> Status {
    auto value = parse_integer(text, min, max);
    if (!value) return value.status();
    config.*field = static_cast<Field>(*value);
    return Status::ok();
  };
}

template <typename Field>
auto show_number(Field Config::*field) {
  return [field](const Config& config) { return std::to_string(config.*field); };
}

auto show_text(std::string Config::*field) {
  return [field](const Config& config) { return config.*field; };
}

auto url_key(std::string Config::*field, std::initializer_list<const char*> schemes, bool allow_empty) {
  std::vector<std::string> allowed(schemes.begin(), schemes.end());
  return [field, allowed, allow_empty](Config& config, const std::string& text) -> Status {
    if (text.empty() && allow_empty) {
      config.*field = text;
      return Status::ok();
    }
    for (const auto& scheme : allowed) {
      if (text.rfind(scheme, 0) == 0 && text.size() > scheme.size()) {
        config.*field = text;
        return Status::ok();
      }
    }
    std::string message = "'" + mask_secrets(text) + "' must start with";
    for (const auto& scheme : allowed) message.append(" ").append(scheme);
    return Status::invalid_argument(message);
  };
}

Status parse_database_url(Config& config, const std::string& text) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(text.c_str(), &error);
  if (options == nullptr) {
    std::string message = error ? error : "cannot be parsed";
    PQfreemem(error);
    while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
    return Status::invalid_argument("not a libpq connection string or URL: " + message);
  }
  PQconninfoFree(options);
  config.database_url = text;
  return Status::ok();
}

Status parse_log_level(Config& config, const std::string& text) {
  static const std::map<std::string, log::Level> levels = {
      {"debug", log::Level::kDebug}, {"info", log::Level::kInfo}, {"warn", log::Level::kWarn}, {"error", log::Level::kError}};
  auto found = levels.find(text);
  if (found == levels.end()) return Status::invalid_argument("'" + text + "' is not one of debug, info, warn, error");
  config.log_level = found->second;
  return Status::ok();
}

std::string show_log_level(const Config& config) {
  switch (config.log_level) {
    case log::Level::kDebug: return "debug";
    case log::Level::kInfo: return "info";
    case log::Level::kWarn: return "warn";
    case log::Level::kError: return "error";
  }
  return "info";
}

Status parse_log_format(Config& config, const std::string& text) {
  if (text == "text") {
    config.log_format = log::Format::kText;
  } else if (text == "json") {
    config.log_format = log::Format::kJson;
  } else {
    return Status::invalid_argument("'" + text + "' is not one of text, json");
  }
  return Status::ok();
}

Status parse_listen_address(Config& config, const std::string& text) {
  bool plausible = !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == ':' || c == '-';
  });
  if (!plausible) return Status::invalid_argument("'" + text + "' is not an IP address or host name");
  config.listen_address = text;
  return Status::ok();
}

Status parse_key_dir(Config& config, const std::string& text) {
  if (text.empty()) return Status::invalid_argument("must not be empty");
  config.key_dir = text;
  return Status::ok();
}

// One address, local@domain, without blanks: what a manifest's <ewp:admin-email> accepts.
bool is_email_address(const std::string& text) {
  size_t at = text.find('@');
  return at != std::string::npos && at > 0 && at + 1 < text.size() && text.find('@', at + 1) == std::string::npos &&
         text.find_first_of(" \t<>,;\"\r\n") == std::string::npos;
}

Status parse_admin_email(Config& config, const std::string& text) {
  if (!is_email_address(text))
    return Status::invalid_argument("'" + text + "' is not an e-mail address like ewp-admin@example.org");
  config.admin_email = text;
  return Status::ok();
}

Status parse_mail_from(Config& config, const std::string& text) {
  if (!text.empty() && !is_email_address(text)) {
    return Status::invalid_argument("'" + text + "' is not an e-mail address like mobility@example.org");
  }
  config.mail_from = text;
  return Status::ok();
}

Status parse_smtp_tls(Config& config, const std::string& text) {
  if (text != "starttls" && text != "none") return Status::invalid_argument("'" + text + "' is not one of starttls, none");
  config.smtp_tls = text;
  return Status::ok();
}

Status parse_mail_from_name(Config& config, const std::string& text) {
  if (text.empty() || text.size() > 100 || text.find_first_of("\r\n<>\"") != std::string::npos) {
    return Status::invalid_argument("write a name of 1-100 characters without line breaks, <, > or \"");
  }
  config.mail_from_name = text;
  return Status::ok();
}

// "a, b" → {"a", "b"} into `field` (empty text: none); each item must be `valid`, else the error
// says the list is not one of `what`.
auto list_key(std::vector<std::string> Config::*field, std::string what, bool (*valid)(std::string_view)) {
  return [field, what, valid](Config& config, const std::string& text) -> Status {
    std::vector<std::string> items;
    std::string rest = text;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string item = std::string(trim_blanks(rest.substr(0, comma)));
      rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
      if (item.empty() || item.find_first_of(" \t") != std::string::npos || !valid(item)) {
        return Status::invalid_argument("'" + text + "' is not a comma-separated list of " + what);
      }
      items.push_back(item);
    }
    config.*field = std::move(items);
    return Status::ok();
  };
}

auto show_list(std::vector<std::string> Config::*field) {
  return [field](const Config& config) {
    std::string text;
    for (const auto& item : config.*field) text += (text.empty() ? "" : ",") + item;
    return text;
  };
}

bool any_item(std::string_view) { return true; }

bool is_ip_address(std::string_view text) {
  std::string address(text);
  unsigned char buffer[sizeof(in6_addr)];
  return inet_pton(AF_INET, address.c_str(), buffer) == 1 || inet_pton(AF_INET6, address.c_str(), buffer) == 1;
}

auto path_key(std::string Config::*field) {
  return [field](Config& config, const std::string& text) -> Status {
    config.*field = text;
    return Status::ok();
  };
}

const std::vector<KeySpec>& key_table() {
  static const std::vector<KeySpec> table = {
      {"listen_address", "address the HTTP server binds to", false, parse_listen_address, show_text(&Config::listen_address)},
      {"listen_port", "TCP port the HTTP server binds to; 0 picks a free one (logged)", false,
       integer_key(&Config::listen_port, 0, 65535), show_number(&Config::listen_port)},
      {"public_url", "base URL partners and browsers use to reach this node", false,
       url_key(&Config::public_url, {"http://", "https://"}, false), show_text(&Config::public_url)},
      {"worker_threads", "HTTP worker threads (1-256)", false, integer_key(&Config::worker_threads, 1, 256),
       show_number(&Config::worker_threads)},
      {"max_request_bytes", "largest accepted request body in bytes (1 KiB - 256 MiB); larger gets 413", false,
       integer_key(&Config::max_request_bytes, 1024, 256LL * 1024 * 1024), show_number(&Config::max_request_bytes)},
      {"database_url", "PostgreSQL connection URL or libpq conninfo", true, parse_database_url, show_text(&Config::database_url)},
      {"db_pool_size", "most open database connections per process (1-1000)", false, integer_key(&Config::db_pool_size, 1, 1000),
       show_number(&Config::db_pool_size)},
      {"db_acquire_timeout_ms", "how long a request waits for a free connection (1-600000 ms)", false,
       integer_key(&Config::db_acquire_timeout_ms, 1, 600000), show_number(&Config::db_acquire_timeout_ms)},
      {"log_level", "debug, info, warn or error", false, parse_log_level, show_log_level},
      {"log_format", "text or json", false, parse_log_format,
       [](const Config& c) { return std::string(c.log_format == log::Format::kJson ? "json" : "text"); }},
      {"registry_url", "EWP registry catalogue (http://, https:// or file://)", false,
       url_key(&Config::registry_url, {"http://", "https://", "file://"}, false), show_text(&Config::registry_url)},
      {"key_dir", "directory holding this node's private keys (never in git)", false, parse_key_dir, show_text(&Config::key_dir)},
      {"key_switch_delay_minutes",
       "after `keys rotate`, minutes until the new key signs (0-10080); partners learn it from the registry meanwhile", false,
       integer_key(&Config::key_switch_delay_minutes, 0, 10080), show_number(&Config::key_switch_delay_minutes)},
      {"admin_email", "contact address published in the manifest (a role address, not a person)", false, parse_admin_email,
       show_text(&Config::admin_email)},
      {"ca_bundle", "extra CA certificates (PEM file) trusted for partner TLS; empty: the system's only", false,
       path_key(&Config::ca_bundle), show_text(&Config::ca_bundle)},
      {"http_connect_timeout_ms", "outgoing EWP calls: connect timeout (1-600000 ms)", false,
       integer_key(&Config::http_connect_timeout_ms, 1, 600000), show_number(&Config::http_connect_timeout_ms)},
      {"http_timeout_ms", "outgoing EWP calls: whole-request timeout (1-3600000 ms)", false,
       integer_key(&Config::http_timeout_ms, 1, 3600000), show_number(&Config::http_timeout_ms)},
      {"lenient_xml_heis", "partner HEI ids (comma-separated) whose schema-invalid XML is logged, not refused", false,
       list_key(&Config::lenient_xml_heis, "HEI ids", any_item), show_list(&Config::lenient_xml_heis)},
      {"trusted_proxies",
       "addresses (comma-separated) of proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; "
       "ops/run's nginx connects from 127.0.0.2",
       false, list_key(&Config::trusted_proxies, "IP addresses", is_ip_address), show_list(&Config::trusted_proxies)},
      {"cnr_retry_first_seconds", "change notifications: seconds before the first retry (1-86400), doubling after", false,
       integer_key(&Config::cnr_retry_first_seconds, 1, 86400), show_number(&Config::cnr_retry_first_seconds)},
      {"cnr_retry_max_seconds", "change notifications: the longest wait between retries (1-86400 s)", false,
       integer_key(&Config::cnr_retry_max_seconds, 1, 86400), show_number(&Config::cnr_retry_max_seconds)},
      {"cnr_give_up_hours", "change notifications: hours of failures before one is given up (1-720)", false,
       integer_key(&Config::cnr_give_up_hours, 1, 720), show_number(&Config::cnr_give_up_hours)},
      {"reference_refresh_hours", "partners' institutions, units and factsheets: hours before they are fetched again (1-8760)",
       false, integer_key(&Config::reference_refresh_hours, 1, 8760), show_number(&Config::reference_refresh_hours)},
      {"schema_dir",
       "the official EWP schemas (XSDs with catalog.xml) partners' XML is checked against; empty: " MOBILITY_DEFAULT_SCHEMA_DIR,
       false, path_key(&Config::schema_dir), show_text(&Config::schema_dir)},
      {"tls_cert_file", "TLS certificate (PEM) nginx serves public_url with; empty: self-signed under var/nginx/tls/", false,
       path_key(&Config::tls_cert_file), show_text(&Config::tls_cert_file)},
      {"tls_key_file", "private key of tls_cert_file (PEM); never in git", false, path_key(&Config::tls_key_file),
       show_text(&Config::tls_key_file)},
      {"smtp_url", "SMTP server for mail (smtp:// or smtps://); empty disables mail", true,
       url_key(&Config::smtp_url, {"smtp://", "smtps://"}, true), show_text(&Config::smtp_url)},
      {"smtp_tls", "smtp:// only: starttls (required before anything is sent) or none (a relay on loopback)", false,
       parse_smtp_tls, show_text(&Config::smtp_tls)},
      {"smtp_user", "SMTP user name; empty: no authentication", false, path_key(&Config::smtp_user),
       show_text(&Config::smtp_user)},
      {"smtp_password_file", "file holding the SMTP password (read at start; never in git)", false,
       path_key(&Config::smtp_password_file), show_text(&Config::smtp_password_file)},
      {"mail_from", "address mail is sent from; empty: admin_email", false, parse_mail_from, show_text(&Config::mail_from)},
      {"mail_from_name", "name mail is sent under", false, parse_mail_from_name, show_text(&Config::mail_from_name)},
      {"portal_url", "base URL of the links in mail (the pages as users reach them); empty: public_url", false,
       url_key(&Config::portal_url, {"http://", "https://"}, true), show_text(&Config::portal_url)},
      {"mail_reminder_days", "days a learning-agreement draft may wait for a signature before a reminder (1-365)", false,
       integer_key(&Config::mail_reminder_days, 1, 365), show_number(&Config::mail_reminder_days)},
      {"mail_digest_hour", "UTC hour (0-23) from which staff who chose a daily digest get it", false,
       integer_key(&Config::mail_digest_hour, 0, 23), show_number(&Config::mail_digest_hour)},
  };
  return table;
}

const KeySpec* find_key(const std::string& name) {
  for (const auto& spec : key_table()) {
    if (name == spec.name) return &spec;
  }
  return nullptr;
}

std::string trim(const std::string& text) { return std::string(trim_blanks(text)); }

std::string environment_name(const std::string& key) {
  std::string name = "MOBILITY_";
  for (char c : key) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

// A value is either "double quoted" (kept exactly) or bare; either may be followed by a comment
// that starts with whitespace and '#'.
Result<std::string> parse_value(const std::string& text) {
  if (!text.empty() && text.front() == '"') {
    size_t closing = text.find('"', 1);
    if (closing == std::string::npos) return Status::invalid_argument("missing closing '\"'");
    std::string rest = trim(text.substr(closing + 1));
    if (!rest.empty() && rest.front() != '#') return Status::invalid_argument("unexpected text after the quoted value");
    return text.substr(1, closing - 1);
  }
  size_t comment = text.find('#');
  while (comment != std::string::npos && comment > 0 && text[comment - 1] != ' ' && text[comment - 1] != '\t') {
    comment = text.find('#', comment + 1);
  }
  return trim(comment == std::string::npos ? text : text.substr(0, comment));
}

// Reads `key = value` lines; values may be wrapped in double quotes to keep surrounding spaces.
Result<std::map<std::string, std::string>> read_config_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::invalid_argument("cannot read config file " + path);
  std::map<std::string, std::string> values;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string where = path + ":" + std::to_string(number);
    std::string content = trim(line);
    if (content.empty() || content[0] == '#') continue;
    size_t equals = content.find('=');
    if (equals == std::string::npos) return Status::invalid_argument(where + ": expected 'key = value'");
    std::string key = trim(content.substr(0, equals));
    auto value = parse_value(trim(content.substr(equals + 1)));
    if (!value) return value.status().with_context(where);
    if (find_key(key) == nullptr) return Status::invalid_argument(where + ": unknown key '" + key + "'");
    if (values.count(key)) return Status::invalid_argument(where + ": key '" + key + "' is set twice");
    values[key] = *value;
  }
  return values;
}

}  // namespace

bool is_launcher_variable(const std::string& name) {
  // The ops/ scripts' own variables (a test checks that every MOBILITY_* name they use is a key or here).
  static const char* const names[] = {"MOBILITY_CONFIG",
                                      "MOBILITY_PG_PORT",
                                      "MOBILITY_PG_DIR",
                                      "MOBILITY_TEST_PG_PORT",
                                      "MOBILITY_TEST_PG_DIR",
                                      "MOBILITY_TEST_DATABASE_URL",
                                      "MOBILITY_BUILD_DIR",
                                      "MOBILITY_CMAKE_ARGS",
                                      "MOBILITY_DEMO",
                                      "MOBILITY_DEMO_PARTNERS",
                                      "MOBILITY_RUN_LOCK",
                                      "MOBILITY_SCHEMA_SOURCE",
                                      "MOBILITY_SCHEMA_MIRROR",
                                      "MOBILITY_SCHEMA_SHARED",
                                      "MOBILITY_DEV_NETWORK_DIR",
                                      "MOBILITY_DEV_NETWORK_PORT",
                                      "MOBILITY_DEV_NETWORK_PG_PORT"};
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> environment;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string text = *entry;
    size_t equals = text.find('=');
    if (equals != std::string::npos) environment[text.substr(0, equals)] = text.substr(equals + 1);
  }
  return environment;
}

Result<LoadedConfig> load_config(const std::string& file_path, const std::map<std::string, std::string>& environment) {
  std::map<std::string, std::string> file_values;
  if (!file_path.empty()) {
    auto read = read_config_file(file_path);
    if (!read) return read.status();
    file_values = std::move(read.value());
  }
  for (const auto& [name, value] : environment) {
    if (name.rfind("MOBILITY_", 0) != 0 || is_launcher_variable(name)) continue;
    std::string key = ascii_lower(name.substr(strlen("MOBILITY_")));
    if (find_key(key) == nullptr || environment_name(key) != name) {
      return Status::invalid_argument("environment variable " + name + " is not a configuration key");
    }
  }

  LoadedConfig loaded;
  for (const auto& spec : key_table()) {
    ConfigSource source = ConfigSource::kDefault;
    std::optional<std::string> text;
    std::string origin;
    if (auto env = environment.find(environment_name(spec.name)); env != environment.end()) {
      text = env->second;
      source = ConfigSource::kEnvironment;
      origin = "environment variable " + env->first;
    } else if (auto file = file_values.find(spec.name); file != file_values.end()) {
      text = file->second;
      source = ConfigSource::kFile;
      origin = "key '" + std::string(spec.name) + "' in " + file_path;
    }
    if (text) {
      Status parsed = spec.parse(loaded.config, *text);
      if (!parsed) return parsed.with_context(origin);
    }
    std::string shown = spec.show(loaded.config);
    loaded.entries.push_back({spec.name, spec.secret ? mask_secrets(shown) : shown, source, spec.description});
  }
  return loaded;
}

std::string mask_secrets(const std::string& url) {
  // URL form: scheme://user:password@host...
  size_t scheme_end = url.find("://");
  if (scheme_end != std::string::npos) {
    size_t authority_start = scheme_end + 3;
    size_t at = url.find('@', authority_start);
    size_t slash = url.find('/', authority_start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      size_t colon = url.find(':', authority_start);
      if (colon != std::string::npos && colon < at) {
        return url.substr(0, colon + 1) + "***" + url.substr(at);
      }
    }
  }
  // Query or conninfo form: password=secret
  std::string masked = url;
  for (size_t at = masked.find("password="); at != std::string::npos; at = masked.find("password=", at + 1)) {
    size_t value_start = at + strlen("password=");
    size_t value_end = masked.find_first_of(" &", value_start);
    if (value_end == std::string::npos) value_end = masked.size();
    masked.replace(value_start, value_end - value_start, "***");
  }
  return masked;
}

std::string render_config(const LoadedConfig& loaded) {
  std::ostringstream out;
  for (const auto& entry : loaded.entries) {
    const char* source = entry.source == ConfigSource::kDefault ? "default"
                         : entry.source == ConfigSource::kFile  ? "file"
                                                                : "environment";
    out << entry.key << " = " << entry.value << "  # " << source << "\n";
  }
  return out.str();
}

std::string schema_bundle(const Config& config) {
  return config.schema_dir.empty() ? std::string(MOBILITY_DEFAULT_SCHEMA_DIR) : config.schema_dir;
}

std::string mail_sender(const Config& config) { return config.mail_from.empty() ? config.admin_email : config.mail_from; }

std::string portal_base_url(const Config& config) {
  std::string url = config.portal_url.empty() ? config.public_url : config.portal_url;
  while (url.ends_with('/')) url.pop_back();
  return url;
}

}  // namespace mobility
