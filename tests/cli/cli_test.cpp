// The `mobility` executable as operators use it: commands, exit codes, configuration errors,
// and the serve lifecycle with signals.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <thread>

#include "db/connection.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility {
namespace {

using std::chrono::seconds;
using testing::ChildProcess;
using testing::contains;
using testing::run_program;

const std::string kBinary = MOBILITY_BINARY;

TEST(Cli, HelpListsEveryCommand) {
  auto result = run_program({kBinary, "--help"});
  EXPECT_EQ(result.exit_code, 0);
  const char* all[] = {"serve", "migrate", "seed-demo", "keys", "registry", "echo", "users", "hei"};
  for (const char* command : all) EXPECT_TRUE(contains(result.out, command)) << command;
  for (const char* command : all) {
    auto help = run_program({kBinary, command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_TRUE(contains(help.out, std::string("Usage: mobility ") + command)) << help.out;
  }
}

TEST(Cli, WrongArgumentsExitWithTwo) {
  auto unknown = run_program({kBinary, "frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(contains(unknown.err, "unknown command 'frobnicate'"));
  auto bad_option = run_program({kBinary, "migrate", "--force"});
  EXPECT_EQ(bad_option.exit_code, 2);
  EXPECT_TRUE(contains(bad_option.err, "unknown option --force"));
  EXPECT_EQ(run_program({kBinary}).exit_code, 2);
}

TEST(Cli, ConfigurationErrorsNameTheKey) {
  auto bad_env = run_program({kBinary, "serve"}, {{"MOBILITY_LISTEN_PORT", "eighty"}});
  EXPECT_EQ(bad_env.exit_code, 2);
  EXPECT_TRUE(contains(bad_env.err, "MOBILITY_LISTEN_PORT")) << bad_env.err;

  std::string path = "/tmp/mobility-cli-" + std::to_string(getpid()) + ".conf";
  std::ofstream(path) << "listen_port = 8081\nworker_treads = 4\n";
  auto bad_file = run_program({kBinary, "--config", path, "serve"});
  unlink(path.c_str());
  EXPECT_EQ(bad_file.exit_code, 2);
  EXPECT_TRUE(contains(bad_file.err, "unknown key 'worker_treads'")) << bad_file.err;
}

TEST(Cli, PrintConfigShowsSourcesAndMasksPasswords) {
  std::string path = "/tmp/mobility-cli-print-" + std::to_string(getpid()) + ".conf";
  std::ofstream(path) << "worker_threads = 3\n";
  auto result = run_program({kBinary, "serve", "--print-config"},
                            {{"MOBILITY_CONFIG", path}, {"MOBILITY_DATABASE_URL", "postgresql://app:s3cret@db.example/m"}});
  unlink(path.c_str());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.out, "worker_threads = 3  # file"));
  EXPECT_TRUE(contains(result.out, "database_url = postgresql://app:***@db.example/m  # environment"));
  EXPECT_FALSE(contains(result.out + result.err, "s3cret"));
}

TEST(Cli, MigrateAndSeedAreRepeatable) {
  std::string url = testing::create_empty_database();
  testing::Environment env = {{"MOBILITY_DATABASE_URL", url}};

  auto too_early = run_program({kBinary, "seed-demo"}, env);
  EXPECT_EQ(too_early.exit_code, 1);
  EXPECT_TRUE(contains(too_early.err, "run `mobility migrate` first")) << too_early.err;

  auto first = run_program({kBinary, "migrate"}, env);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(contains(first.out, "applied 0001_"));
  auto second = run_program({kBinary, "migrate"}, env);
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_TRUE(contains(second.out, "0 applied now"));
  auto status = run_program({kBinary, "migrate", "--status"}, env);
  EXPECT_TRUE(contains(status.out, "applied 20")) << status.out;

  auto seeded = run_program({kBinary, "seed-demo"}, env);
  auto reseeded = run_program({kBinary, "seed-demo"}, env);
  EXPECT_EQ(seeded.exit_code, 0) << seeded.err;
  EXPECT_EQ(reseeded.exit_code, 0);
  EXPECT_TRUE(contains(seeded.out, "1 hosted HEI(s)"));
  EXPECT_TRUE(contains(seeded.out, "9 agreements, 15 mobilities")) << seeded.out;
  EXPECT_EQ(seeded.out, reseeded.out);
}

TEST(Cli, UsersAreManagedFromTheCommandLineAndAudited) {
  std::string url = testing::create_migrated_database();
  testing::Environment env = {{"MOBILITY_DATABASE_URL", url}, {"MOBILITY_PUBLIC_URL", "https://ewp.example.org"}};
  ASSERT_EQ(run_program({kBinary, "seed-demo"}, env).exit_code, 0);
  auto users = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {kBinary, "users"});
    return run_program(args, env);
  };
  auto added = run_program({"/bin/sh", "-c",
                            "printf '%s\\n' 'et langt passord' | \"$0\" users add new@fjordland.example "
                            "--name 'Nina Ny' --language en --password-stdin",
                            kBinary},
                           env);
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_TRUE(contains(added.out, "added account")) << added.out;
  auto short_password = run_program({"/bin/sh", "-c",
                                     "echo short | \"$0\" users add b@fjordland.example --name B "
                                     "--password-stdin",
                                     kBinary},
                                    env);
  EXPECT_EQ(short_password.exit_code, 2);
  EXPECT_TRUE(contains(short_password.err, "at least 10 characters"));
  EXPECT_EQ(users({"add", "NEW@fjordland.example", "--name", "Again"}).exit_code, 1) << "emails are unique";

  EXPECT_EQ(
      users({"set-role", "new@fjordland.example", "coordinator", "--hei", "fjordland.example", "--ounit", "ou-mn"}).exit_code, 0);
  auto bad_scope = users({"set-role", "new@fjordland.example", "student", "--hei", "fjordland.example"});
  EXPECT_EQ(bad_scope.exit_code, 1);
  EXPECT_TRUE(contains(bad_scope.err, "cannot give student@fjordland.example")) << bad_scope.err;
  EXPECT_EQ(users({"set-role", "new@fjordland.example", "wizard"}).exit_code, 2);
  EXPECT_EQ(users({"disable", "new@fjordland.example"}).exit_code, 0);
  auto listed = users({"list"});
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_TRUE(contains(listed.out, "coordinator@fjordland.example/ou-mn  [disabled]")) << listed.out;
  EXPECT_TRUE(contains(listed.out, "terje.lund@fjordland.example")) << listed.out;
  auto link = users({"reset-link", "new@fjordland.example"});
  EXPECT_EQ(link.exit_code, 0);
  EXPECT_TRUE(std::regex_search(link.out, std::regex("^https://ewp\\.example\\.org/reset-password\\?token=[A-Za-z0-9_-]{43}\n$")))
      << link.out;
  EXPECT_EQ(users({"disable", "nobody@fjordland.example"}).exit_code, 1);

  auto connection = db::Connection::open(url);
  ASSERT_TRUE(connection);
  // seed-demo's agreements record their own iia_* events.
  auto actions =
      (*connection)->exec("SELECT string_agg(action, ' ' ORDER BY audit_id) FROM audit_event WHERE action NOT LIKE 'iia%'");
  ASSERT_TRUE(actions);
  EXPECT_EQ(actions->front().get<std::string>(0), "account_created role_added account_disabled password_reset_link_issued");
}

TEST(Cli, AnOperatorConfiguresAnOpenIdProviderAndLinksStaffWithoutPrintingTheSecret) {
  std::string url = testing::create_demo_database();
  testing::Environment env = {{"MOBILITY_DATABASE_URL", url}};
  auto oidc = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {kBinary, "oidc"});
    return run_program(args, env);
  };
  std::filesystem::path secret = std::filesystem::path(::testing::TempDir()) / "cli-oidc-secret";
  std::ofstream(secret) << "the-client-secret-never-printed\n";
  std::vector<std::string> add = {"add",
                                  "feide",
                                  "--hei",
                                  "fjordland.example",
                                  "--name",
                                  "Feide",
                                  "--issuer",
                                  "https://auth.dataporten.no",
                                  "--client-id",
                                  "client-1",
                                  "--secret-file",
                                  secret.string(),
                                  "--subject-claim",
                                  "eduPersonPrincipalName"};
  EXPECT_TRUE(contains(oidc({"list"}).out, "no OpenID provider"));
  auto unreadable = add;
  unreadable[11] = "/nonexistent/secret";
  auto refused = oidc(unreadable);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_TRUE(contains(refused.err, "cannot read the secret file /nonexistent/secret")) << refused.err;
  auto half_students = add;
  half_students.push_back("--role-claim");
  half_students.push_back("eduPersonAffiliation");
  EXPECT_TRUE(contains(oidc(half_students).err, "--role-claim and --student-values go together"));
  auto added = oidc(add);
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_TRUE(contains(added.out, "added feide; register the redirect URI <public_url>/login/oidc/callback")) << added.out;
  auto wrong_hei = add;
  wrong_hei[3] = "nowhere.example";
  EXPECT_EQ(oidc(wrong_hei).exit_code, 1);
  auto linked = oidc({"link", "feide", "per@fjordland.example", "per.saether@fjordland.example"});
  EXPECT_EQ(linked.exit_code, 0) << linked.err;
  EXPECT_EQ(oidc({"link", "feide", "per@fjordland.example", "ingrid.haugland@fjordland.example"}).exit_code, 1);
  EXPECT_TRUE(contains(oidc({"links"}).out, "per.saether@fjordland.example")) << oidc({"links"}).out;
  auto listed = oidc({"list"});
  EXPECT_TRUE(contains(listed.out, "https://auth.dataporten.no client client-1, subject claim eduPersonPrincipalName"))
      << listed.out;
  for (const auto& result : {added, linked, listed}) EXPECT_FALSE(contains(result.out + result.err, "never-printed"));
  EXPECT_EQ(oidc({"unlink", "feide", "per@fjordland.example"}).exit_code, 0);
  EXPECT_EQ(oidc({"remove", "feide"}).exit_code, 0);
  EXPECT_EQ(oidc({"remove", "feide"}).exit_code, 1);
  auto connection = db::Connection::open(url);
  ASSERT_TRUE(connection);
  auto audited = (*connection)->exec("SELECT count(*) FROM audit_event WHERE action LIKE 'oidc_%'");
  EXPECT_EQ(audited->front().get<int64_t>(0), 4);  // added, linked, unlinked, removed
  std::filesystem::remove(secret);
}

