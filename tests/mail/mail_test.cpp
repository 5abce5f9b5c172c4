// Mail end to end against a real SMTP server on loopback (tests/mail/smtp_sink.py, Debian's
// python3-aiosmtpd, requiring STARTTLS and AUTH): the domain queues mails in the transactions of
// its changes (mobilities/journey_mail.hpp), the worker (portal/mail/mail_worker.hpp) composes
// them in the recipient's language and hands them over with libcurl. The server down for a while,
// a crash between its acceptance and our commit, no server at all, daily digests, reminders and
// the password-reset link by mail.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "base/base64.hpp"
#include "db/accounts.hpp"
#include "db/mail_outbox.hpp"
#include "mobilities/applications.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "mobilities/incoming_mobilities.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"
#include "portal/mail/mail_worker.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/mobility_samples.hpp"
#include "tests/support/portal_server.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::portal::mail {
namespace {

namespace fs = std::filesystem;
using testing::ChildProcess;
using testing::run_program;

constexpr const char* kPassword = "s3cret-for-the-sink";
const agreements::Editor kCoordinator{std::nullopt, "per.saether@fjordland.example", "coordinator"};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The decoded body of the MIME part of `type` ("text/plain") of a message as the sink stored it.
std::string part_of(const std::string& message, const std::string& type) {
  size_t start = message.find("Content-Type: " + type);
  if (start == std::string::npos) return "";
  start = message.find("\r\n\r\n", start) + 4;
  std::string encoded;
  for (size_t at = start; at < message.size() && message.compare(at, 2, "--") != 0;) {
    size_t end = message.find("\r\n", at);
    encoded += message.substr(at, end - at);
    at = end + 2;
  }
  auto decoded = base64_decode(encoded);
  return decoded ? *decoded : "";
}

// The Subject header, its RFC 2047 words decoded.
std::string subject_of(const std::string& message) {
  size_t start = message.find("\r\nSubject: ") + 11;
  std::string subject;
  for (size_t at = start;;) {
    size_t end = message.find("\r\n", at);
    std::string word = message.substr(at, end - at);
    if (word.starts_with("=?UTF-8?B?")) {
      auto decoded = base64_decode(word.substr(10, word.size() - 12));
      subject += decoded ? *decoded : "?";
    } else {
      subject += word;
    }
    if (message[end + 2] != ' ') break;
    at = end + 3;
  }
  return subject;
}

// How many mails one round of `worker` tried; -1 when the round failed.
int tried_by(MailWorker& worker) {
  auto tried = worker.run_once();
  EXPECT_TRUE(tried) << tried.status().to_string();
  return tried ? *tried : -1;
}

struct Delivery {
  std::string message;
  std::string meta;  // the sink's JSON: envelope, tls, authenticated, message_id
};

class MailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/mobility-mail-XXXXXX";
    directory_ = mkdtemp(pattern);
    auto made = run_program({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                             directory_ / "key.pem", "-out", directory_ / "cert.pem", "-days", "1", "-subj", "/CN=localhost",
                             "-addext", "subjectAltName=IP:127.0.0.1"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    std::ofstream(directory_ / "password") << kPassword << "\n";
    port_ = testing::free_port();
    sender_ = std::make_unique<SmtpSender>(SmtpSettings{"smtp://127.0.0.1:" + std::to_string(port_), true, "mailer", kPassword,
                                                        directory_ / "cert.pem", std::chrono::seconds(5)});
  }

  void TearDown() override {
    sink_.reset();
    fs::remove_all(directory_);
  }

  void start_sink() {
    sink_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/bin/python3", MOBILITY_SOURCE_DIR "/tests/mail/smtp_sink.py", "--port",
                                 std::to_string(port_), "--dir", directory_ / "sink", "--cert", directory_ / "cert.pem", "--key",
                                 directory_ / "key.pem", "--user", "mailer", "--password-file", directory_ / "password"},
        testing::Environment{});
    ASSERT_TRUE(sink_->wait_for_output("listening on", std::chrono::seconds(20))) << sink_->err();
  }

  void stop_sink() {
    sink_->send_signal(SIGTERM);
    sink_->wait(std::chrono::seconds(10));
    sink_.reset();
  }

  MailWorkerOptions options() const {
    MailWorkerOptions options;
    options.from_address = "mobility@fjordland.example";
    options.portal_url = "https://mobility.fjordland.example";
    options.digest_hour = 24;  // never, unless a test wants digests
    return options;
  }

  // Every delivery the sink took, in order.
  std::vector<Delivery> deliveries() const {
    std::vector<Delivery> found;
    for (int n = 1; fs::exists(directory_ / "sink" / "deliveries" / (std::to_string(n) + ".eml")); ++n) {
      fs::path base = directory_ / "sink" / "deliveries" / std::to_string(n);
      found.push_back({read_file(base.string() + ".eml"), read_file(base.string() + ".json")});
    }
    return found;
  }

  // The messages a mailbox keeps: one per Message-ID.
  size_t mailbox_size() const {
    fs::path mailbox = directory_ / "sink" / "mailbox";
    if (!fs::exists(mailbox)) return 0;
    return static_cast<size_t>(std::distance(fs::directory_iterator(mailbox), fs::directory_iterator()));
  }

  fs::path directory_;
  uint16_t port_ = 0;
  std::unique_ptr<SmtpSender> sender_;
  std::unique_ptr<ChildProcess> sink_;
};

