// What the libFuzzer targets of bench/fuzz share: the fixed clock the signed seeds were made at,
// the test key of the signature targets, and the splitting of one input into several values.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_date.hpp"

namespace mobility::fuzz {

// "now" for every target that checks dates: Tue, 01 Sep 2026 10:00:00 GMT (fuzz_seeds signs at it).
inline http::Clock::time_point fixed_now() { return http::Clock::time_point(std::chrono::seconds(1788256800)); }

// The Host our verifier accepts and the seeds are signed for.
inline constexpr const char* kHost = "ewp.fjordland.example";

inline std::string_view as_text(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// `text` cut at each `separator` (the last piece may be empty).
inline std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  for (;;) {
    size_t at = text.find(separator);
    pieces.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return pieces;
    text.remove_prefix(at + 1);
  }
}

}  // namespace mobility::fuzz
