#include "ewp-node/apis/omobilities-v3/omobility_xml.hpp"

#include <charconv>

#include "base/text.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/request_reader.hpp"
#include "ewp-node/xml/shared_types_reader.hpp"
#include "ewp-node/xml/shared_types_xml.hpp"
#include "ewp-node/xml/xml_writer.hpp"
#include "mobilities/mobility_rules.hpp"

namespace mobility::ewp {
namespace {

using mobilities::Mobility;
using mobilities::MobilityParty;
using mobilities::Nomination;
using mobilities::Student;

constexpr const char* kGet = ns::kOmobilitiesGetResponse;
constexpr const char* kRequest = ns::kOmobilitiesUpdateRequest;
constexpr const char* kApprove = "approve-proposal-v1";
constexpr const char* kReject = "reject-proposal-v1";
constexpr const char* kStudentStudies = "student-studies";

// ---- writing ----

void write_student(XmlElement student, const Student& data) {
  student.add_text(kGet, "given-names", data.given_names);
  student.add_text(kGet, "family-name", data.family_name);
  student.add_text(kGet, "global-id", data.global_id);
  student.add_text(kGet, "birth-date", data.birth_date);
  student.add_text(kGet, "nationality", data.citizenship);
  student.add_text(kGet, "gender", std::to_string(data.gender));
  student.add_text(kGet, "email", data.email);
}

void write_party(XmlElement& nomination, const char* name, const MobilityParty& party) {
  XmlElement element = nomination.add(kGet, name);
  element.add_text(kGet, "hei-id", party.hei_id);
  add_optional_text(element, kGet, "ounit-id", party.ounit_id);
  add_optional_text(element, kGet, "iia-id", party.iia_id);
}

void write_nomination(XmlElement nomination, const Nomination& data) {
  nomination.set_attribute("proposal-id", mobilities::nomination_proposal_id(data));
  write_party(nomination, "sending-hei", data.sending);
  write_party(nomination, "receiving-hei", data.receiving);
  if (data.sending_academic_term_id) {
    nomination.add_text(kGet, "sending-academic-term-ewp-id", *data.sending_academic_term_id);
  } else {
    nomination.add(kGet, "non-standard-mobility-period");
  }
  nomination.add_text(kGet, "receiving-academic-year-id", data.receiving_academic_year_id);
  nomination.add_text(kGet, "activity-type", kStudentStudies);
  nomination.add_text(kGet, "activity-attributes", mobilities::activity_attributes_name(data.activity_attributes));
  nomination.add_text(kGet, "agreement-isced-f-code", data.agreement_isced_f_code);
  nomination.add_text(kGet, "eqf-level-studied-at-departure", std::to_string(data.eqf_level_at_departure));
  nomination.add_text(kGet, "nominee-isced-f-code", data.nominee_isced_f_code);
  add_optional_text(nomination, kGet, "comment", data.comment);
}

void write_mobility(XmlElement& root, const Mobility& mobility) {
  XmlElement element = root.add(kGet, "student-mobility");
  element.add_text(kGet, "omobility-id", mobility.omobility_id);
  write_student(element.add(kGet, "student"), mobility.student);
  write_nomination(element.add(kGet, "nomination"), mobility.nomination);
  element.add_text(kGet, "status", mobilities::nomination_status_name(mobility.status));
}

std::string success_messages_xml(const char* ns_uri, const char* root_name, const std::vector<std::string>& messages) {
  XmlDocument doc(ns_uri, root_name);
  doc.declare(ns::kCommonTypes, "ewp");
  XmlElement root = doc.root();
  for (const std::string& message : messages) root.add_text(ns::kCommonTypes, "success-user-message", message);
  return doc.serialize();
}

// ---- reading ----

std::optional<std::string> optional_text(xmlNodePtr parent, const char* name) {
  xmlNodePtr child = first_child_element(parent, kGet, name);
  if (child == nullptr) return std::nullopt;
  return element_text(child);
}

Result<std::string> required_text(xmlNodePtr parent, const char* name) {
  xmlNodePtr child = first_child_element(parent, kGet, name);
  if (child == nullptr) {
    return Status::invalid_argument("no <" + std::string(name) + "> in <" + reinterpret_cast<const char*>(parent->name) + ">");
  }
  return element_text(child);
}

Result<int> required_number(xmlNodePtr parent, const char* name) {
  auto text = required_text(parent, name);
  if (!text) return text.status();
  int value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) {
    return Status::invalid_argument("<" + std::string(name) + "> '" + excerpt(*text, 40) + "' is not a number");
  }
  return value;
}

// The name without xml:lang, else the first: the domain keeps one form of each name.
Result<std::string> preferred_name(xmlNodePtr student, const char* name) {
  std::vector<xmlNodePtr> names = child_elements(student, kGet, name);
  if (names.empty()) return Status::invalid_argument("no <" + std::string(name) + "> in <student>");
  for (xmlNodePtr element : names) {
    if (xml_language(element).empty()) return element_text(element);
  }
  return element_text(names.front());
}

Result<Student> read_student(xmlNodePtr element) {
  Student student;
  for (auto [name, slot] : {std::pair{"given-names", &student.given_names}, std::pair{"family-name", &student.family_name}}) {
    auto text = preferred_name(element, name);
    if (!text) return text.status();
    *slot = *text;
  }
  for (auto [name, slot] : {std::pair{"global-id", &student.global_id}, std::pair{"birth-date", &student.birth_date},
                            std::pair{"nationality", &student.citizenship}, std::pair{"email", &student.email}}) {
    auto text = required_text(element, name);
    if (!text) return text.status();
    *slot = *text;
  }
  auto gender = required_number(element, "gender");
  if (!gender) return gender.status();
  student.gender = *gender;
  return student;
}

Result<MobilityParty> read_party(xmlNodePtr nomination, const char* name) {
  xmlNodePtr element = first_child_element(nomination, kGet, name);
  if (element == nullptr) return Status::invalid_argument("no <" + std::string(name) + "> in <nomination>");
  MobilityParty party;
  auto hei_id = required_text(element, "hei-id");
  if (!hei_id) return hei_id.status();
  party.hei_id = *hei_id;
  party.ounit_id = optional_text(element, "ounit-id");
  party.iia_id = optional_text(element, "iia-id");
  return party;
}

Status read_activity(xmlNodePtr element, Nomination& nomination) {
  auto type = required_text(element, "activity-type");
  if (!type) return type.status();
  if (*type != kStudentStudies) {
    return Status::invalid_argument("<activity-type> '" + excerpt(*type, 40) + "' is not student-studies");
  }
  auto attributes_text = required_text(element, "activity-attributes");
  if (!attributes_text) return attributes_text.status();
  auto attributes = mobilities::activity_attributes_from_name(*attributes_text);
  if (!attributes) {
    return Status::invalid_argument("<activity-attributes> '" + excerpt(*attributes_text, 40) +
                                    "' is not long-term, short-term-blended or short-term-doctoral");
  }
  nomination.activity_attributes = *attributes;
  return Status::ok();
}

Status read_parties_and_period(xmlNodePtr element, Nomination& nomination) {
  auto sending = read_party(element, "sending-hei");
  if (!sending) return sending.status();
  nomination.sending = *sending;
  auto receiving = read_party(element, "receiving-hei");
  if (!receiving) return receiving.status();
  nomination.receiving = *receiving;
  nomination.sending_academic_term_id = optional_text(element, "sending-academic-term-ewp-id");
  if (!nomination.sending_academic_term_id && first_child_element(element, kGet, "non-standard-mobility-period") == nullptr) {
    return Status::invalid_argument("no <sending-academic-term-ewp-id> or <non-standard-mobility-period>");
  }
  auto year = required_text(element, "receiving-academic-year-id");
  if (!year) return year.status();
  nomination.receiving_academic_year_id = *year;
  return Status::ok();
}

Result<Nomination> read_nomination(xmlNodePtr element) {
  Nomination nomination;
  if (Status parties = read_parties_and_period(element, nomination); !parties) return parties;
  if (Status activity = read_activity(element, nomination); !activity) return activity;
  for (auto [name, slot] : {std::pair{"agreement-isced-f-code", &nomination.agreement_isced_f_code},
                            std::pair{"nominee-isced-f-code", &nomination.nominee_isced_f_code}}) {
    auto text = required_text(element, name);
    if (!text) return text.status();
    *slot = *text;
  }
  auto eqf = required_number(element, "eqf-level-studied-at-departure");
  if (!eqf) return eqf.status();
  nomination.eqf_level_at_departure = *eqf;
  nomination.comment = optional_text(element, "comment");
  return nomination;
}

Status read_mobility_fields(xmlNodePtr element, PartnerMobility& read) {
  xmlNodePtr student = first_child_element(element, kGet, "student");
  if (student == nullptr) return Status::invalid_argument("no <student>");
  auto student_data = read_student(student);
  if (!student_data) return student_data.status();
  read.mobility.student = *student_data;
  xmlNodePtr nomination = first_child_element(element, kGet, "nomination");
  if (nomination == nullptr) return Status::invalid_argument("no <nomination>");
  auto nomination_data = read_nomination(nomination);
  if (!nomination_data) return nomination_data.status();
  read.mobility.nomination = *nomination_data;
  read.proposal_id = unqualified_attribute_value(nomination, "proposal-id");
  auto status_text = required_text(element, "status");
  if (!status_text) return status_text.status();
  auto status = mobilities::nomination_status_from_name(*status_text);
  if (!status) {
    return Status::invalid_argument("<status> '" + excerpt(*status_text, 40) +
                                    "' is not pending, approved, rejected or cancelled");
  }
  read.mobility.status = *status;
  return Status::ok();
}

Result<PartnerMobility> read_mobility(xmlNodePtr element) {
  PartnerMobility read;
  auto id = required_text(element, "omobility-id");
  if (!id) return id.status();
  read.mobility.omobility_id = *id;
  if (Status fields = read_mobility_fields(element, read); !fields) {
    return fields.with_context("<student-mobility> '" + excerpt(*id, 80) + "'");
  }
  return read;
}

}  // namespace

