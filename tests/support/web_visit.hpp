// A visitor of the pages with a cookie jar, as a browser keeps it: GET and form POSTs over real
// HTTP, the csrf field of the last page, and logging in.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "http/message.hpp"
#include "http/multipart.hpp"
#include "tests/support/http_client.hpp"

namespace mobility::testing {

class Visit {
 public:
  explicit Visit(std::string base, std::string language = "en") : base_(std::move(base)), language_(std::move(language)) {}

  HttpReply get(const std::string& path);
  HttpReply post(const std::string& path, const http::HeaderList& fields);
  // A form with files as a browser sends it (multipart/form-data): `fields`, then `files` (whose
  // name, filename, content_type and body are sent as they are).
  HttpReply post_multipart(const std::string& path, const http::HeaderList& fields, const std::vector<http::FormPart>& files);
  // `body` as it is, with `content_type`.
  HttpReply post_body(const std::string& path, const std::string& content_type, const std::string& body);

  // The csrf field of the last page.
  std::string csrf() const;
  HttpReply log_in(const std::string& email, const std::string& password);

  std::map<std::string, std::string> cookies;

 private:
  std::vector<std::string> headers() const;
  HttpReply remember(Result<HttpReply> reply);

  std::string base_;
  std::string language_;
  HttpClient client_;
  std::string last_body_;
};

// The fields the form with `action` in `html` would send as it is shown: hidden and text inputs,
// textareas, the selected option of each select and the ticked checkboxes.
http::HeaderList form_fields(const std::string& html, const std::string& action);

// `fields` with `name` set to `value` (added when missing), to change one field of a form.
http::HeaderList with(http::HeaderList fields, const std::string& name, const std::string& value);

// A complete new-agreement form (POST /agreements/new) for fjordland.example's unit ou-mn with
// `partner_hei_id`: one student-studies condition, outgoing, 2027/2028–2029/2030.
http::HeaderList new_agreement_form(const std::string& csrf, const std::string& partner_hei_id, const std::string& iia_code,
                                    const std::string& reason);

bool contains(const std::string& text, const std::string& part);

// The row of the partners' table (GET /partners) about `hei_id`, from its id to the row's end; ""
// when there is none.
std::string partner_row(const std::string& page, const std::string& hei_id);

// How many times `part` occurs in `text`, overlapping occurrences included.
size_t occurrences(const std::string& text, const std::string& part);

// A visitor of `base` logged in as `email` (a demo account by default password); the test fails
// when the login does not succeed.
std::unique_ptr<Visit> signed_in(const std::string& base, const std::string& email,
                                 const std::string& password = "mobility-demo");

}  // namespace mobility::testing
