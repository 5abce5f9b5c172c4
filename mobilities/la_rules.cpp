#include "mobilities/la_rules.hpp"

#include <algorithm>

#include "base/pattern.hpp"
#include "base/sha256.hpp"
#include "base/text.hpp"
#include "mobilities/mobility_json.hpp"

namespace mobility::mobilities {
namespace {

constexpr size_t kMaxTextLength = 5000;

bool is_text(const std::string& text, size_t max_length) { return text.size() <= max_length && is_clean_utf8(text); }

// The tables a mobility of `attributes` may have, and those it must have.
bool table_allowed(ActivityAttributes attributes, ComponentTable table) {
  switch (table) {
    case ComponentTable::kStudied:
    case ComponentTable::kRecognized:
    case ComponentTable::kVirtual: return attributes == ActivityAttributes::kLongTerm;
    case ComponentTable::kBlended: return attributes == ActivityAttributes::kShortTermBlended;
    case ComponentTable::kDoctoral: return attributes == ActivityAttributes::kShortTermDoctoral;
  }
  return false;
}

std::vector<ComponentTable> tables_required(ActivityAttributes attributes) {
  switch (attributes) {
    case ActivityAttributes::kLongTerm: return {ComponentTable::kStudied, ComponentTable::kRecognized};
    case ActivityAttributes::kShortTermBlended: return {ComponentTable::kBlended};
    case ActivityAttributes::kShortTermDoctoral: return {ComponentTable::kDoctoral};
  }
  return {};
}

bool reason_fits(ChangeStatus change, const std::string& code) {
  if (change == ChangeStatus::kDeleted) {
    return code == "not-available" || code == "language-mismatch" || code == "timetable-conflict";
  }
  return code == "substituting-deleted" || code == "extending-mobility" || code == "adding-virtual-component";
}

// The same component: by its course id when both have one, else by code and title.
bool same_component(const Component& a, const Component& b) {
  if (a.los_id && b.los_id) return *a.los_id == *b.los_id;
  return a.los_code == b.los_code && a.title == b.title;
}

void check_component(std::vector<RuleProblem>& problems, ComponentTable table, const Component& component,
                     const std::string& field, bool is_change) {
  auto add = [&](const std::string& what, const std::string& text) { problems.push_back({field + what, text}); };
  if (component.title.empty() || component.title.size() > 500 || !is_single_line(component.title)) {
    add(".title", "is required, one line of at most 500 bytes");
  }
  for (const auto* id : {&component.los_id, &component.loi_id}) {
    if (*id && (id->value().empty() || id->value().size() > 255 || !matches(id->value(), "[\\x21-\\x7e]+"))) {
      add(id == &component.los_id ? ".los_id" : ".loi_id", "is not an identifier");
    }
  }
  if (component.los_code && (component.los_code->size() > 255 || !is_single_line(*component.los_code))) {
    add(".los_code", "must be one line of at most 255 bytes");
  }
  bool term_required = table == ComponentTable::kStudied || table == ComponentTable::kRecognized;
  if (term_required && !component.term) add(".term", "is required in this table");
  if (component.term && !is_term_id(*component.term)) {
    add(".term", "must be a term number from 1 to the number of terms (at most 9)");
  }
  for (size_t i = 0; i < component.credits.size(); ++i) {
    const Credit& credit = component.credits[i];
    if (credit.value.size() > 12 || !matches(credit.value, "[0-9]+(\\.[0-9]+)?")) {
      add(".credits[" + std::to_string(i) + "].value", "'" + excerpt(credit.value, 20) + "' is not a number such as 7.5");
    }
    if (credit.scheme.empty() || credit.scheme.size() > 32 || !matches(credit.scheme, "[a-z0-9-]+")) {
      add(".credits[" + std::to_string(i) + "].scheme", "is not a credit scheme such as ects");
    }
  }
  if (table == ComponentTable::kStudied && component.recognition_conditions) {
    add(".recognition_conditions", "belongs to recognised components only");
  }
  if (component.recognition_conditions && !is_text(*component.recognition_conditions, kMaxTextLength)) {
    add(".recognition_conditions", "must be text of at most 5000 bytes");
  }
  bool may_describe =
      table == ComponentTable::kVirtual || table == ComponentTable::kBlended || table == ComponentTable::kDoctoral;
  if (table == ComponentTable::kVirtual && !component.short_description) {
    add(".short_description", "is required for a virtual component");
  }
  if (component.short_description && !may_describe)
    add(".short_description", "belongs to virtual, blended and doctoral components only");
  if (component.short_description && !is_text(*component.short_description, kMaxTextLength)) {
    add(".short_description", "must be text of at most 5000 bytes");
  }
  if (!is_change && component.change != ChangeStatus::kUnchanged) {
    add(".change", "a first version has no inserted or deleted components");
  }
  if (is_change && component.change == ChangeStatus::kUnchanged) {
    add(".change", "a changes proposal lists only inserted and deleted components");
  }
  if (component.reason_code &&
      (component.change == ChangeStatus::kUnchanged || !reason_fits(component.change, *component.reason_code))) {
    add(".reason_code", "'" + excerpt(*component.reason_code, 40) + "' is not a reason for this kind of change");
  }
  if (component.reason_text && !is_text(*component.reason_text, kMaxTextLength)) {
    add(".reason_text", "must be text of at most 5000 bytes");
  }
}

// A deleted component must be one of the first version's.
void check_deletions(std::vector<RuleProblem>& problems, const LaVersion& first, const ComponentList& list,
                     const std::string& field) {
  const std::vector<Component>* before = first.components(list.table);
  for (size_t i = 0; i < list.components.size(); ++i) {
    const Component& component = list.components[i];
    if (component.change != ChangeStatus::kDeleted) continue;
    bool known = before && std::any_of(before->begin(), before->end(),
                                       [&](const Component& old) { return same_component(old, component); });
    if (!known) {
      problems.push_back({field + ".components[" + std::to_string(i) + "]",
                          "deletes '" + excerpt(component.title, 60) + "', which the first version does not have"});
    }
  }
}

}  // namespace

const char* la_mobility_type(ActivityAttributes attributes) {
  switch (attributes) {
    case ActivityAttributes::kLongTerm: return "semester";
    case ActivityAttributes::kShortTermBlended: return "blended";
    case ActivityAttributes::kShortTermDoctoral: return "doctoral";
  }
  return "";
}

std::vector<RuleProblem> check_proposal(const LearningAgreement& la, const LaVersion& proposal) {
  std::vector<RuleProblem> problems;
  ActivityAttributes attributes = la.mobility.nomination.activity_attributes;
  bool is_change = la.first_version.has_value();
  if (is_change && attributes != ActivityAttributes::kLongTerm) {
    problems.push_back({"changes_proposal", "a short-term mobility's learning agreement has no changes after its first version"});
    return problems;
  }
  if (proposal.tables.empty()) problems.push_back({"tables", "at least one table of components is required"});
  if (!is_change) {
    for (ComponentTable required : tables_required(attributes)) {
      const std::vector<Component>* components = proposal.components(required);
      if (components == nullptr || components->empty()) {
        problems.push_back({component_table_name(required), "needs at least one component"});
      }
    }
  }
  for (const ComponentList& list : proposal.tables) {
    std::string field = component_table_name(list.table);
    if (!table_allowed(attributes, list.table)) {
      problems.push_back({field, std::string("does not belong to a ") + activity_attributes_name(attributes) + " mobility"});
      continue;
    }
    for (size_t i = 0; i < list.components.size(); ++i) {
      check_component(problems, list.table, list.components[i], field + ".components[" + std::to_string(i) + "]", is_change);
    }
    if (is_change) check_deletions(problems, *la.first_version, list, field);
  }
  if (!is_change && proposal.student_changes) {
    problems.push_back({"student_changes", "belong to a changes proposal after the first version"});
  }
  return problems;
}

std::vector<RuleProblem> check_hei_signature(const Signature& signature, const std::string& field) {
  std::vector<RuleProblem> problems;
  auto line = [&](const std::optional<std::string>& value, const char* what) {
    if (!value || value->empty() || value->size() > 255 || !is_single_line(*value)) {
      problems.push_back({field + "." + what, "is required, one line of at most 255 bytes"});
    }
  };
  line(signature.signer_name, "signer_name");
  line(signature.signer_position, "signer_position");
  if (!signature.signer_email || signature.signer_email->size() > 255 || !matches(*signature.signer_email, kEmailPattern)) {
    problems.push_back({field + ".signer_email", "is not an e-mail address"});
  }
  if (signature.timestamp.size() > 40 ||
      !matches(signature.timestamp,
               "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})")) {
    problems.push_back({field + ".timestamp", "is not a date and time such as 2026-03-01T10:00:00Z"});
  }
  return problems;
}

std::vector<RuleProblem> check_signed_by_sender(const LaVersion& proposal) {
  std::vector<RuleProblem> problems;
  if (!proposal.student_signature) problems.push_back({"student_signature", "the student has not signed yet"});
  if (!proposal.sending_signature) {
    problems.push_back({"sending_signature", "the sending coordinator has not signed yet"});
  } else {
    auto signature = check_hei_signature(*proposal.sending_signature, "sending_signature");
    problems.insert(problems.end(), signature.begin(), signature.end());
  }
  return problems;
}

std::string changes_proposal_id(const LaVersion& proposal) {
  nlohmann::json content = to_json_value(proposal);
  content.erase("student_signature");
  content.erase("sending_signature");
  content.erase("receiving_signature");
  return "cp-" + sha256_hex(canonical_text(content)).substr(0, 40);
}

LaVersion components_in_effect(const LaVersion& first, const std::optional<LaVersion>& changes) {
  if (!changes) return first;
  LaVersion effective = *changes;
  effective.tables.clear();
  for (const ComponentList& list : first.tables) {
    std::vector<Component>& kept = effective.components_of(list.table);
    const std::vector<Component>* changed = changes->components(list.table);
    for (const Component& component : list.components) {
      bool deleted = changed && std::any_of(changed->begin(), changed->end(), [&](const Component& change) {
                       return change.change == ChangeStatus::kDeleted && same_component(change, component);
                     });
      if (!deleted) kept.push_back(component);
    }
  }
  for (const ComponentList& list : changes->tables) {
    for (const Component& component : list.components) {
      if (component.change != ChangeStatus::kInserted) continue;
      Component inserted = component;
      inserted.change = ChangeStatus::kUnchanged;
      inserted.reason_code.reset();
      inserted.reason_text.reset();
      effective.components_of(list.table).push_back(inserted);
    }
  }
  return effective;
}

bool may_delete(const LearningAgreement& la) {
  const std::optional<LaVersion>& first = la.first_version;
  return !(first && first->student_signature && first->sending_signature && first->receiving_signature);
}

std::vector<std::string> missing_for_learning_agreement(const Mobility& mobility) {
  std::vector<std::string> missing;
  if (!mobility.nomination.sending.contact) missing.push_back("nomination.sending.contact");
  if (!mobility.nomination.receiving.contact) missing.push_back("nomination.receiving.contact");
  if (!mobility.planned_arrival_date) missing.push_back("planned_arrival_date");
  if (!mobility.planned_departure_date) missing.push_back("planned_departure_date");
  if (!mobility.language_skill) missing.push_back("language_skill");
  return missing;
}

}  // namespace mobility::mobilities
