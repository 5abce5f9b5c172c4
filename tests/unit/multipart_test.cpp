// multipart/form-data bodies (http/multipart.hpp): what browsers and curl send reads back part by
// part; every malformed body is refused with its own message.
#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace mobility::http {
namespace {

using namespace std::string_literals;

constexpr const char* kType = "multipart/form-data; boundary=----WebKitFormBoundaryx7Q";

// A body of `parts` (each its head lines and content) with the boundary of kType.
std::string body_of(const std::vector<std::pair<std::string, std::string>>& parts, std::string_view close = "--\r\n") {
  std::string body;
  for (const auto& [head, content] : parts) body += "------WebKitFormBoundaryx7Q\r\n" + head + "\r\n\r\n" + content + "\r\n";
  return body + "------WebKitFormBoundaryx7Q" + std::string(close);
}

const std::pair<std::string, std::string> kCsrf = {"Content-Disposition: form-data; name=\"csrf\"", "token"};

std::string refusal(std::string_view type, std::string_view body, MultipartLimits limits = {}) {
  auto parts = parse_multipart(type, body, limits);
  if (parts) return "accepted";
  EXPECT_EQ(parts.status().code(), Status::Code::kInvalidArgument);
  return parts.status().message();
}

TEST(Multipart, ABrowsersFormWithAFileReadsBack) {
  std::string pdf = "%PDF-1.7\r\n--not a boundary\r\n\r\nbinary \x00\xff bytes\x00"s;
  std::string body = body_of({kCsrf,
                              {"Content-Disposition: form-data; name=\"document\"; filename=\"Læringsavtale \\\"v2\\\".pdf\"\r\n"
                               "Content-Type: application/pdf",
                               pdf},
                              {"content-disposition: FORM-DATA; name=note", ""}});
  auto parts = parse_multipart("Multipart/Form-Data;boundary=\"----WebKitFormBoundaryx7Q\"; charset=utf-8", body, {});
  ASSERT_TRUE(parts) << parts.status().to_string();
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].name, "csrf");
  EXPECT_EQ((*parts)[0].body, "token");
  EXPECT_FALSE((*parts)[0].filename);
  EXPECT_EQ((*parts)[0].content_type, "");
  EXPECT_EQ((*parts)[1].name, "document");
  EXPECT_EQ((*parts)[1].filename, "Læringsavtale \"v2\".pdf");
  EXPECT_EQ((*parts)[1].content_type, "application/pdf");
  EXPECT_EQ((*parts)[1].body, pdf) << "CR LF, dashes and NUL inside the content are content";
  EXPECT_EQ((*parts)[2].name, "note");
  EXPECT_EQ((*parts)[2].body, "");
}

TEST(Multipart, AFormSentWithoutAFileHasAnEmptyFileName) {
  auto parts = parse_multipart(
      kType,
      body_of(
          {{"Content-Disposition: form-data; name=\"document\"; filename=\"\"\r\nContent-Type: application/octet-stream", ""}},
          "--"),
      {});
  ASSERT_TRUE(parts) << parts.status().to_string();
  EXPECT_EQ(parts->front().filename, "");
  EXPECT_EQ(parts->front().body, "");
}

TEST(Multipart, LimitsAreExact) {
  MultipartLimits limits{2, 5};
  EXPECT_EQ(refusal(kType, body_of({kCsrf, {"Content-Disposition: form-data; name=a", "12345"}}), limits), "accepted");
  EXPECT_EQ(refusal(kType, body_of({kCsrf, {"Content-Disposition: form-data; name=a", "123456"}}), limits),
            "part 2 is larger than 5 bytes");
  EXPECT_EQ(refusal(kType, body_of({kCsrf, kCsrf, kCsrf}), limits), "more than 2 parts");
  std::string head = "Content-Disposition: form-data; name=a";
  head += "\r\nContent-Type: " + std::string(kMaxPartHeadBytes - head.size() - 16, 't');
  EXPECT_EQ(refusal(kType, body_of({{head, "x"}})), "accepted") << head.size();
  EXPECT_EQ(refusal(kType, body_of({{head + std::string(17, 't'), "x"}})), "part 1: its head is longer than 8192 bytes");
}

