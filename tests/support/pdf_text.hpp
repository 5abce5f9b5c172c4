// The PDFs we render, read back by independent tools: poppler's pdftotext and pdfinfo
// (poppler-utils, ops/packages-test.txt), run as child processes. A tool that fails makes the
// calling test fail.
#pragma once

#include <string>

namespace mobility::testing {

// The text of `pdf` in reading order, every run of white space as one space.
std::string pdf_text(const std::string& pdf);

// pdfinfo's report of `pdf`, dates as ISO 8601: "Pages:          3", "CreationDate:    2026-03-01T10:00:00Z".
std::string pdf_info(const std::string& pdf);

}  // namespace mobility::testing
