#include "mobilities/transcript.hpp"

namespace mobility::mobilities {

std::vector<std::string> identifiers_of(const std::vector<TypedIdentifier>& identifiers, const std::string& type) {
  std::vector<std::string> values;
  for (const TypedIdentifier& identifier : identifiers) {
    if (identifier.type == type) values.push_back(identifier.value);
  }
  return values;
}

std::string data_uri(const AttachmentContent& content) { return "data:" + content.media_type + ";base64," + content.base64; }

std::optional<AttachmentContent> parse_data_uri(const std::string& lang, const std::string& uri) {
  static const std::string kScheme = "data:";
  static const std::string kBase64 = ";base64,";
  if (uri.compare(0, kScheme.size(), kScheme) != 0) return std::nullopt;
  size_t marker = uri.find(kBase64, kScheme.size());
  if (marker == std::string::npos) return std::nullopt;
  return AttachmentContent{lang, uri.substr(kScheme.size(), marker - kScheme.size()), uri.substr(marker + kBase64.size())};
}

}  // namespace mobility::mobilities
