#include "ewp-node/apis/omobility-las-v1/la_xml.hpp"

#include <charconv>
#include <map>

#include "base/pattern.hpp"
#include "base/text.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/request_reader.hpp"
#include "ewp-node/xml/shared_types_xml.hpp"
#include "ewp-node/xml/xml_writer.hpp"
#include "mobilities/la_rules.hpp"

namespace mobility::ewp {
namespace {

using mobilities::ActivityAttributes;
using mobilities::ChangeStatus;
using mobilities::Component;
using mobilities::ComponentList;
using mobilities::ComponentTable;
using mobilities::LaVersion;
using mobilities::LearningAgreement;
using mobilities::MobilityParty;
using mobilities::Signature;
using mobilities::Student;
using mobilities::StudentChanges;

constexpr const char* kLa = ns::kOmobilityLasGetResponse;
constexpr const char* kTrm = ns::kAcademicTermV2;
constexpr const char* kRequest = ns::kOmobilityLasUpdateRequest;
constexpr const char* kApprove = "approve-proposal-v1";
constexpr const char* kComment = "comment-proposal-v1";

constexpr const char* kReasonCodes[] = {"not-available",        "language-mismatch",  "timetable-conflict",
                                        "substituting-deleted", "extending-mobility", "adding-virtual-component"};

// A planned date the learning agreement may give without its day (xs:gYearMonth).
bool is_year_month(const std::string& date) { return matches(date, "-?[0-9]{4,}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?"); }

// ---- writing ----

void add_nonempty_text(XmlElement& parent, const char* name, const std::string& text) {
  if (!text.empty()) parent.add_text(kLa, name, text);
}

void write_student(XmlElement student, const Student& data) {
  add_nonempty_text(student, "given-names", data.given_names);
  add_nonempty_text(student, "family-name", data.family_name);
  add_nonempty_text(student, "global-id", data.global_id);
  add_nonempty_text(student, "birth-date", data.birth_date);
  add_nonempty_text(student, "citizenship", data.citizenship);
  student.add_text(kLa, "gender", std::to_string(data.gender));
  add_nonempty_text(student, "email", data.email);
}

void write_student_changes(XmlElement student, const StudentChanges& changes) {
  add_optional_text(student, kLa, "given-names", changes.given_names);
  add_optional_text(student, kLa, "family-name", changes.family_name);
  add_optional_text(student, kLa, "global-id", changes.global_id);
  add_optional_text(student, kLa, "birth-date", changes.birth_date);
  add_optional_text(student, kLa, "citizenship", changes.citizenship);
  if (changes.gender) student.add_text(kLa, "gender", std::to_string(*changes.gender));
  add_optional_text(student, kLa, "email", changes.email);
}

void write_party(XmlElement& la, const char* name, const MobilityParty& party) {
  XmlElement element = la.add(kLa, name);
  element.add_text(kLa, "hei-id", party.hei_id);
  add_optional_text(element, kLa, "ounit-name", party.ounit_name);
  add_optional_text(element, kLa, "ounit-id", party.ounit_id);
  if (!party.contact) return;
  XmlElement contact = element.add(kLa, "contact-person");
  contact.add_text(kLa, "given-names", party.contact->given_names);
  contact.add_text(kLa, "family-name", party.contact->family_name);
  contact.add_text(kLa, "email", party.contact->email);
}

// start-date or start-year-month (likewise end-).
void write_period_bound(XmlElement& la, const std::string& bound, const std::optional<std::string>& date) {
  if (!date) return;
  la.add_text(kLa, bound + (is_year_month(*date) ? "-year-month" : "-date"), *date);
}

const char* change_status_name(ChangeStatus change) {
  switch (change) {
    case ChangeStatus::kInserted: return "inserted";
    case ChangeStatus::kDeleted: return "deleted";
    case ChangeStatus::kUnchanged: return "";
  }
  return "";
}

void write_component(XmlElement& list, const Component& component) {
  XmlElement element = list.add(kLa, "component");
  if (component.change != ChangeStatus::kUnchanged) element.set_attribute("status", change_status_name(component.change));
  if (component.reason_code) element.set_attribute("reason-code", *component.reason_code);
  if (component.reason_text) element.set_attribute("reason-text", *component.reason_text);
  add_optional_text(element, kLa, "los-id", component.los_id);
  add_optional_text(element, kLa, "los-code", component.los_code);
  element.add_text(kLa, "title", component.title);
  add_optional_text(element, kLa, "loi-id", component.loi_id);
  if (component.term) {
    XmlElement term = element.add(kLa, "term-id");
    term.add_text(kTrm, "term-number", std::to_string(component.term->term_number));
    term.add_text(kTrm, "total-terms", std::to_string(component.term->total_terms));
  }
  for (const mobilities::Credit& credit : component.credits) {
    XmlElement element_credit = element.add(kLa, "credit");
    element_credit.add_text(kLa, "scheme", credit.scheme);
    element_credit.add_text(kLa, "value", credit.value);
  }
  add_optional_text(element, kLa, "recognition-conditions", component.recognition_conditions);
  add_optional_text(element, kLa, "short-description", component.short_description);
}

// The children of a la:Signature; `element` may be in another namespace (the update request's).
void write_signature(XmlElement element, const Signature& signature) {
  add_optional_text(element, kLa, "signer-name", signature.signer_name);
  add_optional_text(element, kLa, "signer-position", signature.signer_position);
  add_optional_text(element, kLa, "signer-email", signature.signer_email);
  element.add_text(kLa, "timestamp", signature.timestamp);
  add_optional_text(element, kLa, "signer-app", signature.signer_app);
}

void write_version(XmlElement version, const LaVersion& data) {
  for (const ComponentList& list : data.tables) {
    XmlElement element = version.add(kLa, mobilities::component_table_name(list.table));
    for (const Component& component : list.components) write_component(element, component);
  }
  if (data.student_signature) write_signature(version.add(kLa, "student-signature"), *data.student_signature);
  if (data.sending_signature) write_signature(version.add(kLa, "sending-hei-signature"), *data.sending_signature);
  if (data.receiving_signature) write_signature(version.add(kLa, "receiving-hei-signature"), *data.receiving_signature);
}

void write_changes_proposal(XmlElement& la, const LearningAgreement& agreement) {
  const LaVersion& proposal = *agreement.changes_proposal;
  XmlElement element = la.add(kLa, "changes-proposal");
  element.set_attribute("id", agreement.changes_proposal_id.value_or(mobilities::changes_proposal_id(proposal)));
  write_version(element, proposal);
  if (proposal.student_changes) write_student_changes(element.add(kLa, "student"), *proposal.student_changes);
}

void write_la(XmlElement& root, const LearningAgreement& agreement) {
  const mobilities::Mobility& mobility = agreement.mobility;
  XmlElement la = root.add(kLa, "la");
  la.add_text(kLa, "omobility-id", mobility.omobility_id);
  write_party(la, "sending-hei", mobility.nomination.sending);
  write_party(la, "receiving-hei", mobility.nomination.receiving);
  la.add_text(kLa, "receiving-academic-year-id", mobility.nomination.receiving_academic_year_id);
  write_student(la.add(kLa, "student"), mobility.student);
  write_period_bound(la, "start", mobility.planned_arrival_date);
  write_period_bound(la, "end", mobility.planned_departure_date);
  la.add_text(kLa, "eqf-level-studied-at-departure", std::to_string(mobility.nomination.eqf_level_at_departure));
  la.add_text(kLa, "isced-f-code", mobility.nomination.nominee_isced_f_code);
  add_optional_text(la, kLa, "isced-clarification", mobility.isced_clarification);
  if (mobility.language_skill) {
    XmlElement skill = la.add(kLa, "student-language-skill");
    skill.add_text(kLa, "language", mobility.language_skill->language);
    skill.add_text(kLa, "cefr-level", mobility.language_skill->cefr_level);
  }
  if (agreement.first_version) write_version(la.add(kLa, "first-version"), *agreement.first_version);
  if (agreement.approved_changes) write_version(la.add(kLa, "approved-changes"), *agreement.approved_changes);
  if (agreement.changes_proposal) write_changes_proposal(la, agreement);
  add_optional_text(la, kLa, "learning-outcomes-url", mobility.learning_outcomes_url);
  add_optional_text(la, kLa, "provisions-url", mobility.provisions_url);
}

void add_missing_signatures(std::vector<std::string>& missing, const std::string& version_name, const LaVersion& version,
                            bool receiving_required) {
  if (!version.student_signature) missing.push_back(version_name + "/student-signature");
  if (!version.sending_signature) missing.push_back(version_name + "/sending-hei-signature");
  if (receiving_required && !version.receiving_signature) missing.push_back(version_name + "/receiving-hei-signature");
}

// ---- reading ----

std::optional<std::string> optional_text(xmlNodePtr parent, const char* name) {
  xmlNodePtr child = first_child_element(parent, kLa, name);
  if (child == nullptr) return std::nullopt;
  return element_text(child);
}

Result<std::string> required_text(xmlNodePtr parent, const char* name) {
  xmlNodePtr child = first_child_element(parent, kLa, name);
  if (child == nullptr) {
    return Status::invalid_argument("no <" + std::string(name) + "> in <" + reinterpret_cast<const char*>(parent->name) + ">");
  }
  return element_text(child);
}

Result<int> read_number(xmlNodePtr element, const char* name) {
  std::string text = element_text(element);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Status::invalid_argument("<" + std::string(name) + "> '" + excerpt(text, 40) + "' is not a number");
  }
  return value;
}

Result<int> required_number(xmlNodePtr parent, const char* ns_uri, const char* name) {
  xmlNodePtr child = first_child_element(parent, ns_uri, name);
  if (child == nullptr) {
    return Status::invalid_argument("no <" + std::string(name) + "> in <" + reinterpret_cast<const char*>(parent->name) + ">");
  }
  return read_number(child, name);
}

Result<Student> read_student(xmlNodePtr element) {
  Student student;
  student.given_names = optional_text(element, "given-names").value_or("");
  student.family_name = optional_text(element, "family-name").value_or("");
  student.global_id = optional_text(element, "global-id").value_or("");
  student.birth_date = optional_text(element, "birth-date").value_or("");
  student.citizenship = optional_text(element, "citizenship").value_or("");
  student.gender = 0;
  if (xmlNodePtr gender = first_child_element(element, kLa, "gender")) {
    auto number = read_number(gender, "gender");
    if (!number) return number.status();
    student.gender = *number;
  }
  student.email = optional_text(element, "email").value_or("");
  return student;
}

Result<StudentChanges> read_student_changes(xmlNodePtr element) {
  StudentChanges changes;
  changes.given_names = optional_text(element, "given-names");
  changes.family_name = optional_text(element, "family-name");
  changes.global_id = optional_text(element, "global-id");
  changes.birth_date = optional_text(element, "birth-date");
  changes.citizenship = optional_text(element, "citizenship");
  if (xmlNodePtr gender = first_child_element(element, kLa, "gender")) {
    auto number = read_number(gender, "gender");
    if (!number) return number.status();
    changes.gender = *number;
  }
  changes.email = optional_text(element, "email");
  return changes;
}

Result<MobilityParty> read_party(xmlNodePtr la, const char* name) {
  xmlNodePtr element = first_child_element(la, kLa, name);
  if (element == nullptr) return Status::invalid_argument("no <" + std::string(name) + ">");
  MobilityParty party;
  auto hei_id = required_text(element, "hei-id");
  if (!hei_id) return hei_id.status();
  party.hei_id = *hei_id;
  party.ounit_name = optional_text(element, "ounit-name");
  party.ounit_id = optional_text(element, "ounit-id");
  if (xmlNodePtr contact = first_child_element(element, kLa, "contact-person")) {
    party.contact = mobilities::ContactPerson{optional_text(contact, "given-names").value_or(""),
                                              optional_text(contact, "family-name").value_or(""),
                                              optional_text(contact, "email").value_or("")};
  }
  return party;
}

// start-date or start-year-month (likewise end-), as written.
Result<std::string> read_period_bound(xmlNodePtr la, const std::string& bound) {
  std::string date_name = bound + "-date";
  std::string month_name = bound + "-year-month";
  if (xmlNodePtr date = first_child_element(la, kLa, date_name)) return element_text(date);
  if (xmlNodePtr month = first_child_element(la, kLa, month_name)) return element_text(month);
  return Status::invalid_argument("no <" + date_name + "> or <" + month_name + ">");
}

std::optional<std::string> known_reason_code(xmlNodePtr component) {
  std::string code = unqualified_attribute_value(component, "reason-code");
  for (const char* known : kReasonCodes) {
    if (code == known) return code;
  }
  return std::nullopt;
}

Result<Component> read_component(xmlNodePtr element) {
  Component component;
  std::string status = unqualified_attribute_value(element, "status");
  if (status == "inserted") component.change = ChangeStatus::kInserted;
  if (status == "deleted") component.change = ChangeStatus::kDeleted;
  component.reason_code = known_reason_code(element);
  if (xmlHasProp(element, reinterpret_cast<const xmlChar*>("reason-text"))) {
    component.reason_text = unqualified_attribute_value(element, "reason-text");
  }
  component.los_id = optional_text(element, "los-id");
  component.los_code = optional_text(element, "los-code");
  auto title = required_text(element, "title");
  if (!title) return title.status();
  component.title = *title;
  component.loi_id = optional_text(element, "loi-id");
  if (xmlNodePtr term = first_child_element(element, kLa, "term-id")) {
    auto number = required_number(term, kTrm, "term-number");
    if (!number) return number.status();
    auto total = required_number(term, kTrm, "total-terms");
    if (!total) return total.status();
    component.term = mobilities::TermId{*number, *total};
  }
  for (xmlNodePtr credit : child_elements(element, kLa, "credit")) {
    component.credits.push_back({optional_text(credit, "scheme").value_or(""), optional_text(credit, "value").value_or("")});
  }
  component.recognition_conditions = optional_text(element, "recognition-conditions");
  component.short_description = optional_text(element, "short-description");
  return component;
}

// The children of a la:Signature element (whose own namespace may be the update request's).
Result<Signature> read_signature(xmlNodePtr element) {
  Signature signature;
  signature.signer_name = optional_text(element, "signer-name");
  signature.signer_position = optional_text(element, "signer-position");
  signature.signer_email = optional_text(element, "signer-email");
  auto timestamp = required_child_text(element, kLa, "timestamp");
  if (!timestamp) return timestamp.status();
  signature.timestamp = *timestamp;
  signature.signer_app = optional_text(element, "signer-app");
  return signature;
}

Result<std::optional<Signature>> read_optional_signature(xmlNodePtr version, const char* name) {
  xmlNodePtr element = first_child_element(version, kLa, name);
  if (element == nullptr) return std::optional<Signature>();
  auto signature = read_signature(element);
  if (!signature) return signature.status();
  return std::optional<Signature>(*signature);
}

Result<LaVersion> read_version(xmlNodePtr element) {
  LaVersion version;
  for (ComponentTable table : mobilities::kComponentTables) {
    xmlNodePtr list = first_child_element(element, kLa, mobilities::component_table_name(table));
    if (list == nullptr) continue;
    std::vector<Component>& components = version.components_of(table);
    for (xmlNodePtr child : child_elements(list, kLa, "component")) {
      auto component = read_component(child);
      if (!component) return component.status().with_context(mobilities::component_table_name(table));
      components.push_back(*component);
    }
  }
  for (auto [name, slot] : {std::pair{"student-signature", &version.student_signature},
                            std::pair{"sending-hei-signature", &version.sending_signature},
                            std::pair{"receiving-hei-signature", &version.receiving_signature}}) {
    auto signature = read_optional_signature(element, name);
    if (!signature) return signature.status();
    *slot = *signature;
  }
  return version;
}

Status read_versions(xmlNodePtr la, LearningAgreement& agreement) {
  for (auto [name, slot] :
       {std::pair{"first-version", &agreement.first_version}, std::pair{"approved-changes", &agreement.approved_changes}}) {
    xmlNodePtr element = first_child_element(la, kLa, name);
    if (element == nullptr) continue;
    auto version = read_version(element);
    if (!version) return version.status().with_context(name);
    *slot = *version;
  }
  xmlNodePtr proposal = first_child_element(la, kLa, "changes-proposal");
  if (proposal == nullptr) return Status::ok();
  auto version = read_version(proposal);
  if (!version) return version.status().with_context("changes-proposal");
  if (xmlNodePtr student = first_child_element(proposal, kLa, "student")) {
    auto changes = read_student_changes(student);
    if (!changes) return changes.status().with_context("changes-proposal");
    version->student_changes = *changes;
  }
  agreement.changes_proposal = *version;
  agreement.changes_proposal_id = unqualified_attribute_value(proposal, "id");
  return Status::ok();
}

// The LA names no kind of mobility; its tables tell it (the index's mobility_type reads it so too).
ActivityAttributes inferred_activity(const LearningAgreement& agreement) {
  for (const auto* version : {&agreement.first_version, &agreement.approved_changes, &agreement.changes_proposal}) {
    if (!*version) continue;
    if ((*version)->components(ComponentTable::kBlended)) return ActivityAttributes::kShortTermBlended;
    if ((*version)->components(ComponentTable::kDoctoral)) return ActivityAttributes::kShortTermDoctoral;
  }
  return ActivityAttributes::kLongTerm;
}

Status read_mobility_fields(xmlNodePtr la, mobilities::Mobility& mobility) {
  auto sending = read_party(la, "sending-hei");
  if (!sending) return sending.status();
  mobility.nomination.sending = *sending;
  auto receiving = read_party(la, "receiving-hei");
  if (!receiving) return receiving.status();
  mobility.nomination.receiving = *receiving;
  auto year = required_text(la, "receiving-academic-year-id");
  if (!year) return year.status();
  mobility.nomination.receiving_academic_year_id = *year;
  xmlNodePtr student = first_child_element(la, kLa, "student");
  if (student == nullptr) return Status::invalid_argument("no <student>");
  auto student_data = read_student(student);
  if (!student_data) return student_data.status();
  mobility.student = *student_data;
  auto start = read_period_bound(la, "start");
  if (!start) return start.status();
  mobility.planned_arrival_date = *start;
  auto end = read_period_bound(la, "end");
  if (!end) return end.status();
  mobility.planned_departure_date = *end;
  auto eqf = required_number(la, kLa, "eqf-level-studied-at-departure");
  if (!eqf) return eqf.status();
  mobility.nomination.eqf_level_at_departure = *eqf;
  auto isced = required_text(la, "isced-f-code");
  if (!isced) return isced.status();
  mobility.nomination.nominee_isced_f_code = *isced;
  mobility.isced_clarification = optional_text(la, "isced-clarification");
  xmlNodePtr skill = first_child_element(la, kLa, "student-language-skill");
  if (skill == nullptr) return Status::invalid_argument("no <student-language-skill>");
  mobility.language_skill =
      mobilities::LanguageSkill{optional_text(skill, "language").value_or(""), optional_text(skill, "cefr-level").value_or("")};
  mobility.learning_outcomes_url = optional_text(la, "learning-outcomes-url");
  mobility.provisions_url = optional_text(la, "provisions-url");
  return Status::ok();
}

Result<LearningAgreement> read_la(xmlNodePtr la) {
  LearningAgreement agreement;
  auto id = required_text(la, "omobility-id");
  if (!id) return id.status();
  agreement.mobility.omobility_id = *id;
  std::string context = "<la> '" + excerpt(*id, 80) + "'";
  if (Status fields = read_mobility_fields(la, agreement.mobility); !fields) return fields.with_context(context);
  if (Status versions = read_versions(la, agreement); !versions) return versions.with_context(context);
  agreement.mobility.nomination.activity_attributes = inferred_activity(agreement);
  return agreement;
}

Result<Signature> read_request_signature(xmlNodePtr update) {
  auto element = required_child(update, kRequest, "signature");
  if (!element) return element.status();
  return read_signature(*element);
}

Status read_update_fields(xmlNodePtr update, LaUpdateRequest& request) {
  auto omobility_id = required_child_text(update, kRequest, "omobility-id");
  if (!omobility_id) return omobility_id.status();
  request.omobility_id = *omobility_id;
  auto proposal_id = required_child_text(update, kRequest, "changes-proposal-id");
  if (!proposal_id) return proposal_id.status();
  request.changes_proposal_id = *proposal_id;
  if (request.type == LaUpdateRequest::Type::kComment) {
    auto comment = required_child_text(update, kRequest, "comment");
    if (!comment) return comment.status();
    request.comment = *comment;
  }
  auto signature = read_request_signature(update);
  if (!signature) return signature.status();
  request.signature = *signature;
  return Status::ok();
}

std::string id_list_xml(const char* ns_uri, const char* root_name, const std::vector<std::string>& ids) {
  XmlDocument doc(ns_uri, root_name);
  XmlElement root = doc.root();
  for (const std::string& id : ids) root.add_text(ns_uri, "omobility-id", id);
  return doc.serialize();
}

}  // namespace

