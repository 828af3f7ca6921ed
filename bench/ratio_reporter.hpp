// bench/ratio_reporter.hpp: Google Benchmark's report in the format asked for, plus the numbers
// the ratio tables need.
//
// Google Benchmark prints with whatever display reporter main() hands it and ignores
// --benchmark_format then; so main() reads the format itself (requested_format, before
// benchmark::Initialize removes the flag) and hands over a RatioReporter, which builds the
// reporter Google Benchmark would have built for that format (console, JSON or CSV), passes
// every call on to it, and keeps the "per_sample" counter of every run.
//
// Every benchmark is named "<operation>/<implementation>" (e.g. "sgd_step/gradproof") and
// sets the counter "per_sample": CPU seconds per sample (per iteration for forward, backward
// and sgd_step, per 4096th of an iteration for epoch). RatioReporter keeps it, in ns, from
// every repetition and from the "median" aggregate, so that main() can print gradproof /
// textbook for each operation from this same run. Only fields present in both Google
// Benchmark 1.7 and 1.8 are used.
//
// gradproof's own lines (build facts, agreement checks, ratios) go to info_stream(format):
// stdout with the console format, stderr with json and csv, so that stdout then carries
// exactly Google Benchmark's JSON or CSV.
#ifndef GRADPROOF_BENCH_RATIO_REPORTER_HPP
#define GRADPROOF_BENCH_RATIO_REPORTER_HPP

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__has_include)
#if __has_include(<unistd.h>)
#include <unistd.h>
#define GRADPROOF_BENCH_HAVE_ISATTY 1
#endif
#endif

namespace gradproof_bench {

inline constexpr const char* per_sample_counter = "per_sample";

enum class Format { console, json, csv };

/// A --benchmark_*format flag as Google Benchmark will read it, or why it will not.
struct FormatChoice {
  std::optional<Format> format;  // nullopt: the value is none of console, json, csv
  std::string value;             // as spelled, for the error message
  std::string source;            // "--benchmark_format" or "BENCHMARK_FORMAT" or "" (the default)
};

/// The value of --<flag>=VALUE that Google Benchmark will use: the last one on the command line,
/// else the environment variable of the flag's name in capitals (BENCHMARK_FORMAT), else
/// "console", as Google Benchmark's own flag parsing does. To be called before
/// benchmark::Initialize, which removes the flag from argv. Google Benchmark answers a value
/// it does not know with its usage text on stdout and exit status 0; the caller can refuse it
/// with a message instead.
inline FormatChoice requested_format(int argc, char** argv, std::string_view flag = "benchmark_format") {
  std::string env_name(flag);
  std::transform(env_name.begin(), env_name.end(), env_name.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  const char* env = std::getenv(env_name.c_str());
  std::string value = env != nullptr ? env : "console";
  std::string source = env != nullptr ? env_name : "";
  const std::string prefix = "--" + std::string(flag) + "=";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg(argv[i]);
    if (arg.substr(0, prefix.size()) == prefix) {
      value = std::string(arg.substr(prefix.size()));
      source = "--" + std::string(flag);
    }
  }
  if (value == "console") return {Format::console, value, source};
  if (value == "json") return {Format::json, value, source};
  if (value == "csv") return {Format::csv, value, source};
  return {std::nullopt, value, source};
}

/// The display format of this command line; nullopt after saying on stderr which format
/// (--benchmark_format or --benchmark_out_format, or their environment variables) is unknown.
inline std::optional<Format> display_format(const char* program, int argc, char** argv) {
  const FormatChoice shown = requested_format(argc, argv);
  for (const FormatChoice& choice : {shown, requested_format(argc, argv, "benchmark_out_format")}) {
    if (!choice.format) {
      std::fprintf(stderr, "%s: %s=%s: unknown format; use console, json or csv\n", program, choice.source.c_str(),
                   choice.value.c_str());
      return std::nullopt;
    }
  }
  return shown.format;
}

/// Where gradproof's own lines go: stdout beside the console table; stderr beside JSON or CSV,
/// which must be all of stdout to be read by a program.
inline std::FILE* info_stream(Format format) { return format == Format::console ? stdout : stderr; }

class RatioReporter : public benchmark::BenchmarkReporter {
 public:
  explicit RatioReporter(Format format) : shown_(make_reporter(format)) {}

  bool ReportContext(const Context& context) override { return shown_->ReportContext(context); }

