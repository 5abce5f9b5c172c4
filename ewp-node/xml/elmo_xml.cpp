#include "ewp-node/xml/elmo_xml.hpp"

#include <optional>
#include <string>
#include <vector>

#include "base/pattern.hpp"
#include "base/text.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/shared_types_reader.hpp"
#include "ewp-node/xml/shared_types_xml.hpp"

namespace mobility::ewp {
namespace {

using mobilities::AcademicTerm;
using mobilities::Attachment;
using mobilities::AttachmentContent;
using mobilities::Credit;
using mobilities::GradingScheme;
using mobilities::Issuer;
using mobilities::LangText;
using mobilities::Learner;
using mobilities::LearningOpportunityInstance;
using mobilities::LearningOpportunitySpecification;
using mobilities::Report;
using mobilities::ResultCategory;
using mobilities::ResultDistribution;
using mobilities::Transcript;
using mobilities::TypedIdentifier;

// ---- writing ----

class ElmoWriter {
 public:
  explicit ElmoWriter(ElmoVersion version) : version_(version), ns_(elmo_namespace(version)) {}

  void elmo(XmlElement& elmo, const Transcript& transcript) {
    elmo.add_text(ns_, "generatedDate", transcript.generated_date);
    XmlElement learner_element = elmo.add(ns_, "learner");
    learner(learner_element, transcript.learner);
    for (const Report& item : transcript.reports) {
      XmlElement report_element = elmo.add(ns_, "report");
      report(report_element, item);
    }
    attachments(elmo, transcript.attachments);
  }

 private:
  void country(XmlElement& parent, const char* name, const std::optional<std::string>& code) {
    if (!code) return;
    XmlElement element = parent.add_text(ns_, name, *code);
    if (version_ == ElmoVersion::kV2) element.set_attribute("type", "ISO");
  }

  void identifiers(XmlElement& parent, const std::vector<TypedIdentifier>& list) {
    for (const TypedIdentifier& identifier : list)
      parent.add_text(ns_, "identifier", identifier.value).set_attribute("type", identifier.type);
  }

  void texts(XmlElement& parent, const char* name, const std::vector<LangText>& list) {
    for (const LangText& text : list) {
      XmlElement element = parent.add_text(ns_, name, text.text);
      if (!text.lang.empty()) element.set_language(text.lang);
    }
  }

  void optional(XmlElement& parent, const char* name, const std::optional<std::string>& text) {
    add_optional_text(parent, ns_, name, text);
  }

  void learner(XmlElement& element, const Learner& learner) {
    country(element, "citizenship", learner.citizenship);
    identifiers(element, learner.identifiers);
    element.add_text(ns_, "givenNames", learner.given_names);
    element.add_text(ns_, "familyName", learner.family_name);
    if (version_ == ElmoVersion::kV2) {
      element.add_text(ns_, "alternativeName", "");
      optional(element, "dateOfBirth", learner.birth_date);
    } else {
      optional(element, "bday", learner.birth_date);
    }
    optional(element, "placeOfBirth", learner.place_of_birth);
    optional(element, "birthName", learner.birth_name);
    if (learner.gender) element.add_text(ns_, "gender", std::to_string(*learner.gender));
  }

  void report(XmlElement& element, const Report& report) {
    XmlElement issuer = element.add(ns_, "issuer");
    country(issuer, "country", report.issuer.country);
    identifiers(issuer, report.issuer.identifiers);
    texts(issuer, "title", report.issuer.titles);
    issuer.add_text(ns_, "url", report.issuer.url);
    for (const LearningOpportunitySpecification& los : report.learning_opportunities) {
      XmlElement los_element = element.add(ns_, "learningOpportunitySpecification");
      specification(los_element, los);
    }
    element.add_text(ns_, "issueDate", report.issue_date);
    for (const GradingScheme& scheme : report.grading_schemes) {
      XmlElement scheme_element = element.add(ns_, "gradingScheme");
      scheme_element.set_attribute("localId", scheme.local_id);
      texts(scheme_element, "description", scheme.descriptions);
    }
    attachments(element, report.attachments);
  }

  void specification(XmlElement& element, const LearningOpportunitySpecification& los) {
    identifiers(element, los.identifiers);
    texts(element, "title", los.titles);
    optional(element, "type", los.type);
    optional(element, "subjectArea", los.subject_area);
    optional(element, "iscedCode", los.isced_code);
    optional(element, "url", los.url);
    texts(element, "description", los.descriptions);
    XmlElement loi = element.add(ns_, "specifies").add(ns_, "learningOpportunityInstance");
    instance(loi, los.instance);
    for (const LearningOpportunitySpecification& part : los.has_parts) {
      XmlElement part_element = element.add(ns_, "hasPart").add(ns_, "learningOpportunitySpecification");
      specification(part_element, part);
    }
  }

