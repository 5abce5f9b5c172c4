// The process's counters and histograms, written out in the Prometheus text format (version
// 0.0.4) by GET /metrics (ops/cli/metrics_route.hpp). Thread-safe; one mutex, held only to add a
// number. Label values come from code (routes, API names, partner HEI ids, outcomes), never from
// free user input, so the number of series stays bounded.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mobility::metrics {

using Labels = std::vector<std::pair<std::string, std::string>>;  // (name, value), in order

// Adds `delta` to the counter `name` with `labels` (created at 0).
void count(const std::string& name, const Labels& labels, double delta = 1);

// Records one observation in the histogram `name` (buckets of kSecondsBuckets).
void observe_seconds(const std::string& name, const Labels& labels, double seconds);

inline constexpr double kSecondsBuckets[] = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

// The HELP text written for `name`.
void describe(const std::string& name, const std::string& help);

// Every counter and histogram recorded so far, as Prometheus text.
std::string render();

// One gauge family as Prometheus text: `# HELP`, `# TYPE gauge`, one line per sample.
std::string render_gauge(const std::string& name, const std::string& help, const std::vector<std::pair<Labels, double>>& samples);

// Forgets everything (tests).
void reset();

}  // namespace mobility::metrics