// A database with the demo people and one of Åse's mobilities, nominated by coordinator Per.
class MailJourneyTest : public MailTest {
 protected:
  void SetUp() override {
    MailTest::SetUp();
    pool_ = std::make_unique<db::Pool>(db::PoolOptions{testing::create_demo_database(), 4});
    auto connection = pool_->acquire();
    ASSERT_TRUE(connection) << connection.status().to_string();
    connection_.emplace(std::move(*connection));
  }

  void TearDown() override {
    connection_.reset();
    MailTest::TearDown();
  }

  db::Connection& connection() { return **connection_; }

  int64_t account_id(const std::string& email) {
    auto account = db::find_account_by_email(connection(), email);
    EXPECT_TRUE(account && *account);
    return account && *account ? (*account)->account_id : 0;
  }

  std::string text(const std::string& sql) {
    auto rows = connection().exec(sql);
    EXPECT_TRUE(rows) << rows.status().to_string();
    return rows && !rows->empty() ? (*rows)[0].get<std::optional<std::string>>(0).value_or("NULL") : "";
  }

  void nominate_and_sign_as_student(const std::string& omobility_id) {
    ASSERT_TRUE(mobilities::OutgoingMobilities().nominate(connection(), testing::sample_mobility(omobility_id), kCoordinator,
                                                          "stud-aase"));
    mobilities::OutgoingLearningAgreements las;
    ASSERT_TRUE(las.save_draft(connection(), omobility_id, testing::sample_first_version(), kCoordinator));
    ASSERT_TRUE(las.sign_draft(connection(), omobility_id, mobilities::Signer::kStudent, testing::student_signature(),
                               {std::nullopt, "aase.bjornstad@student.fjordland.example", "student"}));
  }

  std::unique_ptr<db::Pool> pool_;
  std::optional<db::PooledConnection> connection_;
  NameCache names_;
};

