// The parameters of an EWP request (ewp-node/apis/ewp_parameters.hpp): from the query for GET,
// from a form-encoded body for POST, repeated names in order, and every refusal with its exact
// developer message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/xml/error_response.hpp"

namespace mobility::ewp {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

http::Request request(std::string method, std::string target, std::string body = "", http::HeaderList headers = {}) {
  http::Request request;
  request.method = std::move(method);
  request.target = std::move(target);
  request.path = request.target.substr(0, request.target.find('?'));
  request.body = std::move(body);
  request.headers = std::move(headers);
  return request;
}

http::Request form_post(std::string target, std::string body, std::string content_type = "application/x-www-form-urlencoded") {
  return request("POST", std::move(target), std::move(body), {{"Content-Type", std::move(content_type)}});
}

// The parameters read, or a failed expectation and none.
EwpParameters read_ok(const http::Request& request) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) {
    ADD_FAILURE() << "refused with " << refusal->status << ": " << refusal->body;
    return EwpParameters(http::HeaderList{});
  }
  return std::get<EwpParameters>(read);
}

// The refusal, or a failed expectation and a 200.
http::Response refusal(const http::Request& request) {
  auto read = EwpParameters::read(request);
  if (auto* response = std::get_if<http::Response>(&read)) return *response;
  ADD_FAILURE() << "read, not refused";
  return http::Response{};
}

void expect_error(const http::Response& response, int status, const std::string& developer_message) {
  EXPECT_EQ(response.status, status);
  EXPECT_EQ(response.content_type, "text/xml; charset=utf-8");
  EXPECT_EQ(response.body, error_response_xml(developer_message));
}

TEST(EwpParameters, GetReadsTheQueryInOrderWithRepeatedNames) {
  EwpParameters parameters = read_ok(request("GET", "/ewp/iias?hei_id=fjordland.example&iia_id=b&iia_id=a&iia_id=c"));
  EXPECT_THAT(parameters.all("hei_id"), ElementsAre("fjordland.example"));
  EXPECT_THAT(parameters.all("iia_id"), ElementsAre("b", "a", "c"));
  EXPECT_THAT(parameters.all("missing"), IsEmpty());
}

TEST(EwpParameters, GetDecodesEscapesAndPlus) {
  EwpParameters parameters = read_ok(request("GET", "/ewp/echo?echo=a+b%20c%2Bd&echo=%C3%A6%C3%B8%C3%A5&echo="));
  EXPECT_THAT(parameters.all("echo"), ElementsAre("a b c+d", "æøå", ""));
}

TEST(EwpParameters, GetIgnoresTheBody) {
  EwpParameters parameters = read_ok(request("GET", "/ewp/echo?echo=query", "echo=body"));
  EXPECT_THAT(parameters.all("echo"), ElementsAre("query"));
}

TEST(EwpParameters, GetWithoutAQueryHasNoParameters) {
  EwpParameters parameters = read_ok(request("GET", "/ewp/echo"));
  EXPECT_THAT(parameters.all("echo"), IsEmpty());
}

TEST(EwpParameters, AGetIsNotRefusedForItsContentType) {
  auto read = EwpParameters::read(request("GET", "/ewp/echo?echo=x", "", {{"Content-Type", "application/json"}}));
  ASSERT_TRUE(std::holds_alternative<EwpParameters>(read));
  EXPECT_THAT(std::get<EwpParameters>(read).all("echo"), ElementsAre("x"));
}

TEST(EwpParameters, PostReadsTheFormAndIgnoresTheQuery) {
  EwpParameters parameters = read_ok(form_post("/ewp/iias?iia_id=from-query", "iia_id=one&hei_id=h&iia_id=two"));
  EXPECT_THAT(parameters.all("iia_id"), ElementsAre("one", "two"));
  EXPECT_THAT(parameters.all("hei_id"), ElementsAre("h"));
}

TEST(EwpParameters, PostWithoutAContentTypeIsReadAsAForm) {
  EwpParameters parameters = read_ok(request("POST", "/ewp/echo?echo=query", "echo=body"));
  EXPECT_THAT(parameters.all("echo"), ElementsAre("body"));
}

TEST(EwpParameters, PostAcceptsAFormTypeWithParametersAndAnyCase) {
  EXPECT_THAT(read_ok(form_post("/ewp/echo", "echo=1", "application/x-www-form-urlencoded; charset=utf-8")).all("echo"),
              ElementsAre("1"));
  EXPECT_THAT(read_ok(form_post("/ewp/echo", "echo=2", " Application/X-WWW-Form-URLEncoded ")).all("echo"), ElementsAre("2"));
}

TEST(EwpParameters, APostThatIsNotFormEncodedIs415) {
  const std::string message = "POST parameters must be application/x-www-form-urlencoded";
  expect_error(refusal(form_post("/ewp/echo", R"({"echo": "x"})", "application/json")), 415, message);
  expect_error(refusal(form_post("/ewp/echo", "echo=x", "multipart/form-data; boundary=x")), 415, message);
  expect_error(refusal(form_post("/ewp/echo", "echo=x", "text/plain")), 415, message);
}