std::string las_get_response_xml(const std::vector<LearningAgreement>& las) {
  XmlDocument doc(kLa, "omobility-las-get-response");
  doc.declare(kTrm, "trm");
  XmlElement root = doc.root();
  for (const LearningAgreement& la : las) write_la(root, la);
  return doc.serialize();
}

std::vector<std::string> missing_la_elements(const LearningAgreement& la) {
  static const std::map<std::string, std::string> kElements = {{"nomination.sending.contact", "sending-hei/contact-person"},
                                                               {"nomination.receiving.contact", "receiving-hei/contact-person"},
                                                               {"planned_arrival_date", "start-date"},
                                                               {"planned_departure_date", "end-date"},
                                                               {"language_skill", "student-language-skill"}};
  std::vector<std::string> missing;
  for (const std::string& field : mobilities::missing_for_learning_agreement(la.mobility)) missing.push_back(kElements.at(field));
  if (!la.first_version && !la.changes_proposal) missing.push_back("first-version");
  if (la.first_version) add_missing_signatures(missing, "first-version", *la.first_version, true);
  if (la.approved_changes) add_missing_signatures(missing, "approved-changes", *la.approved_changes, true);
  if (la.changes_proposal) add_missing_signatures(missing, "changes-proposal", *la.changes_proposal, false);
  return missing;
}

