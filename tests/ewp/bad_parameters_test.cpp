// A partner's bad parameters are a 400 that names the parameter, never a 5xx: every identifier
// parameter of every API we serve, sent signed with 60,000 characters, with a space, and (for HEI
// ids) in upper case. The answer is a signed, schema-valid error-response and nothing is stored.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ewp-node/apis/ewp_parameters.hpp"
#include "tests/ewp/ewp_node_fixture.hpp"

namespace mobility::ewp::test {
namespace {

struct Endpoint {
  std::string method;
  std::string path;
  std::string parameter;
  Shape shape;
  http::HeaderList others;  // valid values of the other parameters it needs
};

const std::vector<Endpoint>& endpoints() {
  static const std::vector<Endpoint> all = {
      {"POST", "/ewp/iia-cnr", "iia_id", Shape::kIdentifier, {}},
      {"POST", "/ewp/iia-approval-cnr", "iia_id", Shape::kIdentifier, {}},
      {"GET", "/ewp/iias/get", "iia_id", Shape::kIdentifier, {}},
      {"GET", "/ewp/iias-approval", "iia_id", Shape::kIdentifier, {}},
      {"GET", "/ewp/institutions", "hei_id", Shape::kHeiId, {}},
      {"GET", "/ewp/ounits", "hei_id", Shape::kHeiId, {}},
      {"GET", "/ewp/ounits", "ounit_id", Shape::kIdentifier, {{"hei_id", "fjordland.example"}}},
      {"GET", "/ewp/factsheet", "hei_id", Shape::kHeiId, {}},
  };
  return all;
}

class BadParametersTest : public EwpNodeTest {
 protected:
  int64_t inbox_rows() {
    auto connection = pool_->acquire();
    auto rows = (*connection)->exec("SELECT count(*) FROM cnr_inbox");
    return rows ? rows->front().get<int64_t>(0) : -1;
  }
};

TEST_F(BadParametersTest, EveryIdentifierParameterRefusesBadValuesWith400NamingIt) {
  int64_t inbox_before = inbox_rows();
  for (const Endpoint& endpoint : endpoints()) {
    std::vector<std::string> bad = {std::string(60000, 'a'), "with space", ""};
    if (endpoint.shape == Shape::kHeiId) bad.push_back("Fjordland.Example");
    for (const std::string& value : bad) {
      SCOPED_TRACE(endpoint.method + " " + endpoint.path + " " + endpoint.parameter + " (" + std::to_string(value.size()) +
                   " bytes)");
      http::HeaderList parameters = endpoint.others;
      parameters.emplace_back(endpoint.parameter, value);
      std::string form = encode_form(parameters);
      Call reply = endpoint.method == "GET" ? call("GET", endpoint.path + "?" + form)
                                            : call("POST", endpoint.path, form, "application/x-www-form-urlencoded");
      std::string expected = "parameter " + endpoint.parameter + " must be ";
      if (value.empty() && endpoint.shape == Shape::kIdentifier) expected += "an EWP identifier";
      expect_error(reply, 400, expected);
      expect_signed_by_node(reply);
      EXPECT_LT(reply.reply.body.size(), 2000u) << "the message quotes an excerpt, not the value";
    }
  }
  EXPECT_EQ(inbox_rows(), inbox_before) << "no notification was queued";
}

}  // namespace
}  // namespace mobility::ewp::test
