// bench/build_facts.hpp: how the benchmark binaries were built (compiler, flags, target
// features, Google Benchmark, Eigen, the CPU), listed once. gradproof_bench prints them above
// its table and puts them into Google Benchmark's context (the JSON "context", which
// tools/perf-report reads); gradproof_callgrind_driver prints them for tools/callgrind-steps.
#ifndef GRADPROOF_BENCH_BUILD_FACTS_HPP
#define GRADPROOF_BENCH_BUILD_FACTS_HPP

#include <gradproof/version.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
#include <Eigen/Core>
#endif

// The build's facts, set by bench/CMakeLists.txt; the fallbacks only keep a hand build compiling.
#ifndef GRADPROOF_BENCH_COMPILER
#define GRADPROOF_BENCH_COMPILER "unknown compiler"
#endif
#ifndef GRADPROOF_BENCH_BUILD_TYPE
#define GRADPROOF_BENCH_BUILD_TYPE "unknown"
#endif
#ifndef GRADPROOF_BENCH_CXX_FLAGS
#define GRADPROOF_BENCH_CXX_FLAGS "unknown (not built by bench/CMakeLists.txt)"
#endif
#ifndef GRADPROOF_BENCH_BENCHMARK_VERSION
#define GRADPROOF_BENCH_BENCHMARK_VERSION "unknown"
#endif

namespace gradproof_bench {

/// One fact: its key in Google Benchmark's context, its label in the printed lines, its value
/// (the context's), and what the printed line adds after it.
struct BuildFact {
  const char* key;
  const char* label;
  std::string value;
  std::string note = "";
};

inline std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(" \t", colon + 1));
    }
  }
  return "unknown (no /proc/cpuinfo)";
}

inline const char* yes_no(bool b) { return b ? "yes" : "no"; }

inline std::string target_features() {
  bool fma = false, avx2 = false, avx512f = false;
#if defined(__FMA__)
  fma = true;
#endif
#if defined(__AVX2__)
  avx2 = true;
#endif
#if defined(__AVX512F__)
  avx512f = true;
#endif
  return std::string("FMA ") + yes_no(fma) + ", AVX2 " + yes_no(avx2) + ", AVX-512F " + yes_no(avx512f);
}

inline const char* fast_math() {
#if defined(__FAST_MATH__)
  return "yes";
#else
  return "no";
#endif
}

inline std::string eigen_facts() {
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
  return std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
         std::to_string(EIGEN_MINOR_VERSION) + " (" + Eigen::SimdInstructionSetsInUse() + ")";
#else
  return "not found at configure time: no Eigen peer";
#endif
}

/// Every fact, in the order they are printed.
inline std::vector<BuildFact> build_facts() {
  return {
      {"gradproof_version", "gradproof",
       std::to_string(GRADPROOF_VERSION_MAJOR) + "." + std::to_string(GRADPROOF_VERSION_MINOR) + "." +
           std::to_string(GRADPROOF_VERSION_PATCH)},
      {"gradproof_compiler", "compiler", GRADPROOF_BENCH_COMPILER},
      {"gradproof_compiler_version", "__VERSION__", __VERSION__},
      {"gradproof_build_type", "build type", GRADPROOF_BENCH_BUILD_TYPE},
      {"gradproof_cxx_flags", "flags", GRADPROOF_BENCH_CXX_FLAGS,
       " (plus -std=c++20 or gnu++20 and the warning flags; __cplusplus " + std::to_string(__cplusplus) + ")"},
      {"gradproof_target", "target", target_features(), std::string(", __FAST_MATH__ ") + fast_math()},
      {"gradproof_benchmark_version", "Google Benchmark", GRADPROOF_BENCH_BENCHMARK_VERSION},
      {"gradproof_eigen", "eigen", eigen_facts()},
      {"gradproof_cpu_model", "cpu", cpu_model()},
  };
}

/// The facts, one per line, and a warning when the build is not optimised.
inline void print_build_facts(std::FILE* out) {
  for (const BuildFact& f : build_facts())
    std::fprintf(out, "%-17s %s%s\n", (std::string(f.label) + ":").c_str(), f.value.c_str(), f.note.c_str());
#if !defined(__OPTIMIZE__)
  std::fprintf(out, "WARNING: this is not an optimised build; its timings say nothing. Use the release preset.\n");
#endif
  std::fflush(out);
}

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_BUILD_FACTS_HPP