  void instance(XmlElement& element, const LearningOpportunityInstance& loi) {
    identifiers(element, loi.identifiers);
    optional(element, "start", loi.start);
    optional(element, "date", loi.date);
    if (loi.academic_term) {
      XmlElement term = element.add(ns_, "academicTerm");
      texts(term, "title", loi.academic_term->titles);
      term.add_text(ns_, "start", loi.academic_term->start);
      term.add_text(ns_, "end", loi.academic_term->end);
    }
    optional(element, "status", loi.status);
    optional(element, "gradingSchemeLocalId", loi.grading_scheme_local_id);
    optional(element, "resultLabel", loi.result_label);
    if (loi.result_distribution) {
      XmlElement distribution = element.add(ns_, "resultDistribution");
      for (const ResultCategory& category : loi.result_distribution->categories) {
        distribution.add(ns_, "category")
            .set_attribute("label", category.label)
            .set_attribute("count", std::to_string(category.count));
      }
      texts(distribution, "description", loi.result_distribution->descriptions);
    }
    for (const Credit& credit : loi.credits) {
      XmlElement credit_element = element.add(ns_, "credit");
      credit_element.add_text(ns_, "scheme", credit.scheme);
      optional(credit_element, "value", credit.value);
    }
    optional(element, "languageOfInstruction", loi.language_of_instruction);
    optional(element, "engagementHours", loi.engagement_hours);
  }

  void attachments(XmlElement& parent, const std::vector<Attachment>& list) {
    for (const Attachment& attachment : list) {
      XmlElement element = parent.add(ns_, "attachment");
      identifiers(element, attachment.identifiers);
      texts(element, "title", attachment.titles);
      optional(element, "type", attachment.type);
      texts(element, "description", attachment.descriptions);
      for (const AttachmentContent& content : attachment.contents) {
        XmlElement content_element = element.add_text(ns_, "content", mobilities::data_uri(content));
        if (!content.lang.empty()) content_element.set_language(content.lang);
      }
    }
  }

  ElmoVersion version_;
  const char* ns_;
};

// ---- reading ----

class ElmoReader {
 public:
  explicit ElmoReader(ElmoVersion version) : ns_(elmo_namespace(version)) {}

  Result<Transcript> elmo(xmlNodePtr elmo) {
    Transcript transcript;
    transcript.generated_date = text(elmo, "generatedDate");
    xmlNodePtr learner_element = first_child_element(elmo, ns_, "learner");
    if (learner_element == nullptr) return Status::invalid_argument("the <elmo> has no <learner>");
    transcript.learner = learner(learner_element);
    std::vector<xmlNodePtr> reports = child_elements(elmo, ns_, "report");
    if (reports.empty()) return Status::invalid_argument("the <elmo> has no <report>");
    for (xmlNodePtr report_element : reports) transcript.reports.push_back(report(report_element));
    transcript.attachments = attachments(elmo);
    if (!failure_.is_ok()) return failure_;
    return transcript;
  }

 private:
  void fail(const std::string& problem) {
    if (failure_.is_ok()) failure_ = Status::invalid_argument(problem);
  }

  std::string text(xmlNodePtr parent, const char* name) { return element_text(first_child_element(parent, ns_, name)); }
  std::optional<std::string> optional(xmlNodePtr parent, const char* name) { return optional_child_text(parent, ns_, name); }

  std::vector<TypedIdentifier> identifiers(xmlNodePtr parent) {
    std::vector<TypedIdentifier> list;
    for (xmlNodePtr element : child_elements(parent, ns_, "identifier")) {
      list.push_back({attribute_value(element, "type"), element_text(element)});
    }
    return list;
  }

  std::vector<LangText> texts(xmlNodePtr parent, const char* name) {
    std::vector<LangText> list;
    for (xmlNodePtr element : child_elements(parent, ns_, name)) list.push_back({xml_language(element), element_text(element)});
    return list;
  }

  Learner learner(xmlNodePtr element) {
    Learner learner;
    learner.citizenship = optional(element, "citizenship");
    learner.identifiers = identifiers(element);
    learner.given_names = text(element, "givenNames");
    learner.family_name = text(element, "familyName");
    learner.birth_date = optional(element, "dateOfBirth");
    if (!learner.birth_date) learner.birth_date = optional(element, "bday");
    learner.place_of_birth = optional(element, "placeOfBirth");
    learner.birth_name = optional(element, "birthName");
    if (auto gender = optional(element, "gender")) {
      if (matches(*gender, "[0129]")) {
        learner.gender = (*gender)[0] - '0';
      } else {
        fail("the <learner> <gender> '" + excerpt(*gender, 40) + "' is not 0, 1, 2 or 9");
      }
    }
    return learner;
  }

