#include "ewp-node/xml/tor_get_response.hpp"

#include "base/pattern.hpp"
#include "base/text.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/shared_types_reader.hpp"
#include "ewp-node/xml/shared_types_xml.hpp"
#include "ewp-node/xml/xml_writer.hpp"

namespace mobility::ewp {
namespace {

using mobilities::GradeFrequency;
using mobilities::IscedTable;
using mobilities::TranscriptOfRecords;

constexpr const char* kRoot = "imobility-tors-get-response";

Result<std::vector<IscedTable>> read_grade_conversion(const TorResponseFormat& format, xmlNodePtr tor) {
  std::vector<IscedTable> tables;
  xmlNodePtr table_list = first_child_element(tor, format.response_ns, "gradeConversionTable");
  for (xmlNodePtr table : child_elements(table_list, format.response_ns, "iscedTable")) {
    IscedTable isced{attribute_value(table, "iscedCode"), {}};
    for (xmlNodePtr frequency : child_elements(table, format.response_ns, "gradeFrequency")) {
      std::string percentage = attribute_value(frequency, "percentage");
      if (percentage.size() > 40 || !matches(percentage, "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)")) {
        return Status::invalid_argument("a <gradeFrequency> percentage '" + excerpt(percentage, 40) + "' is not a decimal");
      }
      isced.frequencies.push_back({attribute_value(frequency, "label"), percentage});
    }
    tables.push_back(std::move(isced));
  }
  return tables;
}

}  // namespace

std::string tor_get_response_xml(const TorResponseFormat& format, const std::vector<TranscriptOfRecords>& tors) {
  const char* elmo_ns = elmo_namespace(format.elmo);
  XmlDocument doc(format.response_ns, kRoot);
  doc.declare(elmo_ns, "elmo");
  XmlElement root = doc.root();
  for (const TranscriptOfRecords& tor : tors) {
    XmlElement tor_element = root.add(format.response_ns, "tor");
    tor_element.add_text(format.response_ns, "omobility-id", tor.omobility_id);
    if (format.has_academic_year) {
      add_optional_text(tor_element, format.response_ns, "receiving-academic-year-id", tor.receiving_academic_year_id);
    }
    XmlElement elmo = tor_element.add(elmo_ns, "elmo");
    write_elmo(elmo, tor.elmo, format.elmo);
    if (tor.grade_conversion.empty()) continue;
    XmlElement table_list = tor_element.add(format.response_ns, "gradeConversionTable");
    for (const IscedTable& table : tor.grade_conversion) {
      XmlElement table_element = table_list.add(format.response_ns, "iscedTable");
      table_element.set_attribute("iscedCode", table.isced_code);
      for (const GradeFrequency& frequency : table.frequencies) {
        table_element.add(format.response_ns, "gradeFrequency")
            .set_attribute("label", frequency.label)
            .set_attribute("percentage", frequency.percentage);
      }
    }
  }
  return doc.serialize();
}

Result<std::vector<TranscriptOfRecords>> read_tor_get_response(const TorResponseFormat& format, std::string_view xml) {
  auto doc = parse_answer(xml, format.response_ns, kRoot, format.api);
  if (!doc) return doc.status();
  std::vector<TranscriptOfRecords> tors;
  for (xmlNodePtr tor_element : child_elements(xmlDocGetRootElement(doc->get()), format.response_ns, "tor")) {
    TranscriptOfRecords tor;
    auto omobility_id = optional_child_text(tor_element, format.response_ns, "omobility-id");
    if (!omobility_id) return Status::invalid_argument("a <tor> has no <omobility-id>");
    tor.omobility_id = *omobility_id;
    if (format.has_academic_year) {
      tor.receiving_academic_year_id = optional_child_text(tor_element, format.response_ns, "receiving-academic-year-id");
      if (!tor.receiving_academic_year_id) return Status::invalid_argument("a <tor> has no <receiving-academic-year-id>");
    }
    xmlNodePtr elmo = first_child_element(tor_element, elmo_namespace(format.elmo), "elmo");
    if (elmo == nullptr) return Status::invalid_argument("a <tor> has no <elmo>");
    auto transcript = read_elmo(elmo, format.elmo);
    if (!transcript)
      return Status::invalid_argument("<tor> '" + excerpt(tor.omobility_id, 64) + "': " + transcript.status().message());
    tor.elmo = std::move(*transcript);
    auto tables = read_grade_conversion(format, tor_element);
    if (!tables) return tables.status();
    tor.grade_conversion = std::move(*tables);
    tors.push_back(std::move(tor));
  }
  return tors;
}

}  // namespace mobility::ewp
