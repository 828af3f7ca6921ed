// bench/ratio_reporter.hpp: the console reporter, plus the numbers the ratio table needs.
//
// Every benchmark is named "<operation>/<implementation>" (e.g. "sgd_step/gradproof") and
// sets the counter "per_sample": CPU seconds per sample (per iteration for forward, backward
// and sgd_step, per 4096th of an iteration for epoch). This reporter prints what the console
// reporter prints and keeps that counter, in ns, from every repetition and from the "median"
// aggregate, so that main() can print gradproof / textbook for each operation from this same
// run. Only fields present in both Google Benchmark 1.7 and 1.8 are used.
#ifndef GRADPROOF_BENCH_RATIO_REPORTER_HPP
#define GRADPROOF_BENCH_RATIO_REPORTER_HPP

#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gradproof_bench {

inline constexpr const char* per_sample_counter = "per_sample";

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  using benchmark::ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& reports) override {
    benchmark::ConsoleReporter::ReportRuns(reports);
    for (const Run& run : reports) {
      const auto counter = run.counters.find(per_sample_counter);
      if (counter == run.counters.end()) continue;  // failed or skipped: no counter
      const std::string& name = run.run_name.function_name;
      const double ns = counter->second.value * 1e9;
      if (run.run_type == Run::RT_Iteration) {
        repetitions_[name].push_back(ns);
      } else if (run.aggregate_name == "median") {
        medians_[name] = ns;
        aggregated_over_[name] = static_cast<std::size_t>(run.repetitions);
      }
    }
  }

  /// The median over the repetitions (the benchmark's own "median" aggregate), or the single
  /// run's value when there was one repetition; nullopt if the benchmark did not run.
  std::optional<double> typical(const std::string& name) const {
    if (const auto m = medians_.find(name); m != medians_.end()) return m->second;
    const auto r = repetitions_.find(name);
    if (r == repetitions_.end() || r->second.empty()) return std::nullopt;
    std::vector<double> v = r->second;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
  }

  /// The fastest repetition: on a shared machine, the one least disturbed by others. nullopt
  /// if the single repetitions were not reported (--benchmark_display_aggregates_only).
  std::optional<double> best(const std::string& name) const {
    const auto r = repetitions_.find(name);
    if (r == repetitions_.end() || r->second.empty()) return std::nullopt;
    return *std::min_element(r->second.begin(), r->second.end());
  }

  /// How many repetitions the typical value summarises.
  std::size_t repetitions(const std::string& name) const {
    if (const auto a = aggregated_over_.find(name); a != aggregated_over_.end()) return a->second;
    const auto r = repetitions_.find(name);
    return r == repetitions_.end() ? 0 : r->second.size();
  }

 private:
  std::map<std::string, std::vector<double>> repetitions_;
  std::map<std::string, double> medians_;
  std::map<std::string, std::size_t> aggregated_over_;
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_RATIO_REPORTER_HPP