TEST(Cli, AnOperatorHostsAnInstitutionAndCanCorrectIt) {
  std::string url = testing::create_migrated_database();
  testing::Environment env = {{"MOBILITY_DATABASE_URL", url}};
  auto hei = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {kBinary, "hei"});
    return run_program(args, env);
  };
  EXPECT_TRUE(contains(hei({"list"}).out, "no hosted HEI"));
  for (const auto& [args, complaint] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"host", "Uni-B.example", "--name", "B", "--admin-email", "ewp@uni-b.example"}, "not an HEI id"},
           {{"host", "uni-b.example", "--name", "B", "--admin-email", "nobody"}, "not an email address"},
           {{"host", "uni-b.example", "--name", "B", "--admin-email", "ewp@uni-b.example", "--country", "de"},
            "not a country code"},
           {{"host", "uni-b.example", "--name", "", "--admin-email", "ewp@uni-b.example"}, "must not be empty"},
           {{"host", "uni-b.example", "--admin-email", "ewp@uni-b.example"}, "Usage: mobility hei"}}) {
    auto refused = hei(args);
    EXPECT_EQ(refused.exit_code, 2) << args[1];
    EXPECT_TRUE(contains(refused.err, complaint)) << refused.err;
  }
  auto hosted = hei({"host", "uni-b.example", "--name", "University B", "--country", "DE", "--admin-email", "ewp@uni-b.example"});
  EXPECT_EQ(hosted.exit_code, 0) << hosted.err;
  EXPECT_TRUE(contains(hosted.out, "now hosting uni-b.example; a running `mobility serve` publishes it at once")) << hosted.out;
  auto corrected =
      hei({"host", "uni-b.example", "--name", "Universität B", "--name-language", "de", "--admin-email", "iro@uni-b.example"});
  EXPECT_EQ(corrected.exit_code, 0) << corrected.err;
  EXPECT_TRUE(contains(corrected.out, "updated uni-b.example"));
  auto listed = hei({"list"});
  EXPECT_TRUE(contains(listed.out, "iro@uni-b.example")) << listed.out;
  EXPECT_TRUE(contains(listed.out, "Universität B (de); University B (en)")) << listed.out;

  auto connection = db::Connection::open(url);
  ASSERT_TRUE(connection);
  auto stored = (*connection)
                    ->exec(
                        "SELECT h.country_code || ' ' || (SELECT string_agg(action, ' ' ORDER BY audit_id) FROM audit_event) "
                        "FROM hei h JOIN hosted_hei USING (hei_id)");
  ASSERT_TRUE(stored && stored->size() == 1);
  EXPECT_EQ(stored->front().get<std::string>(0), "DE hei_hosted hosted_hei_updated") << "the country is kept when not given";
}

