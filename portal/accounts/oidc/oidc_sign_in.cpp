#include "portal/accounts/oidc/oidc_sign_in.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/log.hpp"
#include "base/sha256.hpp"
#include "base/text.hpp"
#include "db/audit_events.hpp"
#include "db/oidc_logins.hpp"
#include "db/oidc_providers.hpp"
#include "db/transaction.hpp"
#include "http/form.hpp"
#include "portal/accounts/oidc/account_linking.hpp"
#include "portal/accounts/oidc/id_token.hpp"

namespace mobility::portal::oidc {
namespace {

using nlohmann::json;

std::string with_query(const std::string& endpoint, const std::vector<std::pair<std::string, std::string>>& parameters) {
  std::string url = endpoint;
  char separator = endpoint.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [name, value] : parameters) {
    url += separator + http::percent_encode(name) + "=" + http::percent_encode(value);
    separator = '&';
  }
  return url;
}

// The secret in the provider's file, without a trailing line break; nullopt when unreadable.
std::optional<std::string> client_secret(const db::OidcProviderRecord& provider) {
  std::ifstream file(provider.client_secret_file);
  if (!file) return std::nullopt;
  std::stringstream contents;
  contents << file.rdbuf();
  std::string secret = contents.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty()) return std::nullopt;
  return secret;
}

void log_refusal(const std::string& provider_id, const std::string& why) {
  log::warn("oidc_sign_in_refused", {{"provider", provider_id}, {"why", excerpt(why)}});
}

// What the token endpoint answered: the ID token and the access token.
struct Tokens {
  std::string id_token;
  std::string access_token;
};

}  // namespace

std::string message_key(Refusal refusal) {
  switch (refusal) {
    case Refusal::kNone: return "";
    case Refusal::kUnknownProvider: return "oidc_unknown_provider";
    case Refusal::kProviderDown: return "oidc_provider_down";
    case Refusal::kBadState: return "oidc_bad_state";
    case Refusal::kCancelled: return "oidc_cancelled";
    case Refusal::kTokenRefused: return "oidc_token_refused";
    case Refusal::kNotLinked: return "oidc_not_linked";
    case Refusal::kMissingClaims: return "oidc_missing_claims";
    case Refusal::kEmailTaken: return "oidc_email_taken";
    case Refusal::kDisabled: return "oidc_disabled";
  }
  return "";
}

int http_status(Refusal refusal) {
  switch (refusal) {
    case Refusal::kNone: return 200;
    case Refusal::kUnknownProvider: return 404;
    case Refusal::kProviderDown: return 503;
    case Refusal::kBadState:
    case Refusal::kCancelled: return 400;
    default: return 403;
  }
}

OidcSignIn::OidcSignIn(Internet& internet, const Sessions& sessions, OidcSettings settings)
    : internet_(internet),
      sessions_(sessions),
      settings_(std::move(settings)),
      attempts_(settings_.attempt_lifetime),
      discovery_(internet),
      jwks_(internet) {
  while (settings_.public_url.ends_with("/")) settings_.public_url.pop_back();
}

Result<std::variant<Begun, Refusal>> OidcSignIn::begin(db::Connection& connection, const std::string& provider_id,
                                                       const std::optional<std::string>& browser_token) {
  auto provider = db::find_oidc_provider(connection, provider_id);
  if (!provider) return provider.status();
  if (!*provider) return std::variant<Begun, Refusal>(Refusal::kUnknownProvider);
  auto metadata = discovery_.metadata((*provider)->issuer);
  if (!metadata) {
    log_refusal(provider_id, metadata.status().message());
    return std::variant<Begun, Refusal>(Refusal::kProviderDown);
  }
  auto started = attempts_.start(connection, provider_id, browser_token);
  if (!started) return started.status();
  std::string location = with_query(metadata->authorization_endpoint, {{"response_type", "code"},
                                                                       {"client_id", (*provider)->client_id},
                                                                       {"redirect_uri", redirect_uri()},
                                                                       {"scope", (*provider)->scopes},
                                                                       {"state", started->state},
                                                                       {"nonce", started->nonce},
                                                                       {"code_challenge", started->code_challenge},
                                                                       {"code_challenge_method", "S256"}});
  return std::variant<Begun, Refusal>(Begun{location, started->browser_token});
}

