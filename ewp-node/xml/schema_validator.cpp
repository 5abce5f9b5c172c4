#include "ewp-node/xml/schema_validator.hpp"

#include <libxml/catalog.h>
#include <libxml/parser.h>

#include <mutex>

namespace mobility::ewp {
namespace {

constexpr int kMaxReportedErrors = 5;

// Collects libxml2's structured errors of one operation as "line N: message" lines.
struct ErrorCollector {
  std::vector<std::string> lines;

  static void collect(void* context, xmlErrorPtr error) {
    auto* self = static_cast<ErrorCollector*>(context);
    if (self->lines.size() >= kMaxReportedErrors || error == nullptr || error->message == nullptr) return;
    std::string message = error->message;
    while (!message.empty() && message.back() == '\n') message.pop_back();
    self->lines.push_back("line " + std::to_string(error->line) + ": " + message);
  }

  std::string joined() const {
    std::string text;
    for (const auto& line : lines) text += (text.empty() ? "" : "; ") + line;
    return text.empty() ? "unknown error" : text;
  }
};

// The targetNamespace of the schema file at `path`, or "" when it has none or cannot be read.
std::string target_namespace(const std::string& path) {
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET), xmlFreeDoc);
  if (!doc) return "";
  xmlChar* value = xmlGetProp(xmlDocGetRootElement(doc.get()), reinterpret_cast<const xmlChar*>("targetNamespace"));
  if (value == nullptr) return "";
  std::string text = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return text;
}

// An in-memory schema that imports every file, so that they compile into one set.
std::string umbrella_schema(const std::vector<std::string>& xsd_paths) {
  std::string text = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">";
  for (const auto& path : xsd_paths) {
    text += "<xs:import namespace=\"" + target_namespace(path) + "\" schemaLocation=\"file://" + path + "\"/>";
  }
  return text + "</xs:schema>";
}

}  // namespace

std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> parse_untrusted_xml(std::string_view xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "message.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  return {doc, xmlFreeDoc};
}

Result<SchemaValidator> SchemaValidator::load(const std::vector<std::string>& xsd_paths, const std::string& catalog_path) {
  static std::once_flag catalog_once;
  std::call_once(catalog_once, [&] {
    xmlInitParser();
    xmlLoadCatalog(catalog_path.c_str());
  });
  ErrorCollector errors;
  // The parser reads the umbrella text lazily: it must outlive xmlSchemaParse().
  const std::string umbrella = xsd_paths.size() == 1 ? "" : umbrella_schema(xsd_paths);
  xmlSchemaParserCtxtPtr parser = xsd_paths.size() == 1
                                      ? xmlSchemaNewParserCtxt(xsd_paths.front().c_str())
                                      : xmlSchemaNewMemParserCtxt(umbrella.data(), static_cast<int>(umbrella.size()));
  if (parser == nullptr) return Status::internal("cannot create a schema parser");
  xmlSchemaSetParserStructuredErrors(parser, ErrorCollector::collect, &errors);
  xmlSchemaPtr schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  if (schema == nullptr) return Status::invalid_argument("cannot compile the schema: " + errors.joined());
  return SchemaValidator(std::shared_ptr<xmlSchema>(schema, xmlSchemaFree));
}

Status SchemaValidator::validate(std::string_view xml) const {
  auto doc = parse_untrusted_xml(xml);
  if (!doc) return Status::invalid_argument("not well-formed XML");
  ErrorCollector errors;
  std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> context(xmlSchemaNewValidCtxt(schema_.get()),
                                                                                 xmlSchemaFreeValidCtxt);
  xmlSchemaSetValidStructuredErrors(context.get(), ErrorCollector::collect, &errors);
  if (xmlSchemaValidateDoc(context.get(), doc.get()) != 0) return Status::invalid_argument("not valid: " + errors.joined());
  return Status::ok();
}

}  // namespace mobility::ewp