// Every checked argument, 100,000 and 130,000 characters long (Linux takes at most 131,072 in one
// argument): refused with exit code 2 and a short message naming the argument, nothing stored.
TEST(Cli, LongArgumentsAreRefusedWithTheirOwnMessage) {
  std::string url = testing::create_migrated_database();
  testing::Environment env = {{"MOBILITY_DATABASE_URL", url}};
  auto stored = [&] {
    auto connection = db::Connection::open(url);
    auto rows = (*connection)
                    ->exec(
                        "SELECT (SELECT count(*) FROM hei) || ' ' || (SELECT count(*) FROM account) || ' ' || "
                        "(SELECT count(*) FROM audit_event)");
    return rows ? rows->front().get<std::string>(0) : "";
  };
  std::string before = stored();
  for (size_t length : {size_t{100'000}, size_t{130'000}}) {
    std::string very_long(length, 'a');
    using Case = std::pair<std::vector<std::string>, std::string>;
    for (const auto& [args, complaint] : std::vector<Case>{
             {{"hei", "host", very_long, "--name", "B", "--admin-email", "ewp@uni-b.example"}, "is not an HEI id"},
             {{"hei", "host", "uni-b.example", "--name", very_long, "--admin-email", "ewp@uni-b.example"}, "--name must be"},
             {{"hei", "host", "uni-b.example", "--name", "B", "--admin-email", very_long + "@x.example"},
              "is not an email address"},
             {{"hei", "host", "uni-b.example", "--name", "B", "--admin-email", "ewp@uni-b.example", "--name-language", very_long},
              "is not a language tag"},
             {{"hei", "host", "uni-b.example", "--name", "B", "--admin-email", "ewp@uni-b.example", "--country", very_long},
              "is not a country code"},
             {{"users", "add", very_long + "@fjordland.example", "--name", "N"}, "is not an email address"},
             {{"users", "add", "n@fjordland.example", "--name", very_long}, "--name must be"},
             {{"users", "add", "n@fjordland.example", "--name", "N", "--language", very_long}, "--language must be"},
             {{"seed-demo", "--partner", "uni-b.example," + very_long}, "is not an HEI id"}}) {
      std::vector<std::string> command = {kBinary};
      command.insert(command.end(), args.begin(), args.end());
      auto refused = run_program(command, env);
      EXPECT_EQ(refused.exit_code, 2) << args[0] << " " << args[1] << " " << complaint;
      EXPECT_TRUE(contains(refused.err, complaint)) << refused.err.substr(0, 300);
      EXPECT_LT(refused.err.size(), 400u) << "the message quotes an excerpt, not the whole argument";
    }
  }
  EXPECT_EQ(stored(), before) << "nothing stored";
}