std::string omobilities_get_response_xml(const std::vector<Mobility>& mobilities) {
  XmlDocument doc(kGet, "omobilities-get-response");
  XmlElement root = doc.root();
  for (const Mobility& mobility : mobilities) write_mobility(root, mobility);
  return doc.serialize();
}

Result<std::vector<PartnerMobility>> read_omobilities_get_response(std::string_view xml) {
  auto doc = parse_answer(xml, kGet, "omobilities-get-response", "OMobilities v3");
  if (!doc) return doc.status();
  std::vector<PartnerMobility> mobilities;
  for (xmlNodePtr element : child_elements(xmlDocGetRootElement(doc->get()), kGet, "student-mobility")) {
    auto mobility = read_mobility(element);
    if (!mobility) return mobility.status();
    mobilities.push_back(std::move(mobility.value()));
  }
  return mobilities;
}

std::string omobilities_index_response_xml(const std::vector<std::string>& omobility_ids) {
  XmlDocument doc(ns::kOmobilitiesIndexResponse, "omobilities-index-response");
  XmlElement root = doc.root();
  for (const std::string& id : omobility_ids) root.add_text(ns::kOmobilitiesIndexResponse, "omobility-id", id);
  return doc.serialize();
}

Result<std::vector<std::string>> read_omobilities_index_response(std::string_view xml) {
  auto doc = parse_answer(xml, ns::kOmobilitiesIndexResponse, "omobilities-index-response", "OMobilities v3 index");
  if (!doc) return doc.status();
  std::vector<std::string> ids;
  for (xmlNodePtr id : child_elements(xmlDocGetRootElement(doc->get()), ns::kOmobilitiesIndexResponse, "omobility-id")) {
    ids.push_back(element_text(id));
  }
  return ids;
}

