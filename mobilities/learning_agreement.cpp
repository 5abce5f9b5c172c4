#include "mobilities/learning_agreement.hpp"

#include <algorithm>

#include "base/pattern.hpp"

namespace mobility::mobilities {

const char* component_table_name(ComponentTable table) {
  switch (table) {
    case ComponentTable::kStudied: return "components-studied";
    case ComponentTable::kRecognized: return "components-recognized";
    case ComponentTable::kVirtual: return "virtual-components";
    case ComponentTable::kBlended: return "blended-mobility-components";
    case ComponentTable::kDoctoral: return "short-term-doctoral-components";
  }
  return "";
}

bool is_term_id(const TermId& term) {
  return term.total_terms >= 1 && term.total_terms <= 9 && term.term_number >= 1 && term.term_number <= term.total_terms;
}

std::string term_id_text(const TermId& term) { return std::to_string(term.term_number) + "/" + std::to_string(term.total_terms); }

std::optional<TermId> term_id_from_text(std::string_view text) {
  if (text.size() != 3 || !matches(text, "[1-9]/[1-9]")) return std::nullopt;
  TermId term{text[0] - '0', text[2] - '0'};
  if (!is_term_id(term)) return std::nullopt;
  return term;
}

const std::vector<Component>* LaVersion::components(ComponentTable table) const {
  for (const ComponentList& list : tables) {
    if (list.table == table) return &list.components;
  }
  return nullptr;
}

std::vector<Component>& LaVersion::components_of(ComponentTable table) {
  for (ComponentList& list : tables) {
    if (list.table == table) return list.components;
  }
  // Keep the spec's order of tables, whatever order they are added in.
  auto position = std::find_if(tables.begin(), tables.end(), [table](const ComponentList& list) { return list.table > table; });
  return tables.insert(position, ComponentList{table, {}})->components;
}

}  // namespace mobility::mobilities
