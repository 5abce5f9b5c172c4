#include "tests/support/web_visit.hpp"

#include <gtest/gtest.h>

#include <re2/re2.h>

#include "ewp-node/client/ewp_client.hpp"

namespace mobility::testing {

HttpReply Visit::get(const std::string& path) { return remember(client_.get(base_ + path, headers())); }

HttpReply Visit::post(const std::string& path, const http::HeaderList& fields) {
  return post_body(path, "application/x-www-form-urlencoded", ewp::encode_form(fields));
}

HttpReply Visit::post_multipart(const std::string& path, const http::HeaderList& fields,
                                const std::vector<http::FormPart>& files) {
  const std::string boundary = "----MobilityTestBoundary7MA4YWxkTrZu0gW";
  auto quoted = [](const std::string& text) {  // as curl quotes names: \ before " and \ itself
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    return quoted + "\"";
  };
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=" + quoted(name) + "\r\n\r\n" + value + "\r\n";
  }
  for (const auto& file : files) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=" + quoted(file.name) +
            "; filename=" + quoted(file.filename.value_or("")) + "\r\n";
    if (!file.content_type.empty()) body += "Content-Type: " + file.content_type + "\r\n";
    body += "\r\n" + file.body + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return post_body(path, "multipart/form-data; boundary=" + boundary, body);
}

HttpReply Visit::post_body(const std::string& path, const std::string& content_type, const std::string& body) {
  auto list = headers();
  list.push_back("Content-Type: " + content_type);
  return remember(client_.request("POST", base_ + path, body, list));
}

std::string Visit::csrf() const {
  std::string token;
  return RE2::PartialMatch(last_body_, R"re(name="csrf" value="([^"]*)")re", &token) ? token : "";
}

HttpReply Visit::log_in(const std::string& email, const std::string& password) {
  get("/login");
  return post("/login", {{"csrf", csrf()}, {"email", email}, {"password", password}});
}

std::vector<std::string> Visit::headers() const {
  std::string cookie_header;
  for (const auto& [name, value] : cookies) cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  std::vector<std::string> list = {"Accept-Language: " + language_};
  if (!cookie_header.empty()) list.push_back("Cookie: " + cookie_header);
  return list;
}

HttpReply Visit::remember(Result<HttpReply> reply) {
  EXPECT_TRUE(reply) << reply.status().to_string();
  if (!reply) return {};
  for (const std::string& line : reply->header_lines) {
    if (line.rfind("Set-Cookie:", 0) != 0 && line.rfind("set-cookie:", 0) != 0) continue;
    std::string pair = line.substr(12, line.find(';') - 12);
    std::string name = pair.substr(0, pair.find('=')), value = pair.substr(pair.find('=') + 1);
    if (line.find("Max-Age=0") != std::string::npos) {
      cookies.erase(name);
    } else {
      cookies[name] = value;
    }
  }
  last_body_ = reply->body;
  return *reply;
}

namespace {

std::string unescape_html(std::string text) {
  for (const auto& [entity, character] :
       {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
      text.replace(at, std::string_view(entity).size(), character);
    }
  }
  return text;
}

std::string attribute(const std::string& tag, const std::string& name) {
  std::string value;
  return RE2::PartialMatch(tag, RE2(" " + name + R"re(="([^"]*)")re"), &value) ? unescape_html(value) : "";
}

}  // namespace

std::unique_ptr<Visit> signed_in(const std::string& base, const std::string& email, const std::string& password) {
  auto visit = std::make_unique<Visit>(base);
  EXPECT_EQ(visit->log_in(email, password).status, 303) << email;
  return visit;
}

http::HeaderList with(http::HeaderList fields, const std::string& name, const std::string& value) {
  for (auto& [key, current] : fields) {
    if (key == name) {
      current = value;
      return fields;
    }
  }
  fields.emplace_back(name, value);
  return fields;
}

http::HeaderList new_agreement_form(const std::string& csrf, const std::string& partner_hei_id, const std::string& iia_code,
                                    const std::string& reason) {
  return {{"csrf", csrf},
          {"partner_hei_id", partner_hei_id},
          {"iia_code", iia_code},
          {"ounit_id", "ou-mn"},
          {"spec_count", "1"},
          {"spec0_type", "student-studies"},
          {"spec0_direction", "outgoing"},
          {"spec0_first_year", "2027/2028"},
          {"spec0_last_year", "2029/2030"},
          {"spec0_mobilities", "2"},
          {"spec0_languages", "en B2, it B1"},
          {"spec0_isced", "0613 Software development\n0541"},
          {"spec0_eqf", "6, 7"},
          {"spec0_months", "5"},
          {"reason", reason}};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string partner_row(const std::string& page, const std::string& hei_id) {
  size_t at = page.find("<small>" + hei_id + "</small>");
  if (at == std::string::npos) return "";
  return page.substr(at, page.find("</tr>", at) - at);
}

size_t occurrences(const std::string& text, const std::string& part) {
  size_t found = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
  return found;
}

http::HeaderList form_fields(const std::string& html, const std::string& action) {
  size_t start = html.find("action=\"" + action + "\"");
  if (start == std::string::npos) return {};
  std::string form = html.substr(start, html.find("</form>", start) - start);
  http::HeaderList fields;
  static const RE2 control(R"((<input[^>]*>|<textarea[^>]*>([^<]*)</textarea>|<select[^>]*>((?s:.)*?)</select>))");
  re2::StringPiece rest(form);
  std::string tag, text, options;
  while (RE2::FindAndConsume(&rest, control, &tag, &text, &options)) {
    std::string name = attribute(tag, "name");
    if (tag.starts_with("<textarea")) {
      fields.emplace_back(name, unescape_html(text));
    } else if (tag.starts_with("<select")) {
      std::string chosen;
      bool selected = RE2::PartialMatch(options, R"re(<option value="([^"]*)" selected>)re", &chosen);
      fields.emplace_back(name, selected ? unescape_html(chosen) : attribute(options, "value"));
    } else if (attribute(tag, "type") != "checkbox" || tag.find(" checked") != std::string::npos) {
      fields.emplace_back(name, attribute(tag, "value"));
    }
  }
  return fields;
}

}  // namespace mobility::testing
