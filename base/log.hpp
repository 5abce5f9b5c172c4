// Structured logging: one line per event on standard error.
//
//   log::info("request", {{"method", "GET"}, {"status", "200"}});
// text:  2026-11-22T11:30:00.123Z info request method=GET status=200
// json:  {"ts":"2026-11-22T11:30:00.123Z","level":"info","event":"request","method":"GET","status":"200"}
//
// Callers log identifiers and sizes, never request bodies, passwords or keys.
// Thread-safe; a line is written whole or not at all.
#pragma once

#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mobility::log {

enum class Level { kDebug, kInfo, kWarn, kError };
enum class Format { kText, kJson };

using Field = std::pair<std::string, std::string>;
using Fields = std::vector<Field>;

// Set once at start-up (before threads start); defaults are info and text.
void configure(Level min_level, Format format);
// Tests capture lines here; nullptr restores standard error.
void set_sink(std::ostream* sink);

bool enabled(Level level);
void write(Level level, std::string_view event, const Fields& fields = {});

inline void debug(std::string_view event, const Fields& fields = {}) { write(Level::kDebug, event, fields); }
inline void info(std::string_view event, const Fields& fields = {}) { write(Level::kInfo, event, fields); }
inline void warn(std::string_view event, const Fields& fields = {}) { write(Level::kWarn, event, fields); }
inline void error(std::string_view event, const Fields& fields = {}) { write(Level::kError, event, fields); }

// Renders one line without the trailing newline (exposed for tests).
std::string format_line(Level level, Format format, std::string_view timestamp, std::string_view event, const Fields& fields);

}  // namespace mobility::log
