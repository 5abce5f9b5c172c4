#include "base/metrics.hpp"

#include <array>
#include <cstdio>
#include <map>
#include <mutex>

namespace mobility::metrics {
namespace {

constexpr size_t kBuckets = std::size(kSecondsBuckets);

struct Histogram {
  std::array<double, kBuckets> buckets{};  // observations <= each bound (cumulated when written)
  double sum = 0;
  double count = 0;
};

struct Registry {
  std::mutex mutex;
  std::map<std::string, std::map<Labels, double>> counters;
  std::map<std::string, std::map<Labels, Histogram>> histograms;
  std::map<std::string, std::string> help;
};

Registry& registry() {
  static Registry* instance = new Registry();  // never destroyed: threads may count during exit
  return *instance;
}

std::string escaped(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  return out;
}

std::string label_text(const Labels& labels, const std::string& extra = "") {
  std::string text;
  for (const auto& [name, value] : labels) text += (text.empty() ? "" : ",") + name + "=\"" + escaped(value) + "\"";
  if (!extra.empty()) text += (text.empty() ? "" : ",") + extra;
  return text.empty() ? "" : "{" + text + "}";
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

std::string header(const Registry& r, const std::string& name, const char* type) {
  auto help = r.help.find(name);
  return "# HELP " + name + " " + (help == r.help.end() ? name : help->second) + "\n# TYPE " + name + " " + type + "\n";
}

}  // namespace

void count(const std::string& name, const Labels& labels, double delta) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.counters[name][labels] += delta;
}

void observe_seconds(const std::string& name, const Labels& labels, double seconds) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  Histogram& histogram = r.histograms[name][labels];
  for (size_t i = 0; i < kBuckets; ++i) {
    if (seconds <= kSecondsBuckets[i]) {
      histogram.buckets[i] += 1;
      break;
    }
  }
  histogram.sum += seconds;
  histogram.count += 1;
}

void describe(const std::string& name, const std::string& help) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.help[name] = help;
}

std::string render() {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  std::string text;
  for (const auto& [name, series] : r.counters) {
    text += header(r, name, "counter");
    for (const auto& [labels, value] : series) text += name + label_text(labels) + " " + number(value) + "\n";
  }
  for (const auto& [name, series] : r.histograms) {
    text += header(r, name, "histogram");
    for (const auto& [labels, histogram] : series) {
      double cumulated = 0;
      for (size_t i = 0; i < kBuckets; ++i) {
        cumulated += histogram.buckets[i];
        text +=
            name + "_bucket" + label_text(labels, "le=\"" + number(kSecondsBuckets[i]) + "\"") + " " + number(cumulated) + "\n";
      }
      text += name + "_bucket" + label_text(labels, "le=\"+Inf\"") + " " + number(histogram.count) + "\n";
      text += name + "_sum" + label_text(labels) + " " + number(histogram.sum) + "\n";
      text += name + "_count" + label_text(labels) + " " + number(histogram.count) + "\n";
    }
  }
  return text;
}

std::string render_gauge(const std::string& name, const std::string& help,
                         const std::vector<std::pair<Labels, double>>& samples) {
  std::string text = "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n";
  for (const auto& [labels, value] : samples) text += name + label_text(labels) + " " + number(value) + "\n";
  return text;
}

void reset() {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.counters.clear();
  r.histograms.clear();
}

}  // namespace mobility::metrics