  void ReportRuns(const std::vector<Run>& reports) override {
    shown_->ReportRuns(reports);
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

  void Finalize() override { shown_->Finalize(); }

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
  // The console table in colour only on a terminal, and always tabular: the counters line up.
  static std::unique_ptr<benchmark::BenchmarkReporter> make_reporter(Format format) {
    switch (format) {
      case Format::json:
        return std::make_unique<benchmark::JSONReporter>();
      case Format::csv:
// Google Benchmark marks its CSV reporter deprecated, yet --benchmark_format=csv selects it.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
        return std::make_unique<benchmark::CSVReporter>();
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
      case Format::console:
        break;
    }
    auto options = benchmark::ConsoleReporter::OO_Tabular;
#if defined(GRADPROOF_BENCH_HAVE_ISATTY)
    if (isatty(STDOUT_FILENO) != 0) options = benchmark::ConsoleReporter::OO_ColorTabular;
#endif
    return std::make_unique<benchmark::ConsoleReporter>(options);
  }

  std::unique_ptr<benchmark::BenchmarkReporter> shown_;
  std::map<std::string, std::vector<double>> repetitions_;
  std::map<std::string, double> medians_;
  std::map<std::string, std::size_t> aggregated_over_;
};

// ---------------------------------------------------------------------------------------
// The ratio table.

/// One comparison of the table: numerator / denominator of the typical (median) ns.
struct Ratio {
  double num = 0.0;
  double den = 0.0;
  double ratio = 0.0;
  std::optional<double> best;  // best over best
  std::size_t reps = 0;
};

inline std::optional<Ratio> ratio_of(const RatioReporter& r, const std::string& num, const std::string& den) {
  const auto n = r.typical(num);
  const auto d = r.typical(den);
  if (!n || !d) return std::nullopt;
  Ratio q{*n, *d, *n / *d, std::nullopt, std::min(r.repetitions(num), r.repetitions(den))};
  const auto bn = r.best(num);
  const auto bd = r.best(den);
  if (bn && bd) q.best = *bn / *bd;
  return q;
}

inline void print_row(std::FILE* info, const char* label, const std::optional<Ratio>& q) {
  if (!q) {
    std::fprintf(info, "  %-48s %5s %12s %12s %8s %10s\n", label, "-", "not run", "", "n/a", "n/a");
    return;
  }
  std::fprintf(info, "  %-48s %5zu %12.2f %12.2f %8.3f ", label, q->reps, q->num, q->den, q->ratio);
  if (q->best) {
    std::fprintf(info, "%10.3f\n", *q->best);
  } else {
    std::fprintf(info, "%10s\n", "n/a");
  }
}

/// gradproof_bench's table: each operation's implementations against each other, lockstep and
/// mini-batch against one network's per-sample step. Ratios only: tools/perf-report judges them.
inline void print_ratio_table(std::FILE* info, const RatioReporter& r) {
  std::fprintf(info, "\nratios of CPU time per sample, measured in this run (below 1: the first is faster)\n");
  std::fprintf(info, "  %-48s %5s %12s %12s %8s %10s\n", "comparison", "reps", "first ns", "second ns", "ratio",
               "best/best");
  std::fprintf(info, "gradproof / textbook\n");
  for (const char* op : {"forward", "backward", "sgd_step", "epoch"})
    print_row(info, op, ratio_of(r, std::string(op) + "/gradproof", std::string(op) + "/textbook"));
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
  std::fprintf(info, "gradproof / Eigen\n");
  for (const char* op : {"sgd_step", "epoch"})
    print_row(info, op, ratio_of(r, std::string(op) + "/gradproof", std::string(op) + "/eigen"));
  std::fprintf(info, "textbook / Eigen\n");
  for (const char* op : {"sgd_step", "epoch"})
    print_row(info, op, ratio_of(r, std::string(op) + "/textbook", std::string(op) + "/eigen"));
#else
  std::fprintf(info, "gradproof / Eigen: not built (CMake did not find Eigen 3.4; Debian: libeigen3-dev)\n");
#endif
  // Lockstep per network-step and mini-batch per sample, each over one network's per-sample SGD.
  struct Row {
    const char* section;  // printed before the row, if any
    const char* label;
    const char* num;
    const char* den;
  };
  for (const Row& row : {
           Row{"lockstep per network-step / one network's sgd_step", "K = 4", "lockstep/gradproof/k:4",
               "sgd_step/gradproof"},
           Row{nullptr, "K = 8", "lockstep/gradproof/k:8", "sgd_step/gradproof"},
           Row{nullptr, "epoch, K = 8 (train_many / sgd_epoch)", "lockstep_epoch/gradproof/k:8", "epoch/gradproof"},
           Row{"mini-batch per sample / per-sample sgd_step", "B = 8", "minibatch/gradproof/b:8", "sgd_step/gradproof"},
           Row{nullptr, "B = 32", "minibatch/gradproof/b:32", "sgd_step/gradproof"},
           Row{nullptr, "epoch, B = 32 (sgd_epoch_minibatch / sgd_epoch)", "minibatch_epoch/gradproof/b:32",
               "epoch/gradproof"},
       }) {
    if (row.section != nullptr) std::fprintf(info, "%s\n", row.section);
    print_row(info, row.label, ratio_of(r, row.num, row.den));
  }
  std::fprintf(info,
               "ns: the median over the repetitions (the single run if one); ratio: of those medians;\n"
               "best/best: fastest repetition over fastest repetition. Absolute times on a shared machine are noise;\n"
               "the ratios, measured side by side, are the result. tools/perf-report judges them against the\n"
               "project's speed goals (docs/performance.md).\n");
}

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_RATIO_REPORTER_HPP
