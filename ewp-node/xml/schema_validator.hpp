// Validates XML documents against the official EWP schemas, offline.
//
// A SchemaValidator compiles one or more XSD files into one schema set (so that elements the
// main schema accepts laxly, such as manifest API entries, are validated too when their schema
// is in the set). schemaLocation URLs are resolved through an XML catalog (the specification
// bundle's catalog.xml); nothing is fetched from the network.
//
// Thread safety: load() once; validate() may then run in many threads at once (each call uses
// its own validation context on the shared, read-only compiled schema).
#pragma once

#include <libxml/xmlschemas.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace mobility::ewp {

class SchemaValidator {
 public:
  // `xsd_paths`: absolute paths; `catalog_path`: an XML catalog file, loaded once per process.
  static Result<SchemaValidator> load(const std::vector<std::string>& xsd_paths, const std::string& catalog_path);

  // ok, or invalid_argument listing the first problems with their line numbers.
  Status validate(std::string_view xml) const;

 private:
  explicit SchemaValidator(std::shared_ptr<xmlSchema> schema) : schema_(std::move(schema)) {}
  std::shared_ptr<xmlSchema> schema_;
};

// Parses untrusted XML safely: no network, no DTD loading, no entity expansion. Null on error.
std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> parse_untrusted_xml(std::string_view xml);

}  // namespace mobility::ewp
