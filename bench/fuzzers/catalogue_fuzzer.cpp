// The registry catalogue parser (ewp-node/registry/catalogue.hpp) on untrusted XML, then the
// lookups the node makes in a catalogue (keys, APIs, other ids), and version ordering.
#include "bench/fuzzers/fuzz_support.hpp"
#include "ewp-node/registry/catalogue.hpp"
#include "ewp-node/xml/namespaces.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view text = fuzz::as_text(data, size);
  auto catalogue = ewp::Catalogue::parse(text);
  if (catalogue) {
    const auto& c = **catalogue;
    (void)c.host_count();
    (void)c.client_key("5531f9a02c44a894d0b706961259fec740ad4ae8a3555871f1a5cd9801285bd4");
    for (const char* hei : {"uw.edu.pl", "fjordland.example", ""}) {
      for (const auto& [space, name] : {std::pair{ewp::ns::kEchoEntry, "echo"},
                                        {ewp::ns::kIiasEntry, "iias"},
                                        {ewp::ns::kOmobilityLasEntry, "omobility-las"}}) {
        for (const auto& entry : c.apis(hei, space, name)) (void)entry.urls.size();
      }
    }
    (void)c.hei_id_for("erasmus", "PL WARSZAW01");
    (void)c.hei_id_for("pic", "999572294");
  }
  auto halves = fuzz::split(text.substr(0, 64), ' ');
  if (halves.size() >= 2) (void)ewp::newer_version(halves[0], halves[1]);
  return 0;
}