TEST(EwpParameters, AMalformedEscapeIs400) {
  expect_error(refusal(request("GET", "/ewp/echo?echo=ab%zz")), 400,
               "cannot read the parameters: malformed percent escape at position 2 (expected % followed by two hex digits)");
  expect_error(refusal(form_post("/ewp/echo", "echo=%4")), 400,
               "cannot read the parameters: malformed percent escape at position 0 (expected % followed by two hex digits)");
}

TEST(EwpParameters, NamesAndValuesMustBeCleanUtf8) {
  const std::string message = "parameters must be UTF-8 text without control characters";
  expect_error(refusal(request("GET", "/ewp/echo?echo=%FF")), 400, message);
  expect_error(refusal(request("GET", "/ewp/echo?echo=a%00b")), 400, message);
  expect_error(refusal(request("GET", "/ewp/echo?ec%01ho=x")), 400, message);
  expect_error(refusal(form_post("/ewp/echo", "echo=%C3%28")), 400, message);
}

TEST(EwpParameters, OptionalSingle) {
  EwpParameters parameters(http::HeaderList{{"a", "1"}, {"b", "2"}, {"b", "3"}});
  auto absent = parameters.optional_single("c");
  ASSERT_TRUE(absent);
  EXPECT_EQ(*absent, std::nullopt);
  auto one = parameters.optional_single("a");
  ASSERT_TRUE(one);
  EXPECT_EQ(*one, std::optional<std::string>("1"));
  auto repeated = parameters.optional_single("b");
  ASSERT_FALSE(repeated);
  EXPECT_EQ(repeated.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(repeated.status().message(), "parameter b must not be repeated");
}

TEST(EwpParameters, RequiredSingle) {
  EwpParameters parameters(http::HeaderList{{"hei_id", "x.example"}, {"iia_id", "1"}, {"iia_id", "1"}});
  auto one = parameters.required_single("hei_id");
  ASSERT_TRUE(one);
  EXPECT_EQ(*one, "x.example");
  auto absent = parameters.required_single("hei");
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(absent.status().message(), "parameter hei is required");
  auto repeated = parameters.required_single("iia_id");
  ASSERT_FALSE(repeated);
  EXPECT_EQ(repeated.status().message(), "parameter iia_id must not be repeated");
}

TEST(EwpParameters, AnEmptyValueIsGiven) {
  EwpParameters parameters(http::HeaderList{{"hei_id", ""}});
  auto value = parameters.required_single("hei_id");
  ASSERT_TRUE(value);
  EXPECT_EQ(*value, "");
}

TEST(EwpParameters, RequiredListFromOneToMax) {
  EwpParameters parameters(http::HeaderList{{"iia_id", "1"}, {"iia_id", "2"}, {"iia_id", "3"}});
  auto three = parameters.required_list("iia_id", 3);
  ASSERT_TRUE(three);
  EXPECT_THAT(*three, ElementsAre("1", "2", "3"));
  auto too_many = parameters.required_list("iia_id", 2);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(too_many.status().message(), "at most 2 iia_id values are allowed, 3 were given");
  auto none = parameters.required_list("iia_code", 2);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(none.status().message(), "parameter iia_code is required");
}

TEST(EwpParameters, OptionalListFromZeroToMax) {
  EwpParameters parameters(http::HeaderList{{"ounit_id", "a"}, {"ounit_id", "b"}});
  auto none = parameters.optional_list("hei_id", 1);
  ASSERT_TRUE(none);
  EXPECT_THAT(*none, IsEmpty());
  auto two = parameters.optional_list("ounit_id", 2);
  ASSERT_TRUE(two);
  EXPECT_THAT(*two, ElementsAre("a", "b"));
  auto too_many = parameters.optional_list("ounit_id", 1);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.status().message(), "at most 1 ounit_id values are allowed, 2 were given");
}

TEST(EwpParameters, ParameterErrorIsA400ErrorResponse) {
  expect_error(parameter_error(Status::invalid_argument("parameter hei_id is required")), 400, "parameter hei_id is required");
}

TEST(EwpParameters, WhatIsFormEncoded) {
  EXPECT_TRUE(is_form_encoded(request("POST", "/", "")));
  EXPECT_TRUE(is_form_encoded(form_post("/", "", "application/x-www-form-urlencoded")));
  EXPECT_TRUE(is_form_encoded(form_post("/", "", "application/x-www-form-urlencoded;charset=UTF-8")));
  EXPECT_TRUE(is_form_encoded(form_post("/", "", "APPLICATION/X-WWW-FORM-URLENCODED")));
  EXPECT_FALSE(is_form_encoded(form_post("/", "", "application/xml")));
  EXPECT_FALSE(is_form_encoded(form_post("/", "", "application/x-www-form-urlencoded-not")));
  EXPECT_FALSE(is_form_encoded(form_post("/", "", "")));
}

}  // namespace
}  // namespace mobility::ewp
