// The raw HTTP/1.1 request parser and form decoding, without sockets.
#include "http/request_parser.hpp"

#include <gtest/gtest.h>

#include "http/form.hpp"

namespace mobility::http {
namespace {

ParseResult parse(std::string_view bytes, ParseLimits limits = {}) { return parse_request(bytes, limits); }

TEST(RequestParser, KeepsTargetHeadersAndBodyExactly) {
  std::string bytes =
      "POST /ewp/echo%2Fx?echo=a&echo=b%20c&echo=a HTTP/1.1\r\nHost: ewp.example\r\nX-A: 1\r\nx-a:  2 \r\n"
      "Date: not a date\r\nContent-Type: application/strange\r\nContent-Length: 5\r\n\r\nhelloGET";
  ParseResult result = parse(bytes);
  ASSERT_EQ(result.kind, ParseResult::Kind::kComplete) << result.message;
  EXPECT_EQ(result.request.method, "POST");
  EXPECT_EQ(result.request.target, "/ewp/echo%2Fx?echo=a&echo=b%20c&echo=a");
  EXPECT_EQ(result.request.path, "/ewp/echo/x");
  EXPECT_EQ(result.request.query, (HeaderList{{"echo", "a"}, {"echo", "b c"}, {"echo", "a"}}));
  EXPECT_EQ(header_values(result.request.headers, "X-A"), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(result.request.headers[1].first, "X-A");
  EXPECT_EQ(result.request.headers[2].first, "x-a");
  EXPECT_EQ(*result.request.header("Date"), "not a date");
  EXPECT_EQ(result.request.body, "hello");
  EXPECT_EQ(result.consumed, bytes.size() - 3) << "the pipelined bytes after the body are left";
  EXPECT_TRUE(result.keep_alive);
}

TEST(RequestParser, IncompleteUntilHeadAndBodyArrive) {
  EXPECT_EQ(parse("GET / HTTP/1.1\r\nHost: h\r\n").kind, ParseResult::Kind::kIncomplete);
  ParseResult partial = parse("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nab");
  EXPECT_EQ(partial.kind, ParseResult::Kind::kIncomplete);
  EXPECT_TRUE(partial.expects_continue);
}

TEST(RequestParser, ConnectionRules) {
  EXPECT_FALSE(parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").keep_alive);
  EXPECT_FALSE(parse("GET / HTTP/1.0\r\n\r\n").keep_alive);
  EXPECT_TRUE(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keep_alive);
}

TEST(RequestParser, RefusesWhatItCannotServeSafely) {
  struct Case {
    std::string bytes;
    int status;
  };
  const std::vector<Case> cases = {
      {"GARBAGE\r\n\r\n", 400},
      {"GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400},
      {"GET http://x/ HTTP/1.1\r\nHost: h\r\n\r\n", 400},
      {"GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505},
      {"GET / HTTP/1.1\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: h\r\nX-Folded: a\r\n b\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: h\r\nBad Name: x\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n", 501},
      {"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400},
      {"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2000\r\n\r\n", 413},
      {"GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n", 400},
      {"GET /?a=%4 HTTP/1.1\r\nHost: h\r\n\r\n", 400},
      {"GET / HTTP/1.1\nHost: h\n\n", 400},  // bare LF: answered at once, not waited on
      {"GET / HTTP/1.1\r\nHost: h\n", 400},  // even before the head is complete
      {"GET / HTTP/1.1\r\nX: a\nb\r\nHost: h\r\n\r\n", 400},
  };
  for (const Case& c : cases) {
    ParseResult result = parse(c.bytes, {1024, 1000});
    EXPECT_EQ(result.kind, ParseResult::Kind::kError) << c.bytes;
    EXPECT_EQ(result.status, c.status) << c.bytes << " → " << result.message;
  }
  EXPECT_EQ(parse(std::string(2000, 'a'), {1024, 1000}).status, 431);
  EXPECT_EQ(parse("GET / HTTP/1.1\nHost: h\n\n").message, "every line of the request head must end with CR LF");
  EXPECT_EQ(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n\n\n").kind, ParseResult::Kind::kComplete)
      << "line feeds in the body are the body's";
}

TEST(FormDecoding, KeepsOrderRepeatsAndDecodes) {
  auto pairs = decode_form("echo=a&echo=b+c&&x=%C3%A6%26&flag");
  ASSERT_TRUE(pairs);
  EXPECT_EQ(*pairs, (HeaderList{{"echo", "a"}, {"echo", "b c"}, {"x", "\xC3\xA6&"}, {"flag", ""}}));
  EXPECT_FALSE(decode_form("a=%G1"));
  EXPECT_TRUE(decode_query("/path")->empty());
}

}  // namespace
}  // namespace mobility::http