Result<std::vector<LearningAgreement>> read_las_get_response(std::string_view xml) {
  auto doc = parse_answer(xml, kLa, "omobility-las-get-response", "OMobility LAs v1");
  if (!doc) return doc.status();
  std::vector<LearningAgreement> las;
  for (xmlNodePtr element : child_elements(xmlDocGetRootElement(doc->get()), kLa, "la")) {
    auto la = read_la(element);
    if (!la) return la.status();
    las.push_back(std::move(la.value()));
  }
  return las;
}

std::string las_index_response_xml(const std::vector<std::string>& omobility_ids) {
  return id_list_xml(ns::kOmobilityLasIndexResponse, "omobility-las-index-response", omobility_ids);
}

Result<std::vector<std::string>> read_las_index_response(std::string_view xml) {
  auto doc = parse_answer(xml, ns::kOmobilityLasIndexResponse, "omobility-las-index-response", "OMobility LAs v1 index");
  if (!doc) return doc.status();
  std::vector<std::string> ids;
  for (xmlNodePtr id : child_elements(xmlDocGetRootElement(doc->get()), ns::kOmobilityLasIndexResponse, "omobility-id")) {
    ids.push_back(element_text(id));
  }
  return ids;
}

Result<LaUpdateRequest> read_la_update_request(std::string_view xml) {
  auto doc = parse_update_request(xml, kRequest, "omobility-las-update-request");
  if (!doc) return doc.status();
  xmlNodePtr root = xmlDocGetRootElement(doc->get());
  LaUpdateRequest request;
  auto sending_hei_id = required_child_text(root, kRequest, "sending-hei-id");
  if (!sending_hei_id) return sending_hei_id.status();
  request.sending_hei_id = *sending_hei_id;
  auto update = update_element(root, kRequest, {kApprove, kComment}, {"sending-hei-id"});
  if (!update) return update.status();
  request.type = is_element(*update, kRequest, kComment) ? LaUpdateRequest::Type::kComment : LaUpdateRequest::Type::kApprove;
  if (Status fields = read_update_fields(*update, request); !fields) return fields;
  return request;
}