TEST_F(MailJourneyTest, EachStepReachesItsRecipientInTheirLanguageWithTheLink) {
  start_sink();
  ASSERT_TRUE(db::set_account_language(connection(), account_id("per.saether@fjordland.example"), "en"));
  nominate_and_sign_as_student("mail-journey-1");
  MailWorker worker(*pool_, sender_.get(), names_, options());
  auto tried = worker.run_once();
  ASSERT_TRUE(tried) << tried.status().to_string();
  EXPECT_EQ(*tried, 2);

  auto sent = deliveries();
  ASSERT_EQ(sent.size(), 2u);
  // Åse (bokmål) hears of her nomination; coordinator Per (English) of the agreement to sign.
  // Ingrid, the IO admin, is not told: the unit has a coordinator.
  const Delivery& nominated = sent[0].meta.find("aase.bjornstad") != std::string::npos ? sent[0] : sent[1];
  const Delivery& to_sign = &nominated == &sent[0] ? sent[1] : sent[0];
  EXPECT_NE(nominated.meta.find(R"("rcpt_tos": ["aase.bjornstad@student.fjordland.example"])"), std::string::npos);
  EXPECT_TRUE(subject_of(nominated.message).starts_with("Du er nominert til ")) << subject_of(nominated.message);
  EXPECT_NE(
      part_of(nominated.message, "text/plain").find("https://mobility.fjordland.example/my-exchange/mobilities/mail-journey-1"),
      std::string::npos);

  EXPECT_NE(to_sign.meta.find(R"("rcpt_tos": ["per.saether@fjordland.example"])"), std::string::npos) << to_sign.meta;
  EXPECT_EQ(subject_of(to_sign.message), "Learning agreement of Ingrid Solberg to sign");
  std::string body = part_of(to_sign.message, "text/plain");
  EXPECT_NE(body.find("Ingrid Solberg has signed version 1 of the learning agreement"), std::string::npos) << body;
  EXPECT_NE(body.find("Open in Mobility: https://mobility.fjordland.example/mobilities/outgoing/mail-journey-1"),
            std::string::npos)
      << body;
  std::string html = part_of(to_sign.message, "text/html");
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://mobility.fjordland.example/mobilities/outgoing/mail-journey-1\""), std::string::npos);
  // Over STARTTLS, logged in, from the configured sender, with a Message-ID of the portal's host.
  EXPECT_NE(to_sign.meta.find(R"("mail_from": "mobility@fjordland.example")"), std::string::npos);
  EXPECT_NE(to_sign.meta.find(R"("tls": true, "authenticated": true)"), std::string::npos) << to_sign.meta;
  EXPECT_NE(to_sign.meta.find("@mobility.fjordland.example>"), std::string::npos);
  EXPECT_EQ(text("SELECT string_agg(state, ',') FROM mail_outbox"), "sent,sent");
}

TEST_F(MailJourneyTest, ANynorskAccountGetsItsMailInNynorsk) {
  start_sink();
  ASSERT_TRUE(db::set_account_language(connection(), account_id("aase.bjornstad@student.fjordland.example"), "nn"));
  nominate_and_sign_as_student("mail-nynorsk-1");
  MailWorker worker(*pool_, sender_.get(), names_, options());
  ASSERT_TRUE(worker.run_once());
  auto sent = deliveries();
  const Delivery* nominated = nullptr;
  for (const Delivery& delivery : sent) {
    if (delivery.meta.find("aase.bjornstad") != std::string::npos) nominated = &delivery;
  }
  ASSERT_NE(nominated, nullptr);
  std::string body = part_of(nominated->message, "text/plain");
  EXPECT_NE(body.find("skal no ta stilling til nominasjonen. Du får ei melding"), std::string::npos) << body;
  EXPECT_NE(body.find("Denne meldinga er send av Mobility"), std::string::npos) << body;
  EXPECT_NE(part_of(nominated->message, "text/html").find("<html lang=\"nn\">"), std::string::npos);
  EXPECT_EQ(text("SELECT string_agg(DISTINCT language, ',') FROM mail_outbox WHERE recipient LIKE 'aase%'"), "nn");
}

