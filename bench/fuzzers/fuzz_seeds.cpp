// fuzz_seeds DIR: writes seeds that the official examples cannot give into DIR/<target>/ (bench/fuzz
// adds those examples): requests signed with the test key at fuzz::fixed_now() for our Host, a
// signed response, form bodies of the agreement and learning-agreement editors, mobilities and
// learning-agreement versions as JSON, and our own XML for the mobility readers.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "bench/fuzzers/fuzz_support.hpp"
#include "bench/fuzzers/test_key.hpp"
#include "ewp-node/apis/imobilities-v2/imobility_xml.hpp"
#include "ewp-node/apis/omobilities-v3/omobility_xml.hpp"
#include "ewp-node/apis/omobility-las-v1/la_xml.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "ewp-node/security/request_signer.hpp"
#include "ewp-node/security/response_signer.hpp"
#include "mobilities/la_rules.hpp"
#include "mobilities/mobility_json.hpp"
#include "portal/mobilities/la_form.hpp"
#include "tests/support/mobility_samples.hpp"

namespace {

using namespace mobility;
namespace fs = std::filesystem;

fs::path root;

void write(const std::string& target, const std::string& name, const std::string& content) {
  fs::create_directories(root / target);
  std::ofstream(root / target / name, std::ios::binary) << content;
}

std::string request_text(const ewp::OutgoingRequest& outgoing) {
  auto signed_ = ewp::sign_request(outgoing, fuzz::test_private_key(), fuzz::fixed_now());
  if (!signed_) {
    std::fprintf(stderr, "fuzz_seeds: cannot sign: %s\n", signed_.status().to_string().c_str());
    std::exit(1);
  }
  std::string text = outgoing.method + " " + outgoing.target + " HTTP/1.1\r\n";
  for (const auto& [name, value] : signed_->headers) text += name + ": " + value + "\r\n";
  if (!outgoing.body.empty()) text += "Content-Length: " + std::to_string(outgoing.body.size()) + "\r\n";
  return text + "\r\n" + outgoing.body;
}

mobilities::LearningAgreement sample_la() {
  mobilities::LearningAgreement la;
  la.mobility = testing::sample_mobility("seed-1");
  la.first_version = testing::sample_first_version();
  la.first_version->student_signature = testing::student_signature();
  la.first_version->sending_signature = testing::coordinator_signature("fjordland.example");
  la.changes_proposal = testing::sample_change_proposal();
  la.changes_proposal->student_signature = testing::student_signature();
  la.changes_proposal_id = mobilities::changes_proposal_id(*la.changes_proposal);
  return la;
}

void http_seeds() {
  std::string form = ewp::encode_form({{"iia_id", "fjordland-demo-1"}, {"iia_id", "a b&c"}});
  std::string get = request_text({"GET", fuzz::kHost, "/ewp/iias/get?iia_id=1&iia_id=x%20y", {}, ""});
  std::string post =
      request_text({"POST", fuzz::kHost, "/ewp/iias/get", {{"Content-Type", "application/x-www-form-urlencoded"}}, form});
  write("http_request", "signed-get", get);
  write("http_request", "signed-post", post);
  write("http_request", "pipelined", get + post);
  write("http_request", "plain", "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n");
  write("http_request", "continue", "POST /login HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nx=1&y");
  write("form", "ewp", form);
  write("form", "login", "email=a%40b.example&password=p+w%C3%A6&csrf=abc&&next=%2Fx%3Fy%3D1");
  write("multipart", "upload",
        "multipart/form-data; boundary=----WebKitFormBoundaryx7Q\n"
        "------WebKitFormBoundaryx7Q\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
        "------WebKitFormBoundaryx7Q\r\nContent-Disposition: form-data; name=\"document\"; filename=\"plan \\\"1\\\".pdf\"\r\n"
        "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n%\xe2\xe3\r\n\r\n"
        "------WebKitFormBoundaryx7Q--\r\n");
  write("multipart", "no_file",
        "multipart/form-data; boundary=\"a'()+_,-./:=? b\"\n"
        "--a'()+_,-./:=? b\r\nContent-Disposition: form-data; name=document; filename=\"\"\r\n"
        "Content-Type: application/octet-stream\r\n\r\n\r\n--a'()+_,-./:=? b--");

  http::Request request;
  request.method = "GET";
  request.target = "/ewp/echo?echo=1";
  request.headers = {{"Host", fuzz::kHost},
                     {"Accept-Signature", "RSA-SHA256, hs2019"},
                     {"X-Request-Id", "c2ee3e0f-7e6a-4a3b-9d7f-6c1f0d1a2b3c"}};
  http::Response response = http::Response::text(200, "<echo-response/>");
  ewp::ResponseSigner(fuzz::test_private_key(), fuzz::fixed_now).sign(request, response);
  std::string head = "Content-Type: " + response.content_type + "\n";
  for (const auto& [name, value] : response.headers) head += name + ": " + value + "\n";
  write("http_signature", "signed-response", head + "\n" + response.body);
  size_t line_end = get.find("Authorization:");
  write("http_signature", "authorization", get.substr(line_end, get.find("\r\n", line_end) - line_end) + "\n");
}

void form_seeds() {
  write("iia_form", "draft",
        ewp::encode_form({{"partner_hei_id", "lumiere-nord.example"},
                          {"iia_code", "FJ-LN-2026"},
                          {"ounit_id", "ou-mn"},
                          {"reason", "New agreement"},
                          {"version", "1"},
                          {"spec_count", "2"},
                          {"spec0_type", "student-studies"},
                          {"spec0_direction", "outgoing"},
                          {"spec0_first_year", "2026/2027"},
                          {"spec0_last_year", "2028/2029"},
                          {"spec0_mobilities", "2"},
                          {"spec0_languages", "en B2, fr B1"},
                          {"spec0_isced", "0613 Software\n0541"},
                          {"spec0_eqf", "6, 7"},
                          {"spec0_months", "10"},
                          {"spec0_blended", "1"},
                          {"spec1_type", "staff-teaching"},
                          {"spec1_direction", "incoming"},
                          {"spec1_first_year", "2026/2027"},
                          {"spec1_last_year", "2026/2027"},
                          {"spec1_mobilities", "1"},
                          {"spec1_days", "5"},
                          {"spec1_other_info", "Teaching <b>week</b>"}}));
  using portal::mobility_pages::la_fields_of;
  auto la = sample_la();
  auto as_form = [](const portal::mobility_pages::LaFields& fields) {
    http::HeaderList list(fields.begin(), fields.end());
    return ewp::encode_form(list);
  };
  write("la_form", "first", as_form(la_fields_of(*la.first_version)));
  write("la_form", "change", as_form(la_fields_of(*la.changes_proposal)));
  write("mobility_json", "mobility", mobilities::to_json_value(la.mobility).dump());
  write("mobility_json", "first", mobilities::to_json_value(*la.first_version).dump());
  write("mobility_json", "change", mobilities::to_json_value(*la.changes_proposal).dump());
}

void xml_seeds() {
  auto la = sample_la();
  write("las_xml", "get", ewp::las_get_response_xml({la}));
  write("las_xml", "index", ewp::las_index_response_xml({"seed-1", "seed-2"}));
  write("las_xml", "update",
        ewp::la_update_request_xml({"fjordland.example", ewp::LaUpdateRequest::Type::kComment, "seed-1", "P1",
                                    std::string("Please add a course"), testing::coordinator_signature("x.example")}));
  write("omobilities_xml", "get", ewp::omobilities_get_response_xml({la.mobility}));
  write("omobilities_xml", "index", ewp::omobilities_index_response_xml({"seed-1"}));
  write("omobilities_xml", "update",
        ewp::omobility_update_request_xml({ewp::OMobilityUpdateRequest::Type::kReject, "seed-1", "P1", std::string("Full")}));
  write("imobilities_xml", "get",
        ewp::imobilities_get_response_xml({{"seed-1", std::string("2026-08-20"), std::nullopt}, {"seed-2", {}, {}}}));
}

void template_seeds() {
  for (int pick = 0; pick < 48; ++pick) {
    write("templates", "pick" + std::to_string(pick),
          std::string(1, char(pick | (pick % 2 ? 0x80 : 0))) + "<b>x</b>\n\nAåse \"Bjørnstad\"\n1\n/my-exchange?a=1&b=2\nok");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seeds DIR\n");
    return 2;
  }
  root = argv[1];
  http_seeds();
  form_seeds();
  xml_seeds();
  template_seeds();
  return 0;
}
