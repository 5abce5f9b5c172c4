#include "ewp-node/apis/iias-v7/iia_hash.hpp"

#include "base/sha256.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/schema_validator.hpp"

namespace mobility::ewp {
namespace {

// The XSLT compares these attribute values as plain strings, so " true" does not count.
bool is_true_flag(std::string_view value) { return value == "true" || value == "1"; }

bool is_not_yet_defined(xmlNodePtr element) { return is_true_flag(unqualified_attribute_value(element, "not-yet-defined")); }

std::string local_name(xmlNodePtr node) { return reinterpret_cast<const char*>(node->name); }

// The XSLT tests any attribute with this local name, whatever its namespace.
bool is_terminated_as_a_whole(xmlNodePtr iia) {
  for (xmlNodePtr conditions : child_elements_by_local_name(iia, "cooperation-conditions")) {
    for (xmlAttrPtr attribute = conditions->properties; attribute; attribute = attribute->next) {
      auto* node = reinterpret_cast<xmlNodePtr>(attribute);
      if (local_name(node) == "terminated-as-a-whole" && is_true_flag(string_value(node))) return true;
    }
  }
  return false;
}

// True when `element` or one of its ancestors up to and including `iia` is not-yet-defined.
bool is_not_yet_defined_within(xmlNodePtr element, xmlNodePtr iia) {
  for (xmlNodePtr node = element; node != nullptr && node->type == XML_ELEMENT_NODE; node = node->parent) {
    if (is_not_yet_defined(node)) return true;
    if (node == iia) break;
  }
  return false;
}

// Not walked: the spec's academic years come last (v7 names, and the v6 one that v6's XSLT skips).
bool is_academic_year(xmlNodePtr element) {
  return has_local_name(element, "receiving-first-academic-year-id") ||
         has_local_name(element, "receiving-last-academic-year-id") || has_local_name(element, "receiving-academic-year-id");
}

bool is_contact(xmlNodePtr element) {
  return has_local_name(element, "sending-contact") || has_local_name(element, "receiving-contact");
}

// "grandparent.parent.element": the label of a walked element (a spec's descendant, so both
// ancestors exist).
std::string label(xmlNodePtr element) {
  return local_name(element->parent->parent) + "." + local_name(element->parent) + "." + local_name(element);
}

// The value a leaf contributes: isced-f-code carries the v6 code it was approved with, if any.
std::string leaf_value(xmlNodePtr leaf) {
  if (has_local_name(leaf, "isced-f-code")) {
    std::string v6_value = unqualified_attribute_value(leaf, "v6-value");
    if (!v6_value.empty()) return v6_value;
  }
  return string_value(leaf);
}

void append_value(std::string& text, const std::string& name, const std::string& value) {
  text += "_" + name + "=" + value + "_";
}

void append_attributes(std::string& text, xmlNodePtr element) {
  for (xmlAttrPtr attribute = element->properties; attribute; attribute = attribute->next) {
    auto* node = reinterpret_cast<xmlNodePtr>(attribute);
    const bool is_marker = attribute->ns == nullptr && (local_name(node) == "not-yet-defined" || local_name(node) == "v6-value");
    if (!is_marker) text += "_@" + label(element) + "." + local_name(node) + "=" + string_value(node) + "@_";
  }
}

// Every descendant of `parent` in document order, as step 3 of the header describes.
void append_descendants(std::string& text, xmlNodePtr parent) {
  for (xmlNodePtr element : child_elements(parent)) {
    if (is_not_yet_defined(element)) continue;
    if (!is_academic_year(element)) {
      append_attributes(text, element);
      if (child_elements(element).empty()) append_value(text, label(element), leaf_value(element));
    }
    if (!is_contact(element)) append_descendants(text, element);
  }
}

// A v7 spec names its years; a v6 spec lists them, and its first and last stand in.
std::string academic_year(xmlNodePtr spec, const char* v7_name, bool last) {
  if (xmlNodePtr named = first_child_element_by_local_name(spec, v7_name)) return string_value(named);
  auto listed = child_elements_by_local_name(spec, "receiving-academic-year-id");
  if (listed.empty()) return "";
  return string_value(last ? listed.back() : listed.front());
}

void append_mobility_spec(std::string& text, xmlNodePtr spec, xmlNodePtr iia) {
  if (!is_not_yet_defined_within(spec, iia)) append_descendants(text, spec);
  append_value(text, "receiving-first-academic-year-id", academic_year(spec, "receiving-first-academic-year-id", /*last=*/false));
  append_value(text, "receiving-last-academic-year-id", academic_year(spec, "receiving-last-academic-year-id", /*last=*/true));
}

std::string partner_iia_id(xmlNodePtr partner) { return string_value(first_child_element_by_local_name(partner, "iia-id")); }

bool has_legacy_marker(xmlNodePtr element) {
  if (is_not_yet_defined(element) || !unqualified_attribute_value(element, "v6-value").empty()) return true;
  for (xmlNodePtr child : child_elements(element)) {
    if (has_legacy_marker(child)) return true;
  }
  return false;
}

}  // namespace

std::string iia_text_to_hash(xmlNodePtr iia) {
  std::string text = is_terminated_as_a_whole(iia) ? "_@terminated-as-a-whole@_" : "";
  auto partners = child_elements_by_local_name(iia, "partner");
  for (std::size_t i = 0; i < partners.size(); ++i) {
    append_value(text, "iia-id_" + std::to_string(i + 1), partner_iia_id(partners[i]));
  }
  for (xmlNodePtr conditions : child_elements_by_local_name(iia, "cooperation-conditions")) {
    for (xmlNodePtr spec : child_elements(conditions)) append_mobility_spec(text, spec, iia);
  }
  return text;
}

std::string iia_hash(xmlNodePtr iia) { return sha256_hex(iia_text_to_hash(iia)); }

bool iia_valid_for_approval(xmlNodePtr iia) { return !has_legacy_marker(iia); }

Result<std::vector<IiaHashCheck>> check_iia_hashes(std::string_view get_response_xml) {
  auto doc = parse_untrusted_xml(get_response_xml);
  if (!doc) return Status::invalid_argument("the IIAs get response is not well-formed XML");
  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  if (!has_local_name(root, "iias-get-response")) {
    return Status::invalid_argument("expected an <iias-get-response> root element, got <" +
                                    (root ? local_name(root) : std::string()) + ">");
  }
  std::vector<IiaHashCheck> checks;
  for (xmlNodePtr iia : child_elements_by_local_name(root, "iia")) {
    IiaHashCheck check;
    for (xmlNodePtr partner : child_elements_by_local_name(iia, "partner")) {
      check.partner_iia_ids.push_back(partner_iia_id(partner));
    }
    check.carried_hash = element_text(first_child_element_by_local_name(iia, "iia-hash"));
    check.computed_hash = iia_hash(iia);
    check.valid_for_approval = iia_valid_for_approval(iia);
    checks.push_back(std::move(check));
  }
  return checks;
}

}  // namespace mobility::ewp