namespace {

// The code exchanged at the token endpoint; a Refusal when that fails.
std::variant<Tokens, Refusal> exchange_code(Internet& internet, const db::OidcProviderRecord& provider,
                                            const ProviderMetadata& metadata, const std::string& code,
                                            const std::string& verifier, const std::string& redirect_uri) {
  auto secret = client_secret(provider);
  if (!secret) {
    log::error("oidc_client_secret_unreadable", {{"provider", provider.provider_id}, {"file", provider.client_secret_file}});
    return Refusal::kProviderDown;
  }
  auto reply = internet.post_form(
      metadata.token_endpoint,
      {{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", redirect_uri}, {"code_verifier", verifier}},
      BasicAuth{provider.client_id, *secret});
  if (!reply) {
    log_refusal(provider.provider_id, reply.status().message());
    return Refusal::kProviderDown;
  }
  json answer = json::parse(reply->body, nullptr, false);
  if (reply->status != 200) {
    std::string error = answer.is_object() && answer.contains("error") && answer["error"].is_string()
                            ? answer["error"].get<std::string>()
                            : "status " + std::to_string(reply->status);
    log_refusal(provider.provider_id, "the token endpoint refused the code: " + error);
    return reply->status >= 500 ? Refusal::kProviderDown : Refusal::kTokenRefused;
  }
  if (!answer.is_object() || !answer.contains("id_token") || !answer["id_token"].is_string()) {
    log_refusal(provider.provider_id, "the token endpoint sent no id_token");
    return Refusal::kTokenRefused;
  }
  std::string access_token =
      answer.contains("access_token") && answer["access_token"].is_string() ? answer["access_token"].get<std::string>() : "";
  return Tokens{answer["id_token"].get<std::string>(), access_token};
}

// The userinfo claims added to `claims` (Core §5.3.2: only when its sub is the ID token's).
std::optional<Refusal> add_userinfo(Internet& internet, const db::OidcProviderRecord& provider, const ProviderMetadata& metadata,
                                    const std::string& access_token, json& claims) {
  if (!metadata.userinfo_endpoint || access_token.empty()) {
    log_refusal(provider.provider_id, "userinfo is configured but the provider has no endpoint or sent no access token");
    return Refusal::kTokenRefused;
  }
  auto reply = internet.get(*metadata.userinfo_endpoint, access_token);
  if (!reply) {
    log_refusal(provider.provider_id, reply.status().message());
    return Refusal::kProviderDown;
  }
  json userinfo = json::parse(reply->body, nullptr, false);
  if (reply->status != 200 || !userinfo.is_object() || !userinfo.contains("sub") || userinfo["sub"] != claims["sub"]) {
    log_refusal(provider.provider_id, "userinfo answered " + std::to_string(reply->status) + " or for another sub");
    return Refusal::kTokenRefused;
  }
  for (const auto& [name, value] : userinfo.items()) {
    if (!claims.contains(name)) claims[name] = value;  // the signed token's claims win
  }
  return std::nullopt;
}

Refusal refusal_of(LinkOutcome outcome) {
  switch (outcome) {
    case LinkOutcome::kMissingClaims: return Refusal::kMissingClaims;
    case LinkOutcome::kEmailTaken: return Refusal::kEmailTaken;
    case LinkOutcome::kNoSubject: return Refusal::kMissingClaims;
    case LinkOutcome::kNotLinked: return Refusal::kNotLinked;
    default: return Refusal::kNone;
  }
}

const char* outcome_name(LinkOutcome outcome) {
  switch (outcome) {
    case LinkOutcome::kLinked: return "linked account";
    case LinkOutcome::kNominationLinked: return "new account linked to a nomination";
    case LinkOutcome::kStudentCreated: return "new student";
    default: return "refused";
  }
}

}  // namespace

Result<Finished> OidcSignIn::finish(db::Connection& connection, const CallbackParameters& callback) {
  auto attempt = attempts_.take(connection, callback.state, callback.browser_token);
  if (!attempt) return attempt.status();
  if (!*attempt) return Finished{Refusal::kBadState, std::nullopt, std::nullopt};
  const db::LoginAttempt& pending = **attempt;
  if (!callback.error.empty() || callback.code.empty()) {
    log_refusal(pending.provider_id, "the provider sent error " + callback.error);
    return Finished{Refusal::kCancelled, std::nullopt, std::nullopt};
  }
  auto provider = db::find_oidc_provider(connection, pending.provider_id);
  if (!provider) return provider.status();
  if (!*provider) return Finished{Refusal::kUnknownProvider, std::nullopt, std::nullopt};
  auto metadata = discovery_.metadata((*provider)->issuer);
  if (!metadata) {
    log_refusal(pending.provider_id, metadata.status().message());
    return Finished{Refusal::kProviderDown, std::nullopt, std::nullopt};
  }
  auto tokens = exchange_code(internet_, **provider, *metadata, callback.code, pending.code_verifier, redirect_uri());
  if (auto* refused = std::get_if<Refusal>(&tokens)) return Finished{*refused, std::nullopt, std::nullopt};
  const Tokens& received = std::get<Tokens>(tokens);
  TokenExpectations expected{metadata->issuer, (*provider)->client_id, pending.nonce, std::chrono::system_clock::now(),
                             settings_.skew};
  auto claims = verify_id_token(
      received.id_token, [&](const std::string& kid, const std::string& kty) { return jwks_.key(metadata->jwks_uri, kid, kty); },
      expected);
  if (!claims) {
    log_refusal(pending.provider_id, claims.status().message());
    return Finished{claims.status().code() == Status::Code::kUnavailable ? Refusal::kProviderDown : Refusal::kTokenRefused,
                    std::nullopt, std::nullopt};
  }
  if ((*provider)->use_userinfo) {
    if (auto refused = add_userinfo(internet_, **provider, *metadata, received.access_token, *claims))
      return Finished{*refused, std::nullopt, std::nullopt};
  }
  return sign_in(connection, **provider, *claims, received.id_token, callback.address);
}

Result<Finished> OidcSignIn::sign_in(db::Connection& connection, const db::OidcProviderRecord& provider, const json& claims,
                                     const std::string& id_token, const std::string& address) const {
  auto transaction = db::Transaction::begin(connection);
  if (!transaction) return transaction.status();
  auto linked = account_for(connection, provider, claims);
  if (!linked) return linked.status();
  if (Refusal refusal = refusal_of(linked->outcome); refusal != Refusal::kNone) {
    log_refusal(provider.provider_id, std::string("no account: ") + message_key(refusal));
    return Finished{refusal, std::nullopt, std::nullopt};  // the transaction rolls back whatever was written
  }
  auto account = db::find_account(connection, *linked->account_id);
  if (!account) return account.status();
  if (!*account || (*account)->disabled) return Finished{Refusal::kDisabled, std::nullopt, std::nullopt};
  auto session = sessions_.start(connection, (*account)->account_id);
  if (!session) return session.status();
  if (Status stored = db::insert_oidc_session(connection, sha256(session->id), provider.provider_id, id_token); !stored) {
    return stored;
  }
  const db::AccountRecord& record = **account;
  std::optional<std::string> role, hei_id;
  if (!record.roles.empty()) std::tie(role, hei_id) = std::pair(record.roles.front().role, record.roles.front().hei_id);
  Status audited = db::record_audit_event(
      connection, {record.account_id, record.email, role, hei_id ? hei_id : provider.hei_id, "login_oidc",
                   "account:" + std::to_string(record.account_id),
                   "at " + provider.provider_id + " (" + outcome_name(linked->outcome) + ") from " + address, ""});
  if (!audited) return audited;
  if (Status committed = transaction->commit(); !committed) return committed;
  log::info("oidc_signed_in", {{"provider", provider.provider_id},
                               {"account", std::to_string(record.account_id)},
                               {"how", outcome_name(linked->outcome)}});
  return Finished{Refusal::kNone, std::move(*session), record};
}

Result<std::optional<std::string>> OidcSignIn::logout_location(db::Connection& connection, const ActiveSession& session) {
  auto stored = db::find_oidc_session(connection, sha256(session.id));
  if (!stored) return stored.status();
  if (!*stored) return std::optional<std::string>();
  auto provider = db::find_oidc_provider(connection, (*stored)->provider_id);
  if (!provider) return provider.status();
  if (!*provider) return std::optional<std::string>();
  auto metadata = discovery_.metadata((*provider)->issuer);
  if (!metadata || !metadata->end_session_endpoint) return std::optional<std::string>();
  return std::optional<std::string>(
      with_query(*metadata->end_session_endpoint, {{"id_token_hint", (*stored)->id_token},
                                                   {"post_logout_redirect_uri", settings_.public_url + "/"},
                                                   {"client_id", (*provider)->client_id}}));
}

}  // namespace mobility::portal::oidc