// Åse (bokmål) applies and is selected; Lena, a partner's student, is invited once we approve her
// nomination, in English, with a link that the outbox forgets once the mail is sent.
TEST_F(MailJourneyTest, ApplicationMailsAndTheInvitationArriveWithTheirLinks) {
  start_sink();
  ASSERT_TRUE(mobilities::seed_demo_mobilities(connection()));
  int64_t open_round =
      std::stoll(text("SELECT round_id::text FROM application_round WHERE title = 'Exchange studies 2027/2028'"));
  mobilities::Applications desk;
  mobilities::ApplicationForm form{{}, "Maskinlæring i Frankrike.", std::string("NO"), true};
  auto saved = desk.save(connection(), open_round, {"fjordland.example", "stud-aase"}, form, 0);
  EXPECT_EQ(saved.status().code(), Status::Code::kInvalidArgument) << "no destination chosen";
  form.choices = {"lumiere-nord.example"};
  saved = desk.save(connection(), open_round, {"fjordland.example", "stud-aase"}, form, 0);
  ASSERT_TRUE(saved) << saved.status().to_string();
  auto approve =
      mobilities::PartnerDecision{mobilities::PartnerDecision::Kind::kApproveNomination, "", std::nullopt, std::nullopt, ""};
  ASSERT_TRUE(mobilities::IncomingMobilities().decide(connection(), "fjordland.example", "tu-rheinfeld.example",
                                                      "rheinfeld-demo-incoming-nominated", approve, kCoordinator));
  MailWorker worker(*pool_, sender_.get(), names_, options());
  ASSERT_TRUE(worker.run_once());

  std::string received, invitation;
  for (const Delivery& delivery : deliveries()) {
    if (delivery.meta.find("aase.bjornstad") != std::string::npos && subject_of(delivery.message).starts_with("Søknaden")) {
      received = delivery.message;
    }
    if (delivery.meta.find("s-lena@student.tu-rheinfeld.example") != std::string::npos) invitation = delivery.message;
  }
  EXPECT_EQ(subject_of(received), "Søknaden din i Exchange studies 2027/2028 er levert");
  EXPECT_NE(part_of(received, "text/plain")
                .find("https://mobility.fjordland.example/my-exchange/applications/" + std::to_string(open_round)),
            std::string::npos);
  EXPECT_TRUE(subject_of(invitation).starts_with("Welcome to ")) << subject_of(invitation);
  std::string body = part_of(invitation, "text/plain");
  EXPECT_NE(body.find("has accepted your nomination from"), std::string::npos) << body;
  EXPECT_NE(body.find("https://mobility.fjordland.example/reset-password?token="), std::string::npos) << body;
  EXPECT_EQ(
      text("SELECT state || ' ' || coalesce(parameters->>'link', 'no link') FROM mail_outbox WHERE kind = 'incoming_invitation'"),
      "sent no link")
      << "the one-time token is kept nowhere in clear once sent";
}

TEST_F(MailJourneyTest, AServerDownForAWhileGetsTheMailAfter) {
  nominate_and_sign_as_student("mail-down-1");
  MailWorker worker(*pool_, sender_.get(), names_, options());
  ASSERT_TRUE(worker.run_once());
  EXPECT_EQ(text("SELECT string_agg(state || ':' || attempts, ',') FROM mail_outbox"), "pending:1,pending:1");
  EXPECT_NE(text("SELECT min(last_error) FROM mail_outbox").find("SMTP: "), std::string::npos);

  start_sink();
  ASSERT_TRUE(connection().exec("UPDATE mail_outbox SET next_attempt_at = now()"));  // the retry is due
  ASSERT_TRUE(worker.run_once());
  EXPECT_EQ(deliveries().size(), 2u);
  EXPECT_EQ(text("SELECT string_agg(state || ':' || attempts, ',') FROM mail_outbox"), "sent:2,sent:2");
}

// Sends for real, then dies before the worker can record it, as a process killed at that moment.
class DiesAfterSending : public MailTransport {
 public:
  explicit DiesAfterSending(MailTransport& real) : real_(real) {}
  Status send(const std::string& from, const std::string& to, const std::string& message) override {
    Status sent = real_.send(from, to, message);
    if (sent) throw std::runtime_error("killed after the server accepted the mail");
    return sent;
  }

 private:
  MailTransport& real_;
};

TEST_F(MailJourneyTest, ACrashBetweenSendingAndRecordingStillLeavesOneMessage) {
  start_sink();
  ASSERT_TRUE(mobilities::OutgoingMobilities().nominate(connection(), testing::sample_mobility("mail-crash-1"), kCoordinator,
                                                        "stud-aase"));
  DiesAfterSending dying(*sender_);
  MailWorker crashing(*pool_, &dying, names_, options());
  EXPECT_THROW(crashing.run_once(), std::runtime_error);
  EXPECT_EQ(text("SELECT state || ':' || (leased_until > now()) FROM mail_outbox"), "pending:true");

  MailWorker next(*pool_, sender_.get(), names_, options());
  EXPECT_EQ(tried_by(next), 0) << "the lease still holds";
  ASSERT_TRUE(connection().exec("UPDATE mail_outbox SET leased_until = now() - interval '1 second'"));  // it runs out
  EXPECT_EQ(tried_by(next), 1);

  auto sent = deliveries();
  ASSERT_EQ(sent.size(), 2u) << "SMTP cannot take a mail back: it was handed over twice";
  EXPECT_EQ(sent[0].message, sent[1].message) << "byte for byte the same mail, with the same Message-ID";
  EXPECT_EQ(mailbox_size(), 1u) << "so the recipient's mailbox keeps one";
  EXPECT_EQ(text("SELECT state || ':' || attempts FROM mail_outbox"), "sent:2");
}

