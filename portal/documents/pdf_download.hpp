// A rendered PDF or a stored file as the answer to a download: 200, its type, and
// Content-Disposition: attachment with a file name that is safe in any browser and file system.
#pragma once

#include <string>
#include <string_view>

#include "http/message.hpp"

namespace mobility::portal::documents {

// `name` with every character but ASCII letters, digits, '.', '-' and '_' turned into '-', at
// most 120 characters, never starting with '.', ending in `extension`: "la-fjordland-demo-1-v2.pdf".
std::string safe_file_name(std::string_view name, std::string_view extension = ".pdf");

http::Response pdf_download(std::string bytes, std::string_view file_name);

// Any stored file as a download: 200, `media_type`, and Content-Disposition: attachment with the
// name twice (RFC 6266): filename= safe_file_name's ASCII (keeping the name's own extension) for
// old browsers, filename*=UTF-8'' the name itself percent-encoded. The site adds
// X-Content-Type-Options: nosniff to every answer, so no browser takes it for another type.
http::Response file_download(std::string bytes, std::string_view media_type, std::string_view file_name);

}  // namespace mobility::portal::documents