// ops/mobility: the command as pasted from the docs, against the database ops/run uses; the
// exit code and the messages are the command's own.
TEST(Cli, OpsMobilityRunsTheCommandAgainstTheDatabaseOfOpsRun) {
  std::string wrapper = std::string(MOBILITY_SOURCE_DIR) + "/ops/mobility";
  std::string url = testing::create_migrated_database();
  testing::Environment env = {{"MOBILITY_DATABASE_URL", url}, {"MOBILITY_BUILD_DIR", MOBILITY_BUILD_DIR}};
  auto listed = run_program({wrapper, "hei", "list"}, env);
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_TRUE(contains(listed.out, "no hosted HEI")) << listed.out;
  auto hosted = run_program({wrapper, "hei", "host", "uni-b.example", "--name", "B", "--admin-email", "ewp@uni-b.example"}, env);
  EXPECT_EQ(hosted.exit_code, 0) << hosted.err;
  auto refused = run_program({wrapper, "hei", "host", "Not An Id", "--name", "B", "--admin-email", "ewp@uni-b.example"}, env);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_TRUE(contains(refused.err, "is not an HEI id")) << refused.err;

  std::string empty = "/tmp/mobility-no-cluster-" + std::to_string(getpid());
  std::filesystem::create_directories(empty);
  auto no_cluster =
      run_program({wrapper, "hei", "list"}, {{"MOBILITY_PG_DIR", empty}, {"MOBILITY_BUILD_DIR", MOBILITY_BUILD_DIR}});
  std::filesystem::remove_all(empty);
  EXPECT_EQ(no_cluster.exit_code, 1);
  EXPECT_TRUE(contains(no_cluster.err, "run ops/run once first")) << no_cluster.err;
}

