#include "mobilities/learning_agreement.hpp"

#include <algorithm>

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
