#include "base/log.hpp"

#include "base/json.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>

namespace mobility::log {
namespace {

std::mutex g_mutex;
std::atomic<Level> g_min_level{Level::kInfo};
std::atomic<Format> g_format{Format::kText};
std::ostream* g_sink = nullptr;

const char* level_name(Level level) {
  switch (level) {
    case Level::kDebug: return "debug";
    case Level::kInfo: return "info";
    case Level::kWarn: return "warn";
    case Level::kError: return "error";
  }
  return "info";
}

std::string utc_timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
  return buffer;
}

// Text values are quoted when they contain spaces, quotes or '=' so lines stay machine-splittable;
// control characters are escaped so one event is always one line.
void append_text_value(std::string& out, std::string_view value) {
  bool needs_quotes = value.empty() || value.find_first_of(" \"=") != std::string_view::npos;
  bool has_control = false;
  for (unsigned char c : value) has_control |= c < 0x20;
  if (!needs_quotes && !has_control) {
    out += value;
    return;
  }
  out += json_quote(value);
}

}  // namespace

void configure(Level min_level, Format format) {
  std::lock_guard lock(g_mutex);
  g_min_level = min_level;
  g_format = format;
}

void set_sink(std::ostream* sink) {
  std::lock_guard lock(g_mutex);
  g_sink = sink;
}

bool enabled(Level level) { return level >= g_min_level; }

std::string format_line(Level level, Format format, std::string_view timestamp, std::string_view event, const Fields& fields) {
  std::string line;
  if (format == Format::kJson) {
    line += "{\"ts\":";
    line += json_quote(timestamp);
    line += ",\"level\":";
    line += json_quote(level_name(level));
    line += ",\"event\":";
    line += json_quote(event);
    for (const auto& [key, value] : fields) {
      line += ',';
      line += json_quote(key);
      line += ':';
      line += json_quote(value);
    }
    line += '}';
    return line;
  }
  line += timestamp;
  line += ' ';
  line += level_name(level);
  line += ' ';
  line += event;
  for (const auto& [key, value] : fields) {
    line += ' ';
    line += key;
    line += '=';
    append_text_value(line, value);
  }
  return line;
}

void write(Level level, std::string_view event, const Fields& fields) {
  if (!enabled(level)) return;
  std::string line = format_line(level, g_format, utc_timestamp(), event, fields);
  line += '\n';
  std::lock_guard lock(g_mutex);
  std::ostream& out = g_sink ? *g_sink : std::cerr;
  out << line;
  out.flush();
}

}  // namespace mobility::log