TEST(Cli, AnOperatorStopsHostingAnInstitutionUnlessPartnersHoldItsData) {
  std::string url = testing::create_migrated_database();
  testing::Environment env = {{"MOBILITY_DATABASE_URL", url}};
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), kBinary);
    return run_program(args, env);
  };
  ASSERT_EQ(run({"seed-demo"}).exit_code, 0);
  ASSERT_EQ(run({"hei", "host", "uni-b.example", "--name", "B", "--admin-email", "ewp@uni-b.example"}).exit_code, 0);
  ASSERT_EQ(run({"users", "add", "b@uni-b.example", "--name", "Admin B"}).exit_code, 0);
  ASSERT_EQ(run({"users", "set-role", "b@uni-b.example", "io_admin", "--hei", "uni-b.example"}).exit_code, 0);
  auto connection = db::Connection::open(url);
  ASSERT_TRUE(connection);
  auto text = [&](const std::string& sql) {
    auto rows = (*connection)->exec(sql);
    return rows && !rows->empty() && !rows->front().is_null(0) ? rows->front().get<std::string>(0) : std::string("?");
  };
  std::string demo_before = text(
      "SELECT (SELECT count(*) FROM iia WHERE hei_id = 'fjordland.example') || '/' || "
      "(SELECT count(*) FROM account_role WHERE hei_id = 'fjordland.example')");

  auto refused = run({"hei", "unhost", "fjordland.example"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(contains(refused.err, "fjordland.example still has data that partners hold: ")) << refused.err;
  EXPECT_TRUE(contains(refused.err, "agreement(s) shared with partners")) << refused.err;
  EXPECT_TRUE(contains(refused.err, "outgoing mobility(ies) nominated to partners")) << refused.err;
  EXPECT_TRUE(contains(refused.err, "nothing was changed")) << refused.err;
  EXPECT_EQ(text("SELECT (SELECT count(*) FROM iia WHERE hei_id = 'fjordland.example') || '/' || "
                 "(SELECT count(*) FROM account_role WHERE hei_id = 'fjordland.example')"),
            demo_before);

  ASSERT_TRUE((*connection)
                  ->exec("INSERT INTO application_round (hei_id, academic_year_id, title, opens_at, closes_at) "
                         "VALUES ('uni-b.example', '2027/2028', 'Exchange 2027/2028', now(), now() + interval '30 days')"))
      << "a round of its own, which no partner holds";
  auto stopped = run({"hei", "unhost", "uni-b.example"});
  EXPECT_EQ(stopped.exit_code, 0) << stopped.err;
  EXPECT_TRUE(contains(stopped.out, "no longer hosting uni-b.example")) << stopped.out;
  EXPECT_FALSE(contains(run({"hei", "list"}).out, "uni-b.example"));
  EXPECT_EQ(text("SELECT count(*)::text FROM account_role WHERE hei_id = 'uni-b.example'"), "0");
  EXPECT_EQ(text("SELECT count(*)::text FROM application_round WHERE hei_id = 'uni-b.example'"), "0");
  EXPECT_EQ(text("SELECT count(*)::text FROM hei WHERE hei_id = 'uni-b.example'"), "1") << "still a known institution";
  EXPECT_EQ(text("SELECT count(*)::text FROM audit_event WHERE action = 'hei_unhosted' AND hei_id = 'uni-b.example'"), "1");

  auto unknown = run({"hei", "unhost", "uni-b.example"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(contains(unknown.err, "uni-b.example is not hosted by this node")) << unknown.err;
}

TEST(Cli, MigrateReportsAnUnreachableDatabase) {
  auto result = run_program({kBinary, "migrate"},
                            {{"MOBILITY_DATABASE_URL", "host=/nonexistent-socket-dir port=1 user=postgres dbname=x"}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "cannot connect to PostgreSQL")) << result.err;
}

TEST(Cli, ServeRefusesAnUnmigratedDatabase) {
  auto result = run_program({kBinary, "serve"}, {{"MOBILITY_DATABASE_URL", testing::create_empty_database()},
                                                 {"MOBILITY_LISTEN_PORT", "0"},
                                                 {"MOBILITY_REGISTRY_URL", "file:///nonexistent/mobility-test-catalogue.xml"}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "is pending; run `mobility migrate`")) << result.err;
}

void check_serve_stops_cleanly_on(int signal) {
  // A local registry always: a test never asks the production one (a user's CI may have a network).
  ChildProcess serve({kBinary, "serve"}, {{"MOBILITY_DATABASE_URL", testing::create_migrated_database()},
                                          {"MOBILITY_LISTEN_PORT", "0"},
                                          {"MOBILITY_REGISTRY_URL", "file:///nonexistent/mobility-test-catalogue.xml"}});
  ASSERT_TRUE(serve.wait_for_output("info serving", seconds(20))) << serve.err();
  std::smatch port;
  std::string log = serve.err();
  ASSERT_TRUE(std::regex_search(log, port, std::regex("listen=127\\.0\\.0\\.1:([0-9]+)"))) << log;

  testing::HttpClient client;
  auto health = client.get("http://127.0.0.1:" + port[1].str() + "/healthz");
  ASSERT_TRUE(health) << health.status().to_string();
  EXPECT_EQ(health->status, 200);

  serve.send_signal(signal);
  auto code = serve.wait(seconds(20));
  ASSERT_TRUE(code.has_value()) << "serve did not stop";
  EXPECT_EQ(*code, 0) << serve.err();
  EXPECT_TRUE(contains(serve.err(), signal == SIGINT ? "signal=SIGINT" : "signal=SIGTERM"));
  EXPECT_TRUE(contains(serve.err(), "info stopped"));
}

TEST(Cli, ServeAnswersHealthAndStopsOnSigterm) { check_serve_stops_cleanly_on(SIGTERM); }
TEST(Cli, ServeStopsOnSigint) { check_serve_stops_cleanly_on(SIGINT); }

TEST(Cli, KeysGenerateWritesAPrivateFileAndNeverPrintsIt) {
  std::string dir = "/tmp/mobility-cli-keys-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  testing::Environment env = {{"MOBILITY_KEY_DIR", dir}};
  auto generated = run_program({kBinary, "keys", "generate", "--name", "main", "--bits", "2048"}, env);
  EXPECT_EQ(generated.exit_code, 0) << generated.err;
  EXPECT_FALSE(contains(generated.out + generated.err, "PRIVATE KEY"));
  struct stat info {};
  ASSERT_EQ(stat((dir + "/main.key.pem").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);

  auto listed = run_program({kBinary, "keys", "list"}, env);
  EXPECT_EQ(listed.exit_code, 0);
  std::smatch key_id;
  ASSERT_TRUE(std::regex_search(generated.out, key_id, std::regex("key id: +([0-9a-f]{64})"))) << generated.out;
  EXPECT_TRUE(contains(listed.out, key_id[1].str()));

  auto again = run_program({kBinary, "keys", "generate", "--name", "main"}, env);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_TRUE(contains(again.err, "already exists"));
  std::filesystem::remove_all(dir);
}

TEST(Cli, KeysRotateWithOverlapThenRetire) {
  std::string dir = "/tmp/mobility-cli-rotate-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  testing::Environment delayed = {{"MOBILITY_KEY_DIR", dir}, {"MOBILITY_KEY_SWITCH_DELAY_MINUTES", "240"}};
  ASSERT_EQ(run_program({kBinary, "keys", "generate", "--name", "first", "--bits", "2048"}, delayed).exit_code, 0);
  auto rotated = run_program({kBinary, "keys", "rotate", "--bits", "2048"}, delayed);
  ASSERT_EQ(rotated.exit_code, 0) << rotated.err;
  EXPECT_TRUE(contains(rotated.out, "published now beside the current key; signs from"));
  auto listed = run_program({kBinary, "keys", "list"}, delayed);
  EXPECT_TRUE(std::regex_search(listed.out, std::regex("first +[0-9a-f]{64} +2048 bits  signs"))) << listed.out;
  EXPECT_TRUE(std::regex_search(listed.out, std::regex("rsa-[0-9-]+ +[0-9a-f]{64} +2048 bits  published"))) << listed.out;
  auto too_early = run_program({kBinary, "keys", "retire"}, delayed);
  EXPECT_TRUE(contains(too_early.out, "nothing to retire")) << too_early.out;

  testing::Environment switched = {{"MOBILITY_KEY_DIR", dir}, {"MOBILITY_KEY_SWITCH_DELAY_MINUTES", "0"}};
  auto retired = run_program({kBinary, "keys", "retire"}, switched);
  EXPECT_EQ(retired.exit_code, 0) << retired.err;
  EXPECT_TRUE(contains(retired.out, "retired first"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/retired/first.key.pem"));
  auto last = run_program({kBinary, "keys", "list"}, switched);
  EXPECT_FALSE(contains(last.out, "first"));
  auto only = run_program({kBinary, "keys", "retire", "--name", "whatever"}, switched);
  EXPECT_EQ(only.exit_code, 1);
  EXPECT_TRUE(contains(only.err, "only key pair"));
  std::filesystem::remove_all(dir);
}

TEST(Cli, RegistryBuildMakesACatalogueFromManifestFiles) {
  std::string dir = "/tmp/mobility-cli-registry-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string manifest = std::string(MOBILITY_SHARED_DIR) + "/ewp-specs/api-discovery/stable-v6/manifest-example.xml";
  auto built = run_program({kBinary, "registry", "build", "--manifest", "file://" + manifest, "--out", dir + "/catalogue.xml"});
  EXPECT_EQ(built.exit_code, 0) << built.err;
  EXPECT_TRUE(contains(built.out, "from 1 manifest(s)"));
  std::ifstream file(dir + "/catalogue.xml");
  std::string catalogue((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  // The spec example key's id, as the registry's own catalogue example publishes it (ewp-core.md TV-3).
  EXPECT_TRUE(contains(catalogue, "sha-256=\"5531f9a02c44a894d0b706961259fec740ad4ae8a3555871f1a5cd9801285bd4\""));
  auto missing = run_program({kBinary, "registry", "build", "--manifest", "file:///nonexistent.xml", "--out", dir + "/x.xml"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(contains(missing.err, "nonexistent.xml"));
  EXPECT_EQ(run_program({kBinary, "registry", "build"}).exit_code, 2);

  // `mobility echo` looks partners up in that catalogue: an HEI it does not list is a clear error.
  // It makes that one call and nothing else: the demo's waiting notifications are serve's to send.
  std::string database = testing::create_demo_database(/*demo_agreements=*/true);
  std::map<std::string, std::string> environment = {{"MOBILITY_REGISTRY_URL", "file://" + dir + "/catalogue.xml"},
                                                    {"MOBILITY_DATABASE_URL", database},
                                                    {"MOBILITY_KEY_DIR", dir + "/keys"}};
  auto outbox = [&] {
    auto connection = db::Connection::open(database);
    auto rows = connection
                    ? (*connection)->exec("SELECT count(*) || ' ' || sum(attempts) FROM cnr_outbox WHERE state = 'pending'")
                    : connection.status();
    return rows && !rows->empty() && !rows->front().is_null(0) ? rows->front().get<std::string>(0) : std::string("none");
  };
  std::string waiting = outbox();
  ASSERT_NE(waiting, "none") << "the demo leaves notifications waiting";
  auto unknown = run_program({kBinary, "echo", "nowhere.example", "hello"}, environment);
  EXPECT_EQ(unknown.exit_code, 1) << unknown.err;
  EXPECT_TRUE(contains(unknown.err, "mobility echo: ") && contains(unknown.err, "nowhere.example")) << unknown.err;
  EXPECT_EQ(outbox(), waiting) << "echo worked the outbox: " << unknown.err;
  EXPECT_EQ(run_program({kBinary, "echo"}).exit_code, 2);
  std::filesystem::remove_all(dir);
}

// ops/run supervises the server: killed, it is started again (PostgreSQL and the rest stay up);
// SIGTERM still stops everything cleanly.
TEST(Cli, OpsRunStartsAServerThatDiedAgainAndStopsCleanly) {
  uint16_t port = testing::free_port();
  std::string keys = "/tmp/mobility-ops-run-keys-" + std::to_string(getpid());
  std::filesystem::remove_all(keys);
  ChildProcess run({std::string(MOBILITY_SOURCE_DIR) + "/ops/run"},
                   {{"MOBILITY_DATABASE_URL", testing::create_empty_database()},
                    {"MOBILITY_BUILD_DIR", MOBILITY_BUILD_DIR},
                    {"MOBILITY_LISTEN_PORT", std::to_string(port)},
                    {"MOBILITY_PUBLIC_URL", "http://127.0.0.1:" + std::to_string(port)},
                    {"MOBILITY_KEY_DIR", keys},
                    {"MOBILITY_RUN_LOCK", keys + ".lock"},  // beside a developer's own ops/run
                    {"MOBILITY_DEMO", "off"},
                    {"MOBILITY_REGISTRY_URL", "file:///nonexistent/mobility-test-catalogue.xml"}});
  ASSERT_TRUE(run.wait_for_output("info serving", seconds(180))) << run.err();
  std::smatch pid;
  std::string log = run.err();
  ASSERT_TRUE(std::regex_search(log, pid, std::regex("mobility serve started \\(pid ([0-9]+)\\)"))) << log;
  ASSERT_EQ(::kill(std::stoi(pid[1].str()), SIGKILL), 0);

  ASSERT_TRUE(run.wait_for_output("starting it again in 1 s", seconds(20))) << run.err();
  testing::HttpClient client;
  bool healthy = false;
  for (int attempt = 0; attempt < 100 && !healthy; ++attempt) {
    auto health = client.get("http://127.0.0.1:" + std::to_string(port) + "/healthz");
    healthy = health && health->status == 200;
    if (!healthy) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_TRUE(healthy) << run.err();

  run.send_signal(SIGTERM);
  auto code = run.wait(seconds(30));
  ASSERT_TRUE(code.has_value()) << run.err();
  EXPECT_EQ(*code, 0) << run.err();
  EXPECT_TRUE(contains(run.err(), "server stopped")) << run.err();
  std::filesystem::remove_all(keys);
  std::filesystem::remove(keys + ".lock");
}

}  // namespace
}  // namespace mobility
