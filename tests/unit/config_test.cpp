#include "base/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>

namespace mobility {
namespace {

class ConfigFile {
 public:
  explicit ConfigFile(const std::string& text) : path_("/tmp/mobility-config-" + std::to_string(getpid()) + ".conf") {
    std::ofstream(path_) << text;
  }
  ~ConfigFile() { unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(Config, DefaultsWithoutFileOrEnvironment) {
  auto loaded = load_config("", {});
  ASSERT_TRUE(loaded) << loaded.status().to_string();
  EXPECT_EQ(loaded->config.listen_port, 8080);
  EXPECT_EQ(loaded->config.listen_address, "127.0.0.1");
  EXPECT_EQ(loaded->config.worker_threads, 4);
  for (const auto& entry : loaded->entries) EXPECT_EQ(entry.source, ConfigSource::kDefault) << entry.key;
}

TEST(Config, FileValuesWithCommentsBlankLinesAndQuotes) {
  ConfigFile file(
      "# Mobility\n\n"
      "listen_port = 9090\n"
      "  worker_threads=4   \n"
      "public_url = \"https://ewp.example.no\"\n"
      "log_format = json\n");
  auto loaded = load_config(file.path(), {});
  ASSERT_TRUE(loaded) << loaded.status().to_string();
  EXPECT_EQ(loaded->config.listen_port, 9090);
  EXPECT_EQ(loaded->config.worker_threads, 4);
  EXPECT_EQ(loaded->config.public_url, "https://ewp.example.no");
  EXPECT_EQ(loaded->config.log_format, log::Format::kJson);
}

TEST(Config, TrailingCommentsAndHashesInsideValues) {
  ConfigFile file(
      "listen_port = 9090   # the admin port\n"
      "public_url = https://ewp.example.no/#top\n"
      "smtp_url = \"smtp://relay.example # not a comment\"  # but this is\n");
  auto loaded = load_config(file.path(), {});
  ASSERT_TRUE(loaded) << loaded.status().to_string();
  EXPECT_EQ(loaded->config.listen_port, 9090);
  EXPECT_EQ(loaded->config.public_url, "https://ewp.example.no/#top");
  EXPECT_EQ(loaded->config.smtp_url, "smtp://relay.example # not a comment");
  ConfigFile unterminated("public_url = \"https://x\n");
  EXPECT_NE(load_config(unterminated.path(), {}).status().message().find("missing closing"), std::string::npos);
}

TEST(Config, DocumentedExampleLoadsAndMatchesTheDefaults) {
  auto example = load_config(std::string(MOBILITY_SOURCE_DIR) + "/ops/mobility.conf.example", {});
  ASSERT_TRUE(example) << example.status().to_string();
  auto defaults = load_config("", {});
  ASSERT_EQ(example->entries.size(), defaults->entries.size());
  for (size_t i = 0; i < example->entries.size(); ++i) {
    EXPECT_EQ(example->entries[i].source, ConfigSource::kFile) << example->entries[i].key << " is not documented";
    EXPECT_EQ(example->entries[i].value, defaults->entries[i].value) << example->entries[i].key;
  }
}

TEST(Config, EnvironmentOverridesFile) {
  ConfigFile file("listen_port = 9090\n");
  auto loaded = load_config(file.path(), {{"MOBILITY_LISTEN_PORT", "7070"}, {"HOME", "/root"}});
  ASSERT_TRUE(loaded) << loaded.status().to_string();
  EXPECT_EQ(loaded->config.listen_port, 7070);
  EXPECT_EQ(loaded->entries[1].key, "listen_port");
  EXPECT_EQ(loaded->entries[1].source, ConfigSource::kEnvironment);
}

TEST(Config, UnknownFileKeyNamesKeyAndLine) {
  ConfigFile file("listen_port = 9090\nlisten_prot = 1\n");
  auto loaded = load_config(file.path(), {});
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.status().message().find("unknown key 'listen_prot'"), std::string::npos);
  EXPECT_NE(loaded.status().message().find(":2"), std::string::npos) << loaded.status().message();
}

TEST(Config, UnknownEnvironmentVariableIsAnError) {
  auto loaded = load_config("", {{"MOBILITY_DATABSE_URL", "postgresql:///x"}});
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.status().message().find("MOBILITY_DATABSE_URL"), std::string::npos);
}

TEST(Config, LauncherVariablesAreIgnored) {
  auto loaded = load_config("", {{"MOBILITY_PG_PORT", "5999"}, {"MOBILITY_TEST_DATABASE_URL", "x"}});
  EXPECT_TRUE(loaded) << loaded.status().to_string();
}

// Every MOBILITY_* variable the ops/ scripts read reaches `mobility` too (they export them or the
// user does): each must be a configuration key or a launcher variable, or `mobility migrate` run
// by ops/run refuses the environment ("MOBILITY_DEMO_PARTNERS is not a configuration key").
TEST(Config, EveryVariableOfTheOpsScriptsIsAKeyOrALauncherVariable) {
  std::set<std::string> names;
  for (const char* script : {"run", "test", "lib.sh", "install-deps", "schema-bundle", "mobility", "tls-proxy"}) {
    std::ifstream in(std::string(MOBILITY_SOURCE_DIR) + "/ops/" + script);
    ASSERT_TRUE(in) << script;
    std::string text((std::istreambuf_iterator<char>(in)), {});
    for (size_t at = text.find("MOBILITY_"); at != std::string::npos; at = text.find("MOBILITY_", at + 1)) {
      size_t end = at + 9;
      while (end < text.size() && (std::isupper(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
      if (end > at + 9 && text[end - 1] != '_') names.insert(text.substr(at, end - at));
    }
  }
  // lib.sh names the local clusters' variables by prefix (MOBILITY_PG_PORT, MOBILITY_PG_DIR...).
  names.erase("MOBILITY_PG");
  names.erase("MOBILITY_TEST_PG");
  EXPECT_GT(names.size(), 10u);
  for (const std::string& name : names) {
    auto loaded = load_config("", {{name, "1"}});
    if (!loaded) {
      EXPECT_EQ(loaded.status().message().find("is not a configuration key"), std::string::npos) << name;
    }
  }
}

TEST(Config, BadValuesNameTheKey) {
  struct Case {
    const char* variable;
    const char* value;
    const char* expected;
  };
  const Case cases[] = {
      {"MOBILITY_LISTEN_PORT", "70000", "outside 0..65535"},
      {"MOBILITY_LISTEN_PORT", "80a", "not a whole number"},
      {"MOBILITY_LISTEN_PORT", "", "not a whole number"},
      {"MOBILITY_WORKER_THREADS", "0", "outside 1..256"},
      {"MOBILITY_DB_POOL_SIZE", "-3", "outside 1..1000"},
      {"MOBILITY_LOG_LEVEL", "verbose", "not one of debug, info, warn, error"},
      {"MOBILITY_LOG_FORMAT", "xml", "not one of text, json"},
      {"MOBILITY_PUBLIC_URL", "ftp://x", "must start with http:// https://"},
      {"MOBILITY_REGISTRY_URL", "registry.example", "must start with"},
      {"MOBILITY_SMTP_URL", "mail.example", "must start with smtp:// smtps://"},
      {"MOBILITY_DATABASE_URL", "postgresql://h/db?nosuchoption=1", "not a libpq connection string"},
      {"MOBILITY_LISTEN_ADDRESS", "127.0.0.1; rm", "not an IP address"},
      {"MOBILITY_KEY_DIR", "", "must not be empty"},
      {"MOBILITY_ADMIN_EMAIL", "Ola Nordmann <ola@uni.no>", "not an e-mail address"},
      {"MOBILITY_ADMIN_EMAIL", "ewp-admin", "not an e-mail address"},
      {"MOBILITY_KEY_SWITCH_DELAY_MINUTES", "-1", "MOBILITY_KEY_SWITCH_DELAY_MINUTES"},
      {"MOBILITY_HTTP_TIMEOUT_MS", "0", "MOBILITY_HTTP_TIMEOUT_MS"},
      {"MOBILITY_LENIENT_XML_HEIS", "uni-a.example,,uni-b.example", "comma-separated list of HEI ids"},
  };
  for (const auto& c : cases) {
    auto loaded = load_config("", {{c.variable, c.value}});
    ASSERT_FALSE(loaded) << c.variable << "=" << c.value;
    EXPECT_NE(loaded.status().message().find(c.variable), std::string::npos) << loaded.status().message();
    EXPECT_NE(loaded.status().message().find(c.expected), std::string::npos) << loaded.status().message();
  }
}

TEST(Config, BadFileValueNamesKeyAndFile) {
  ConfigFile file("db_pool_size = many\n");
  auto loaded = load_config(file.path(), {});
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.status().message().find("key 'db_pool_size' in " + file.path()), std::string::npos)
      << loaded.status().message();
}

TEST(Config, MalformedLinesAndDuplicatesAreErrors) {
  ConfigFile no_equals("listen_port 9090\n");
  EXPECT_NE(load_config(no_equals.path(), {}).status().message().find("expected 'key = value'"), std::string::npos);
  ConfigFile twice("listen_port = 1\nlisten_port = 2\n");
  EXPECT_NE(load_config(twice.path(), {}).status().message().find("set twice"), std::string::npos);
  EXPECT_NE(load_config("/nonexistent/mobility.conf", {}).status().message().find("cannot read"), std::string::npos);
}

TEST(Config, SecretsAreMaskedWhenPrinted) {
  auto loaded = load_config("", {{"MOBILITY_DATABASE_URL", "postgresql://app:s3cret@db.example/mobility"},
                                 {"MOBILITY_SMTP_URL", "smtps://mailer:hunter2@smtp.example:465"}});
  ASSERT_TRUE(loaded) << loaded.status().to_string();
  EXPECT_EQ(loaded->config.database_url, "postgresql://app:s3cret@db.example/mobility");
  std::string printed = render_config(*loaded);
  EXPECT_EQ(printed.find("s3cret"), std::string::npos) << printed;
  EXPECT_EQ(printed.find("hunter2"), std::string::npos) << printed;
  EXPECT_NE(printed.find("database_url = postgresql://app:***@db.example/mobility  # environment"), std::string::npos);
}

TEST(Config, MaskSecretsHandlesConninfoAndQueryForms) {
  EXPECT_EQ(mask_secrets("host=db user=app password=s3cret dbname=m"), "host=db user=app password=*** dbname=m");
  EXPECT_EQ(mask_secrets("postgresql:///m?host=/tmp&password=s3cret&port=5"), "postgresql:///m?host=/tmp&password=***&port=5");
  EXPECT_EQ(mask_secrets("postgresql://app@db/m"), "postgresql://app@db/m");
  EXPECT_EQ(mask_secrets("https://registry.example/catalogue-v1.xml"), "https://registry.example/catalogue-v1.xml");
}

}  // namespace
}  // namespace mobility
