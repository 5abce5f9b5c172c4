#include "portal/agreements/form_views.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace mobility::agreements::pages {

using kainjow::mustache::data;

data option_list(const Options& options, const std::string& chosen) {
  data list = data::type::list;
  for (const auto& [value, label] : options) {
    data option;
    option.set("value", value);
    option.set("label", label);
    option.set("selected", value == chosen);
    list.push_back(option);
  }
  return list;
}

data field_error(const std::string& id, const FieldErrors& errors, const portal::Messages& messages) {
  data field;
  field.set("id", id);
  if (auto found = errors.find(id); found != errors.end()) field.set("error", messages.text(found->second));
  field.set("invalid", errors.contains(id));
  return field;
}

data text_field(const std::string& id, const std::string& label_key, const std::string& value, const FieldErrors& errors,
                const portal::Messages& messages, bool multiline) {
  data field = field_error(id, errors, messages);
  field.set("label", messages.text(label_key));
  field.set("value", displayable(value));  // bytes that were refused show as U+FFFD
  field.set("multiline", multiline);
  return field;
}

std::string mobility_type_key(MobilityType type) {
  std::string name = mobility_type_name(type);
  std::replace(name.begin(), name.end(), '-', '_');
  return "agreements_type_" + name;
}

}  // namespace mobility::agreements::pages