TEST(Multipart, ContentTypesThatAreNotMultipartFormDataOrHaveNoGoodBoundary) {
  std::string body = body_of({kCsrf});
  struct Case {
    std::string type;
    std::string message;
  };
  std::vector<Case> cases = {
      {"application/x-www-form-urlencoded", "Content-Type is not multipart/form-data"},
      {"multipart/mixed; boundary=x", "Content-Type is not multipart/form-data"},
      {"", "Content-Type is not multipart/form-data"},
      {"multipart/form-data", "Content-Type has no boundary parameter"},
      {"multipart/form-data; charset=utf-8", "Content-Type has no boundary parameter"},
      {"multipart/form-data; boundary=a; boundary=b", "Content-Type has two boundary parameters"},
      {"multipart/form-data; boundary=", "Content-Type: parameter boundary has no value"},
      {"multipart/form-data; boundary", "Content-Type: parameter boundary has no '=' and value"},
      {"multipart/form-data; boundary = x", "Content-Type: parameter boundary has no '=' and value"},
      {"multipart/form-data; ; boundary=x", "Content-Type: a ';' is not followed by a parameter"},
      {"multipart/form-data; boundary=x;", "Content-Type: a ';' is not followed by a parameter"},
      {"multipart/form-data; boundary=\"x", "Content-Type: parameter boundary has a quoted string without its closing quote"},
      {"multipart/form-data; boundary=\"x\ty\x01\"", "Content-Type: parameter boundary holds a control character"},
      {"multipart/form-data; boundary=x/y", "Content-Type: parameter boundary is followed by something other than ';'"},
      {"multipart/form-data; boundary=\"\"",
       "Content-Type: the boundary must be 1 to 70 of the characters RFC 2046 allows, not ending in a space"},
      {"multipart/form-data; boundary=\"x \"",
       "Content-Type: the boundary must be 1 to 70 of the characters RFC 2046 allows, not ending in a space"},
      {"multipart/form-data; boundary=\"x;y\"",
       "Content-Type: the boundary must be 1 to 70 of the characters RFC 2046 allows, not ending in a space"},
      {"multipart/form-data; boundary=" + std::string(71, 'b'),
       "Content-Type: the boundary must be 1 to 70 of the characters RFC 2046 allows, not ending in a space"},
  };
  for (const Case& c : cases) EXPECT_EQ(refusal(c.type, body), c.message) << c.type;
  EXPECT_EQ(refusal("multipart/form-data; boundary=\"a/b:c=d?e f\"",
                    "--a/b:c=d?e f\r\n" + kCsrf.first + "\r\n\r\nx\r\n--a/b:c=d?e f--"),
            "accepted")
      << "a quoted boundary may hold every character RFC 2046 allows";
  EXPECT_EQ(refusal("multipart/form-data; boundary=" + std::string(70, 'b'),
                    "--" + std::string(70, 'b') + "\r\n" + kCsrf.first + "\r\n\r\nx\r\n--" + std::string(70, 'b') + "--"),
            "accepted");
}