Result<OMobilityUpdateRequest> read_omobility_update_request(std::string_view xml) {
  auto doc = parse_update_request(xml, kRequest, "omobilities-update-request");
  if (!doc) return doc.status();
  auto update = update_element(xmlDocGetRootElement(doc->get()), kRequest, {kApprove, kReject});
  if (!update) return update.status();
  OMobilityUpdateRequest request;
  request.type =
      is_element(*update, kRequest, kReject) ? OMobilityUpdateRequest::Type::kReject : OMobilityUpdateRequest::Type::kApprove;
  auto omobility_id = required_child_text(*update, kRequest, "omobility-id");
  if (!omobility_id) return omobility_id.status();
  request.omobility_id = *omobility_id;
  auto proposal_id = required_child_text(*update, kRequest, "proposal-id");
  if (!proposal_id) return proposal_id.status();
  request.proposal_id = *proposal_id;
  if (request.type == OMobilityUpdateRequest::Type::kReject) {
    auto comment = required_child_text(*update, kRequest, "comment");
    if (!comment) return comment.status();
    request.comment = *comment;
  }
  return request;
}

std::string omobility_update_request_xml(const OMobilityUpdateRequest& request) {
  XmlDocument doc(kRequest, "omobilities-update-request");
  bool reject = request.type == OMobilityUpdateRequest::Type::kReject;
  XmlElement update = doc.root().add(kRequest, reject ? kReject : kApprove);
  update.add_text(kRequest, "omobility-id", request.omobility_id);
  update.add_text(kRequest, "proposal-id", request.proposal_id);
  if (reject) update.add_text(kRequest, "comment", request.comment.value_or(""));
  return doc.serialize();
}

std::string omobilities_update_response_xml(const std::vector<std::string>& success_messages) {
  return success_messages_xml(ns::kOmobilitiesUpdateResponse, "omobilities-update-response", success_messages);
}

}  // namespace mobility::ewp