std::string la_update_request_xml(const LaUpdateRequest& request) {
  XmlDocument doc(kRequest, "omobility-las-update-request");
  doc.declare(kLa, "la");
  XmlElement root = doc.root();
  root.add_text(kRequest, "sending-hei-id", request.sending_hei_id);
  bool comment = request.type == LaUpdateRequest::Type::kComment;
  XmlElement update = root.add(kRequest, comment ? kComment : kApprove);
  update.add_text(kRequest, "omobility-id", request.omobility_id);
  update.add_text(kRequest, "changes-proposal-id", request.changes_proposal_id);
  if (comment) update.add_text(kRequest, "comment", request.comment.value_or(""));
  write_signature(update.add(kRequest, "signature"), request.signature);
  return doc.serialize();
}

std::string la_update_response_xml(const std::vector<std::string>& success_messages) {
  XmlDocument doc(ns::kOmobilityLasUpdateResponse, "omobility-las-update-response");
  doc.declare(ns::kCommonTypes, "ewp");
  XmlElement root = doc.root();
  for (const std::string& message : success_messages) root.add_text(ns::kCommonTypes, "success-user-message", message);
  return doc.serialize();
}

std::string las_stats_response_xml(const std::vector<LaStatsRow>& rows) {
  constexpr const char* kStats = ns::kOmobilityLasStatsResponse;
  XmlDocument doc(kStats, "las-outgoing-stats-response");
  XmlElement root = doc.root();
  for (const LaStatsRow& row : rows) {
    XmlElement year = root.add(kStats, "academic-year-la-stats");
    year.add_text(kStats, "receiving-academic-year-id", row.receiving_academic_year_id);
    year.add_text(kStats, "la-outgoing-total", std::to_string(row.total));
    year.add_text(kStats, "la-outgoing-not-modified-after-approval", std::to_string(row.not_modified_after_approval));
    year.add_text(kStats, "la-outgoing-modified-after-approval", std::to_string(row.modified_after_approval));
    year.add_text(kStats, "la-outgoing-latest-version-approved", std::to_string(row.latest_version_approved));
    year.add_text(kStats, "la-outgoing-latest-version-rejected", std::to_string(row.latest_version_rejected));
    year.add_text(kStats, "la-outgoing-latest-version-awaiting", std::to_string(row.latest_version_awaiting));
  }
  return doc.serialize();
}

}  // namespace mobility::ewp