TEST(Multipart, MalformedBodiesSayWhatIsWrongAndWhere) {
  const std::string d = "------WebKitFormBoundaryx7Q";
  const std::string head = kCsrf.first;
  struct Case {
    std::string name;
    std::string body;
    std::string message;
  };
  std::vector<Case> cases = {
      {"empty", "", "the body does not start with the boundary"},
      {"a preamble", "hello\r\n" + body_of({kCsrf}), "the body does not start with the boundary"},
      {"no parts", d + "--\r\n", "the body has no parts"},
      {"an epilogue", body_of({kCsrf}, "--\r\nbye"), "data follows the closing boundary"},
      {"two line ends after the close", body_of({kCsrf}, "--\r\n\r\n"), "data follows the closing boundary"},
      {"no close", d + "\r\n" + head + "\r\n\r\ntoken", "part 1 does not end with a boundary"},
      {"the close without its dashes", body_of({kCsrf}, ""), "part 2: its boundary line does not end with CR LF"},
      {"padding after a boundary", d + " \r\n" + head + "\r\n\r\nx\r\n" + d + "--",
       "part 1: its boundary line does not end with CR LF"},
      {"a longer boundary in the content", d + "\r\n" + head + "\r\n\r\nx\r\n" + d + "X\r\n\r\n" + d + "--",
       "part 2: its boundary line does not end with CR LF"},
      {"a bare LF after the boundary", d + "\n" + head + "\r\n\r\nx\r\n" + d + "--",
       "part 1: its boundary line does not end with CR LF"},
      {"a head without its empty line", d + "\r\n" + head, "part 1: its head does not end with an empty line"},
      {"a bare LF in the head", d + "\r\n" + head + "\nContent-Type: text/plain\r\n\r\nx\r\n" + d + "--",
       "part 1: a line of its head does not end with CR LF"},
      {"a bare CR in the head", d + "\r\n" + head + "\rX: y\r\n\r\nx\r\n" + d + "--",
       "part 1: a line of its head does not end with CR LF"},
      {"a folded header line", d + "\r\n" + head + "\r\n filename=\"x\"\r\n\r\nx\r\n" + d + "--",
       "part 1: a line of its head is not 'Name: value'"},
      {"a line without a colon", body_of({{head + "\r\nnonsense", "x"}}), "part 1: a line of its head is not 'Name: value'"},
      {"a blank before the colon", body_of({{"Content-Disposition : form-data; name=a", "x"}}),
       "part 1: a line of its head is not 'Name: value'"},
      {"no headers", body_of({{"", "x"}}), "part 1 has no Content-Disposition"},
      {"only a Content-Type", body_of({kCsrf, {"Content-Type: text/plain", "x"}}), "part 2 has no Content-Disposition"},
      {"two dispositions", body_of({{head + "\r\n" + head, "x"}}), "part 1 has two Content-Disposition headers"},
      {"two types", body_of({{head + "\r\nContent-Type: a/b\r\nContent-Type: a/b", "x"}}), "part 1 has two Content-Type headers"},
      {"a transfer encoding", body_of({{head + "\r\nContent-Transfer-Encoding: base64", "eA=="}}),
       "part 1: header Content-Transfer-Encoding is not accepted"},
      {"another header", body_of({kCsrf, {head + "\r\nX-Anything: 1", "x"}}), "part 2: header X-Anything is not accepted"},
      {"not form-data", body_of({{"Content-Disposition: attachment; name=a", "x"}}),
       "part 1: Content-Disposition is not form-data"},
      {"no name", body_of({{"Content-Disposition: form-data; filename=\"a.pdf\"", "x"}}),
       "part 1: Content-Disposition has no name"},
      {"an empty name", body_of({{"Content-Disposition: form-data; name=\"\"", "x"}}), "part 1: Content-Disposition has no name"},
      {"two names", body_of({{"Content-Disposition: form-data; name=a; name=b", "x"}}),
       "part 1: Content-Disposition has two names"},
      {"two file names", body_of({{"Content-Disposition: form-data; name=a; filename=x; filename=y", "x"}}),
       "part 1: Content-Disposition has two file names"},
      {"filename*", body_of({{"Content-Disposition: form-data; name=a; filename*=UTF-8''x.pdf", "x"}}),
       "part 1: Content-Disposition: parameter filename* is not accepted"},
      {"an unknown parameter", body_of({{"Content-Disposition: form-data; name=a; size=3", "x"}}),
       "part 1: Content-Disposition: parameter size is not accepted"},
      {"an unclosed quote", body_of({{"Content-Disposition: form-data; name=\"a", "x"}}),
       "part 1: Content-Disposition: parameter name has a quoted string without its closing quote"},
      {"an escape at the end", body_of({{"Content-Disposition: form-data; name=\"a\\", "x"}}),
       "part 1: Content-Disposition: parameter name has a quoted string without its closing quote"},
      {"a NUL in a file name", body_of({{"Content-Disposition: form-data; name=a; filename=\"a\0.pdf\""s, "x"}}),
       "part 1: Content-Disposition: parameter filename holds a control character"},
      {"text after a quoted value", body_of({{"Content-Disposition: form-data; name=\"a\"b", "x"}}),
       "part 1: Content-Disposition: parameter name is followed by something other than ';'"},
  };
  for (const Case& c : cases) EXPECT_EQ(refusal(kType, c.body), c.message) << c.name;
}

}  // namespace
}  // namespace mobility::http
