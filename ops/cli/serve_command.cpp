#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <memory>

#include "agreements/iia_book.hpp"
#include "base/log.hpp"
#include "db/migrations.hpp"
#include "db/pool.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ewp-node/ewp_node.hpp"
#include "http/server.hpp"
#include "ops/cli/arguments.hpp"
#include "ops/cli/command.hpp"
#include "ops/cli/health.hpp"
#include "ops/cli/metrics_route.hpp"
#include "portal/accounts/oidc/curl_internet.hpp"
#include "portal/agreements/agreement_pages.hpp"
#include "portal/home_page.hpp"
#include "portal/mail/mail_worker.hpp"
#include "portal/mobilities/mobility_pages.hpp"
#include "portal/pages/accessibility_page.hpp"
#include "portal/pages/account_pages.hpp"
#include "portal/pages/destination_pages.hpp"
#include "portal/pages/factsheet_pages.hpp"
#include "portal/pages/host_course_pages.hpp"
#include "portal/pages/information_pages.hpp"
#include "portal/pages/information_review_pages.hpp"
#include "portal/pages/oidc_pages.hpp"
#include "portal/pages/partner_health_page.hpp"
#include "portal/pages/password_reset_page.hpp"
#include "portal/pages/start_pages.hpp"
#include "portal/web/site.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp = R"(Usage: mobility serve [--print-config]

Serves the node over HTTP on listen_address:listen_port until SIGINT (Ctrl-C) or SIGTERM, then
lets requests in flight finish and exits 0. Refuses to start when the database schema is behind
(run `mobility migrate`); starts with a warning when the database cannot be reached, and
GET /healthz answers 503 until it can.

Options:
  --print-config   print the effective configuration (passwords masked) with where each value
                   came from, and exit
)";

// Stops the server when the database schema is older than the program; tolerates a database
// that is down, since /healthz reports that and the pool reconnects by itself.
Status check_schema(db::Pool& pool) {
  auto connection = pool.acquire();
  if (!connection) {
    log::warn("database_unreachable", {{"error", connection.status().message()}});
    return Status::ok();
  }
  auto migrations = db::builtin_migrations();
  if (!migrations) return migrations.status();
  auto states = db::migration_status(**connection, *migrations);
  if (!states) return states.status();
  for (const auto& state : *states) {
    if (!state.applied) return Status::conflict("migration " + state.migration.name + " is pending; run `mobility migrate`");
  }
  return Status::ok();
}

// Blocks SIGINT and SIGTERM in this thread and, by inheritance, in every thread started later,
// so that only sigwait() below receives them.
sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int run(const Context& context, const std::vector<std::string>& args) {
  auto arguments = parse_arguments(args, {}, {"--print-config"}, 0);
  if (!arguments) return fail("serve", arguments.status().message(), kExitUsage);
  if (arguments->has("--print-config")) {
    std::fputs(render_config(context.loaded).c_str(), stdout);
    return kExitOk;
  }
  const Config& config = context.config();
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not kill the process
  sigset_t stop_signals = block_stop_signals();

  db::Pool pool({config.database_url, config.db_pool_size, std::chrono::milliseconds(config.db_acquire_timeout_ms)});
  if (Status schema = check_schema(pool); !schema) return fail("serve", schema.to_string());

  auto router = std::make_shared<http::Router>();
  http::add_health_route(*router, pool);
  http::add_metrics_route(*router, pool, config.trusted_proxies);
  portal::Site site(pool, {});
  site.add_common_routes(*router);
  portal::add_home_route(*router, site);
  portal::add_accessibility_page(*router, site, config.admin_email);
  // Sign-in with the OpenID providers `mobility oidc` configured; with none, only the password.
  portal::oidc::CurlInternet internet({std::chrono::milliseconds(config.http_connect_timeout_ms),
                                       std::chrono::milliseconds(config.http_timeout_ms), config.ca_bundle});
  portal::oidc::OidcSignIn oidc(internet, site.sessions(), {config.public_url});
  portal::add_account_pages(*router, site, &oidc);
  portal::add_oidc_pages(*router, site, oidc);
  portal::add_start_pages(*router, site);
  portal::add_password_reset_page(*router, site, !config.smtp_url.empty());
  portal::add_partner_health_page(*router, site);
  agreements::IiaBook book(ewp::served_iia_hash);  // pages store the hash the node serves
  agreements::pages::add_agreement_pages(*router, site, book);
  portal::mobility_pages::add_mobility_pages(*router, site);
  portal::add_information_pages(*router, site);
  portal::add_host_course_pages(*router, site);
  portal::add_information_review_pages(*router, site);
  portal::add_destination_pages(*router, site);
  portal::add_factsheet_pages(*router, site);
  auto ewp_node = ewp::EwpNode::start(config, pool, *router);
  if (!ewp_node) return fail("serve", ewp_node.status().to_string());
  std::unique_ptr<portal::mail::SmtpSender> smtp;
  if (!config.smtp_url.empty()) {
    auto settings = portal::mail::smtp_settings(config);
    if (!settings) return fail("serve", settings.status().message());
    smtp = std::make_unique<portal::mail::SmtpSender>(std::move(*settings));
  }
  portal::mail::MailWorker mail_worker(pool, smtp.get(), site.names(), portal::mail::mail_worker_options(config));
  mail_worker.start();

  http::ServerOptions options{config.listen_address, config.listen_port, config.worker_threads, config.max_request_bytes};
  options.trusted_proxies = config.trusted_proxies;
  http::Server server(options, router);
  if (Status started = server.start(); !started) return fail("serve", started.message());
  log::info("serving", {{"listen", config.listen_address + ":" + std::to_string(server.port())},
                        {"public_url", config.public_url},
                        {"threads", std::to_string(config.worker_threads)},
                        {"mail", config.smtp_url.empty() ? "off (no smtp_url)" : mask_secrets(config.smtp_url)}});

  int received = 0;
  sigwait(&stop_signals, &received);
  log::info("stopping", {{"signal", received == SIGINT ? "SIGINT" : "SIGTERM"}});
  server.stop();
  mail_worker.stop();
  log::info("stopped");
  return kExitOk;
}

}  // namespace

const Command& serve_command() {
  static const Command command{"serve", "serve the node, portal and agreement tool over HTTP", kHelp, run};
  return command;
}

}  // namespace mobility::cli