TEST_F(MailJourneyTest, WithoutAServerNothingIsSentNowOrLater) {
  nominate_and_sign_as_student("mail-off-1");
  MailWorker worker(*pool_, nullptr, names_, options());
  ASSERT_TRUE(worker.run_once());
  EXPECT_EQ(text("SELECT string_agg(DISTINCT state || ':' || last_error, ',') FROM mail_outbox"),
            "not_sent:no SMTP server was configured (smtp_url)");
  start_sink();
  MailWorker later(*pool_, sender_.get(), names_, options());
  EXPECT_EQ(tried_by(later), 0);
  EXPECT_EQ(deliveries().size(), 0u);
}

TEST_F(MailJourneyTest, AMailThatCannotBeComposedIsGivenUpAtOnce) {
  start_sink();
  ASSERT_TRUE(
      db::enqueue_mail(connection(), {"no_such_kind", account_id("per.saether@fjordland.example"), "{}", std::nullopt, false}));
  MailWorker worker(*pool_, sender_.get(), names_, options());
  ASSERT_TRUE(worker.run_once());
  EXPECT_EQ(text("SELECT state || ': ' || last_error FROM mail_outbox"), "gave_up: no mail text for no_such_kind");
  EXPECT_EQ(deliveries().size(), 0u);
}

TEST_F(MailJourneyTest, StaffWhoChoseADigestGetOneMailADayListingTheItems) {
  start_sink();
  int64_t per = account_id("per.saether@fjordland.example");
  ASSERT_TRUE(db::set_mail_digest(connection(), per, true));
  nominate_and_sign_as_student("mail-digest-1");
  nominate_and_sign_as_student("mail-digest-2");
  EXPECT_EQ(text("SELECT string_agg(kind || ':' || state, ',' ORDER BY mail_id) FROM mail_outbox WHERE account_id = " +
                 std::to_string(per)),
            "la_to_sign:held,la_to_sign:held");

  MailWorkerOptions digest_now = options();
  digest_now.digest_hour = 0;
  MailWorker worker(*pool_, sender_.get(), names_, digest_now);
  ASSERT_TRUE(worker.run_once());
  std::vector<Delivery> to_per;
  for (const Delivery& delivery : deliveries()) {
    if (delivery.meta.find("per.saether@") != std::string::npos) to_per.push_back(delivery);
  }
  ASSERT_EQ(to_per.size(), 1u);
  EXPECT_EQ(subject_of(to_per[0].message), "Mobility: 2 nye saker til deg");
  std::string body = part_of(to_per[0].message, "text/plain");
  EXPECT_NE(body.find("https://mobility.fjordland.example/mobilities/outgoing/mail-digest-1"), std::string::npos) << body;
  EXPECT_NE(body.find("https://mobility.fjordland.example/mobilities/outgoing/mail-digest-2"), std::string::npos) << body;
  EXPECT_EQ(text("SELECT string_agg(state, ',' ORDER BY mail_id) FROM mail_outbox WHERE account_id = " + std::to_string(per)),
            "digested,digested,sent");

  // A third item the same day waits for tomorrow's digest.
  nominate_and_sign_as_student("mail-digest-3");
  MailWorker again(*pool_, sender_.get(), names_, digest_now);
  ASSERT_TRUE(again.run_once());
  EXPECT_EQ(text("SELECT count(*)::text FROM mail_outbox WHERE state = 'held'"), "1");
}