  Report report(xmlNodePtr element) {
    Report report;
    xmlNodePtr issuer = first_child_element(element, ns_, "issuer");
    if (issuer == nullptr) fail("a <report> has no <issuer>");
    report.issuer = Issuer{optional(issuer, "country"), identifiers(issuer), texts(issuer, "title"), text(issuer, "url")};
    for (xmlNodePtr los : child_elements(element, ns_, "learningOpportunitySpecification")) {
      report.learning_opportunities.push_back(specification(los));
    }
    report.issue_date = text(element, "issueDate");
    for (xmlNodePtr scheme : child_elements(element, ns_, "gradingScheme")) {
      report.grading_schemes.push_back({attribute_value(scheme, "localId"), texts(scheme, "description")});
    }
    report.attachments = attachments(element);
    return report;
  }

  LearningOpportunitySpecification specification(xmlNodePtr element) {
    LearningOpportunitySpecification los;
    los.identifiers = identifiers(element);
    los.titles = texts(element, "title");
    los.type = optional(element, "type");
    los.subject_area = optional(element, "subjectArea");
    los.isced_code = optional(element, "iscedCode");
    los.url = optional(element, "url");
    los.descriptions = texts(element, "description");
    xmlNodePtr loi = first_child_element(first_child_element(element, ns_, "specifies"), ns_, "learningOpportunityInstance");
    if (loi != nullptr) los.instance = instance(loi);
    for (xmlNodePtr part : child_elements(element, ns_, "hasPart")) {
      xmlNodePtr part_los = first_child_element(part, ns_, "learningOpportunitySpecification");
      if (part_los != nullptr) los.has_parts.push_back(specification(part_los));
    }
    return los;
  }

  LearningOpportunityInstance instance(xmlNodePtr element) {
    LearningOpportunityInstance loi;
    loi.identifiers = identifiers(element);
    loi.start = optional(element, "start");
    loi.date = optional(element, "date");
    if (xmlNodePtr term = first_child_element(element, ns_, "academicTerm")) {
      loi.academic_term = AcademicTerm{texts(term, "title"), text(term, "start"), text(term, "end")};
    }
    loi.status = optional(element, "status");
    loi.grading_scheme_local_id = optional(element, "gradingSchemeLocalId");
    loi.result_label = optional(element, "resultLabel");
    if (xmlNodePtr distribution = first_child_element(element, ns_, "resultDistribution")) {
      loi.result_distribution = ResultDistribution{categories(distribution), texts(distribution, "description")};
    }
    for (xmlNodePtr credit : child_elements(element, ns_, "credit"))
      loi.credits.push_back({text(credit, "scheme"), optional(credit, "value")});
    loi.language_of_instruction = optional(element, "languageOfInstruction");
    loi.engagement_hours = optional(element, "engagementHours");
    return loi;
  }

  std::vector<ResultCategory> categories(xmlNodePtr distribution) {
    std::vector<ResultCategory> list;
    for (xmlNodePtr category : child_elements(distribution, ns_, "category")) {
      std::string count = attribute_value(category, "count");
      if (count.empty() || count.size() > 18 || !matches(count, "[0-9]+")) {
        fail("a <category> count '" + excerpt(count, 40) + "' is not a whole number");
        continue;
      }
      list.push_back({attribute_value(category, "label"), std::stoull(count)});
    }
    return list;
  }

  std::vector<Attachment> attachments(xmlNodePtr parent) {
    std::vector<Attachment> list;
    for (xmlNodePtr element : child_elements(parent, ns_, "attachment")) {
      Attachment attachment{
          identifiers(element), texts(element, "title"), optional(element, "type"), texts(element, "description"), {}};
      for (xmlNodePtr content : child_elements(element, ns_, "content")) {
        auto parsed = mobilities::parse_data_uri(xml_language(content), element_text(content));
        if (!parsed) {
          fail("an <attachment> <content> is not a base64 data: URI");
          continue;
        }
        attachment.contents.push_back(std::move(*parsed));
      }
      list.push_back(std::move(attachment));
    }
    return list;
  }

  const char* ns_;
  Status failure_ = Status::ok();
};

}  // namespace

const char* elmo_namespace(ElmoVersion version) { return version == ElmoVersion::kV1 ? ns::kElmoV1 : ns::kElmoV2; }

void write_elmo(XmlElement& elmo, const Transcript& transcript, ElmoVersion version) {
  ElmoWriter(version).elmo(elmo, transcript);
}

std::string elmo_document_xml(const Transcript& transcript, ElmoVersion version) {
  XmlDocument doc(elmo_namespace(version), "elmo");
  XmlElement root = doc.root();
  write_elmo(root, transcript, version);
  return doc.serialize();
}

Result<Transcript> read_elmo(xmlNodePtr elmo, ElmoVersion version) { return ElmoReader(version).elmo(elmo); }

Result<Transcript> read_elmo_document(std::string_view xml, ElmoVersion version) {
  auto doc = parse_answer(xml, elmo_namespace(version), "elmo", "ELMO");
  if (!doc) return doc.status();
  return read_elmo(xmlDocGetRootElement(doc->get()), version);
}

}  // namespace mobility::ewp
