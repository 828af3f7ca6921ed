// static_tests/parameters_test.cpp: parameters.hpp lists a network's parameters in the slides'
// order (W row-major, b1, U, b2), with their names, and counts them, for the 3-4-1 network and
// two other shapes. Each check has a known-bad twin: the same check given a wrong order, a
// wrong name or a wrong count rejects it.
#include <array>
#include <cstddef>
#include <string_view>

#include "test_tools.hpp"

namespace {

using namespace gradproof;

/// A network whose every entry is its own place in the slides' order, written out by hand from
/// the slides' definition (W row by row, then b1, U, b2), not from parameters.hpp.
template <std::size_t In, std::size_t Hidden>
constexpr Network<double, In, Hidden> numbered() {
  Network<double, In, Hidden> n{};
  double v = 0;
  for (std::size_t i = 0; i < Hidden; ++i)
    for (std::size_t j = 0; j < In; ++j) n.W(i, j) = v++;
  for (std::size_t i = 0; i < Hidden; ++i) n.b1(i, 0) = v++;
  for (std::size_t i = 0; i < Hidden; ++i) n.U(0, i) = v++;
  n.b2 = v;
  return n;
}

/// The visit reads entry k, at (row, col) of the parameter named, as the k-th entry. `swap`
/// stands for a visitor that exchanged two entries: the twins' wrong order.
template <std::size_t In, std::size_t Hidden>
constexpr bool visits_in_slide_order(std::size_t swap_a = 0, std::size_t swap_b = 0) {
  const auto net = numbered<In, Hidden>();
  std::array<double, parameter_count<Network<double, In, Hidden>>> seen{};
  bool places_agree = true;
  std::size_t visits = 0;
  for_each_parameter_entry(net, [&](const ParameterEntry& e, const double& v) {
    std::size_t k = e.index;
    if (k == swap_a)
      k = swap_b;
    else if (k == swap_b)
      k = swap_a;
    seen[k] = v;
    ++visits;
    // (row, col) names the same entry the flat index does.
    if (e.name == "W") places_agree = places_agree && net.W(e.row, e.col) == v;
    if (e.name == "b1") places_agree = places_agree && net.b1(e.row, e.col) == v && e.col == 0;
    if (e.name == "U") places_agree = places_agree && net.U(e.row, e.col) == v && e.row == 0;
    if (e.name == "b2") places_agree = places_agree && net.b2 == v && e.row == 0 && e.col == 0;
  });
  for (std::size_t k = 0; k < seen.size(); ++k)
    if (seen[k] != static_cast<double>(k)) return false;
  return places_agree && visits == seen.size();
}
static_assert(visits_in_slide_order<3, 4>());
static_assert(visits_in_slide_order<2, 3>());
static_assert(visits_in_slide_order<4, 2>());
// Twins: W read column-major (entries (0, 1) and (1, 0) exchanged), b1 before W's last entry.
static_assert(!visits_in_slide_order<3, 4>(1, 3));
static_assert(!visits_in_slide_order<3, 4>(11, 12));

// ---- The count: In·Hidden + 2·Hidden + 1, each shape's entries counted by hand ---------------
static_assert(parameter_count<Network<double, 3, 4>> == 12 + 4 + 4 + 1);
static_assert(parameter_count<Network<double, 2, 3>> == 6 + 3 + 3 + 1);
static_assert(parameter_count<Network<double, 4, 2>> == 8 + 2 + 2 + 1);
static_assert(parameter_count<Gradients<float, 3, 4>> == parameter_count<const Network<double, 3, 4>&>);
/// The count the visit makes, and the size of the whole network in entries.
template <std::size_t In, std::size_t Hidden>
constexpr bool count_is_every_entry(std::size_t claimed) {
  std::size_t visits = 0;
  for_each_parameter_entry(Network<double, In, Hidden>{},
                           [&visits](const ParameterEntry&, const double&) { ++visits; });
  return visits == claimed && sizeof(Network<double, In, Hidden>) == claimed * sizeof(double);
}
static_assert(count_is_every_entry<3, 4>(parameter_count<Network<double, 3, 4>>));
static_assert(count_is_every_entry<2, 3>(parameter_count<Network<double, 2, 3>>));
static_assert(count_is_every_entry<4, 2>(parameter_count<Network<double, 4, 2>>));
// Twins: a count that forgets b2, or counts U twice, is rejected.
static_assert(!count_is_every_entry<3, 4>(parameter_count<Network<double, 3, 4>> - 1));
static_assert(!count_is_every_entry<2, 3>(parameter_count<Network<double, 2, 3>> + 3));

// ---- The names, parameter by parameter, and each gradient beside its parameter ---------------
/// for_each_parameter names W, b1, U, b2 in order, each with the member of that name (its
/// address), and pairs each with the gradient of its name; `expected` is the list to match.
constexpr bool names_are(const std::array<std::string_view, 4>& expected) {
  Network<double> net{};
  Gradients<double> g{};
  const void* members[] = {&net.W, &net.b1, &net.U, &net.b2};
  const void* grads[] = {&g.dW, &g.db1, &g.dU, &g.db2};
  std::size_t k = 0;
  bool ok = true;
  for_each_parameter_with_gradient(net, g, [&](std::string_view name, auto& p, auto& dp) {
    ok = ok && k < 4 && name == expected[k] && static_cast<const void*>(&p) == members[k] &&
         static_cast<const void*>(&dp) == grads[k];
    ++k;
  });
  std::size_t m = 0;
  for_each_parameter(net, [&](std::string_view name, auto& p) {
    ok = ok && name == expected[m] && static_cast<const void*>(&p) == members[m];
    ++m;
  });
  return ok && k == 4 && m == 4;
}
static_assert(names_are({"W", "b1", "U", "b2"}));
// Twins: the slides' names in another order, and a gradient's name for its parameter.
static_assert(!names_are({"W", "U", "b1", "b2"}));
static_assert(!names_are({"dW", "b1", "U", "b2"}));

// b2 is visited as a scalar reference, the matrices as themselves.
static_assert([] {
  Network<double> net{};
  for_each_parameter(net, [](std::string_view name, auto& p) {
    if constexpr (!matrix<std::remove_cvref_t<decltype(p)>>) {
      if (name == "b2") p = 2.5;
    }
  });
  return net.b2 == 2.5;
}());

}  // namespace