TEST_F(MailJourneyTest, ADraftLeftUnsignedBringsOneReminderToWhoeverMustSign) {
  start_sink();
  ASSERT_TRUE(mobilities::OutgoingMobilities().nominate(connection(), testing::sample_mobility("mail-remind-1"), kCoordinator,
                                                        "stud-aase"));
  ASSERT_TRUE(mobilities::OutgoingLearningAgreements().save_draft(connection(), "mail-remind-1", testing::sample_first_version(),
                                                                  kCoordinator));
  MailWorker fresh(*pool_, sender_.get(), names_, options());
  ASSERT_TRUE(fresh.run_once());
  EXPECT_EQ(text("SELECT count(*)::text FROM mail_outbox WHERE kind = 'la_unsigned_reminder'"), "0") << "not due yet";

  ASSERT_TRUE(connection().exec("UPDATE la_version SET created_at = now() - interval '8 days'"));
  MailWorker worker(*pool_, sender_.get(), names_, options());
  ASSERT_TRUE(worker.run_once());
  MailWorker again(*pool_, sender_.get(), names_, options());
  ASSERT_TRUE(again.run_once());
  EXPECT_EQ(text("SELECT string_agg(recipient, ',') FROM mail_outbox WHERE kind = 'la_unsigned_reminder'"),
            "aase.bjornstad@student.fjordland.example");
  const Delivery& reminder = deliveries().back();
  EXPECT_EQ(subject_of(reminder.message), "Påminnelse: læringsavtalen din er ikke signert");
}

TEST_F(MailTest, AForgottenPasswordIsResetWithTheMailedLink) {
  testing::PortalServer server;
  server.start();
  ASSERT_FALSE(HasFatalFailure());
  start_sink();
  testing::Visit visit(server.base());
  visit.get("/forgot-password");
  auto asked = visit.post("/forgot-password", {{"csrf", visit.csrf()}, {"email", "aase.bjornstad@student.fjordland.example"}});
  EXPECT_EQ(asked.status, 200);
  EXPECT_NE(asked.body.find("a link to choose a new password is on its way"), std::string::npos);
  visit.get("/forgot-password");
  auto unknown = visit.post("/forgot-password", {{"csrf", visit.csrf()}, {"email", "nobody@fjordland.example"}});
  EXPECT_EQ(unknown.body, asked.body) << "the same answer whether or not the address has an account";
  visit.get("/forgot-password");
  auto bad = visit.post("/forgot-password", {{"csrf", visit.csrf()}, {"email", std::string(100'000, 'x')}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Write an e-mail address such as"), std::string::npos);

  NameCache names;
  MailWorker worker(server.pool(), sender_.get(), names, options());
  ASSERT_TRUE(worker.run_once());
  auto sent = deliveries();
  ASSERT_EQ(sent.size(), 1u) << "only the account's address gets a mail";
  std::string body = part_of(sent[0].message, "text/plain");
  size_t link = body.find("https://mobility.fjordland.example/reset-password?token=");
  ASSERT_NE(link, std::string::npos) << body;
  size_t path_at = body.find("/reset-password", link);
  std::string path = body.substr(path_at, body.find('\n', path_at) - path_at);
  EXPECT_EQ(server.count("SELECT count(*) FROM mail_outbox WHERE parameters ? 'link'"), 0) << "the token is not kept in clear";

  auto form = visit.get(path);
  EXPECT_EQ(form.status, 200);
  std::string token = path.substr(path.find('=') + 1);
  auto reset =
      visit.post("/reset-password",
                 {{"csrf", visit.csrf()}, {"token", token}, {"password", "a-new-password-1"}, {"repeat", "a-new-password-1"}});
  EXPECT_EQ(reset.status, 200);
  testing::Visit fresh(server.base());
  fresh.get("/login");
  auto logged_in = fresh.log_in("aase.bjornstad@student.fjordland.example", "a-new-password-1");
  EXPECT_EQ(logged_in.status, 303);

  // A second request within 15 minutes sends nothing more.
  visit.get("/forgot-password");
  visit.post("/forgot-password", {{"csrf", visit.csrf()}, {"email", "aase.bjornstad@student.fjordland.example"}});
  ASSERT_TRUE(worker.run_once());
  EXPECT_EQ(deliveries().size(), 1u);
}

}  // namespace
}  // namespace mobility::portal::mail
