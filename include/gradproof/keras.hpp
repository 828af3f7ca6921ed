// gradproof/keras.hpp: the network's parameters in the layout of Keras's Dense layers, both
// ways, and the forward pass computed the Keras way.
//
// Why two layouts: gradproof follows the slides, z = W x + b1 with x a column; Keras's Dense
// computes y = x K + b with x a row (one sample per row of a batch), so its kernel is the
// transpose of the slides' weights (slide 3 credits Keras only with the separate bias: note 6):
//   gradproof                        Keras (model.get_weights(), in this order)
//   W  (Hidden, In)                  hidden kernel K1 (In, Hidden) = Wᵀ
//   b1 (Hidden, 1), a column         hidden bias (Hidden,), a 1-D array
//   U  (1, Hidden), a row            output kernel K2 (Hidden, 1) = Uᵀ
//   b2 scalar                        output bias (1,)
// Both conversions only move numbers, so a round trip is exact, bit for bit, both ways
// (static_tests/keras_test.cpp). Shape mistakes between the layouts are compile errors with
// the fix in the message (from_keras, layer_output).
#ifndef GRADPROOF_KERAS_HPP
#define GRADPROOF_KERAS_HPP

#include <array>
#include <cstddef>

#include "detail/numeric.hpp"
#include "math.hpp"
#include "matrix.hpp"
#include "network.hpp"
#include "ops.hpp"

GRADPROOF_FP_CONTRACT_OFF_BEGIN

namespace gradproof::keras {

/// The weights of one keras.layers.Dense(Units): kernel (In, Units), bias (Units,).
/// The bias is a std::array, not a Matrix, because Keras's is 1-D: neither gradproof's b1
/// column nor a row, so neither can be passed for it by mistake.
template <class T, std::size_t In, std::size_t Units>
struct Dense {
  static constexpr std::size_t inputs = In;
  static constexpr std::size_t units = Units;

  Matrix<T, In, Units> kernel;  ///< (In, Units): row i holds input i's weights, y = x K + b
  std::array<T, Units> bias{};      ///< (Units,), added to every row of x K

  friend constexpr bool operator==(const Dense&, const Dense&) = default;
};

/// The slides' network as a Keras Sequential of two sigmoid Dense layers:
/// Dense(Hidden, activation="sigmoid", input_shape=(In,)), then Dense(1, activation="sigmoid").
/// The two layers' shapes agree by construction; from_keras checks layers given separately.
template <class T, std::size_t In = 3, std::size_t Hidden = 4>
struct Model {
  Dense<T, In, Hidden> hidden;  ///< kernel Wᵀ (In, Hidden), bias b1 as (Hidden,)
  Dense<T, Hidden, 1> output;   ///< kernel Uᵀ (Hidden, 1), bias {b2}

  friend constexpr bool operator==(const Model&, const Model&) = default;
};

/// gradproof's parameters in Keras's layout. Only copies: exact.
/// W (Hidden, In) -> K1 = Wᵀ (In, Hidden); b1 (Hidden, 1) -> (Hidden,); U (1, Hidden) -> K2 = Uᵀ
/// (Hidden, 1); b2 -> (1,).
template <class T, std::size_t In, std::size_t Hidden>
constexpr Model<T, In, Hidden> to_keras(const Network<T, In, Hidden>& net) noexcept {
  Model<T, In, Hidden> model{};
  model.hidden.kernel = transpose(net.W);
  model.hidden.bias = net.b1.data;  // a (Hidden, 1) column's storage is its Hidden entries in order
  model.output.kernel = transpose(net.U);
  model.output.bias[0] = net.b2;
  return model;
}

}  // namespace gradproof::keras

namespace gradproof::detail {
/// The two layers of from_keras: the output layer's shape (OutputIn, OutputUnits) must be
/// (Hidden, 1). A wrong pair is told apart, most specific first, and exactly one assert fires.
template <std::size_t In, std::size_t Hidden, std::size_t OutputIn, std::size_t OutputUnits>
constexpr bool layers_fit() noexcept {
  constexpr bool ok = OutputIn == Hidden && OutputUnits == 1;
  // To the lost user: the layers look swapped. The first argument is the hidden layer
  // (In, Hidden), the second the output layer (Hidden, 1): from_keras(hidden, output).
  static_assert(ok || !(Hidden == 1 && OutputUnits == In),
                "gradproof::keras::from_keras: the first layer has 1 unit and the second has as many units as the "
                "first has inputs: the layers are swapped; pass from_keras(hidden, output), in Keras's order");
  // To the lost user: Keras's output kernel is Uᵀ (Hidden, 1); a (1, Hidden) row is gradproof's U.
  static_assert(ok || (Hidden == 1 && OutputUnits == In) || !(OutputIn == 1 && OutputUnits == Hidden),
                "gradproof::keras::from_keras: the output kernel is (1, Hidden), gradproof's U; Keras's output "
                "kernel is (Hidden, 1) = U^T: pass transpose(U), i.e. Dense<T, Hidden, 1>");
  // To the lost user: Keras's hidden kernel is Wᵀ (In, Hidden); a (Hidden, In) one is gradproof's W.
  // (Its rows, not its columns, match the output kernel's rows.)
  static_assert(ok || (Hidden == 1 && OutputUnits == In) || (OutputIn == 1 && OutputUnits == Hidden) || !(OutputUnits == 1 && OutputIn == In),
                "gradproof::keras::from_keras: the hidden kernel's rows, not its columns, match the output kernel's "
                "rows: it is (Hidden, In), gradproof's W; Keras's kernel is (In, Hidden) = W^T (x K, x a row): pass "
                "transpose(W), i.e. Dense<T, In, Hidden>");
  // To the lost user: the slides' network has one output unit (θ and ŷ are scalars).
  static_assert(ok || (Hidden == 1 && OutputUnits == In) || (OutputIn == 1 && OutputUnits == Hidden) || OutputUnits == 1,
                "gradproof::keras::from_keras: the output layer must have exactly 1 unit, Dense(1) with a sigmoid "
                "(one logit theta, one y_hat); this one has more (a 2-unit softmax head is another network)");
  // To the lost user: the output layer's inputs are the hidden layer's units.
  static_assert(ok || (Hidden == 1 && OutputUnits == In) || OutputUnits != 1 || OutputIn == In,
                "gradproof::keras::from_keras: the output kernel's rows (its inputs) must equal the hidden "
                "layer's units (its kernel's columns); are both layers from the same model?");
  return ok;
}

/// x in Keras's layout: one sample per row, Batch rows of In entries.
template <std::size_t In, std::size_t XRows, std::size_t XCols>
constexpr bool keras_input_shape_ok() noexcept {
  // To the lost user: Keras takes a sample as a row (1 x In); a column (In x 1) is gradproof's x.
  static_assert(!(XCols == 1 && XRows == In && In != 1),
                "gradproof::keras: x must be a row (1 x In), one sample per row as Keras takes it, but a column "
                "(In x 1) was given (gradproof's layout); pass transpose(x)");
  // To the lost user: every row of x is one sample, with one entry per input of the layer.
  static_assert(XCols == In || (XCols == 1 && XRows == In),
                "gradproof::keras: each row of x is one sample and must have as many entries as the layer has "
                "inputs (its kernel's rows); x has another number of columns");
  return XCols == In;
}
}  // namespace gradproof::detail

namespace gradproof::keras {

/// Keras's two Dense layers as gradproof's network. Only copies: exact. Takes any two Dense
/// types so that a wrong pair is a static_assert with the fix, not a failed deduction.
/// K1 (In, Hidden) -> W = K1ᵀ (Hidden, In); (Hidden,) -> b1 (Hidden, 1); K2 (Hidden, 1) ->
/// U = K2ᵀ (1, Hidden); (1,) -> b2.
template <class T, std::size_t In, std::size_t Hidden, std::size_t OutputIn, std::size_t OutputUnits>
constexpr Network<T, In, Hidden> from_keras(const Dense<T, In, Hidden>& hidden, const Dense<T, OutputIn, OutputUnits>& output) noexcept {
  Network<T, In, Hidden> net{};
  if constexpr (detail::layers_fit<In, Hidden, OutputIn, OutputUnits>()) {
    net.W = transpose(hidden.kernel);
    net.b1.data = hidden.bias;
    net.U = transpose(output.kernel);
    net.b2 = output.bias[0];
  }
  return net;
}

/// The same, from a whole Model (whose shapes agree by construction).
/// Model<T, In, Hidden> -> Network<T, In, Hidden>.
template <class T, std::size_t In, std::size_t Hidden>
constexpr Network<T, In, Hidden> from_keras(const Model<T, In, Hidden>& model) noexcept {
  return from_keras(model.hidden, model.output);
}

/// A sigmoid Dense layer applied the Keras way: σ(x K + b), b added to every row, σ entry by
/// entry (math::sigmoid, the accurate one, since Keras's activation knows nothing of σ′).
/// x (Batch, In) · K (In, Units) + b (Units,) -> (Batch, Units).
template <class T, std::size_t In, std::size_t Units, std::size_t XRows, std::size_t XCols>
constexpr Matrix<T, XRows, Units> layer_output(const Dense<T, In, Units>& layer,
                                               const Matrix<T, XRows, XCols>& x) noexcept {
  Matrix<T, XRows, Units> out{};
  if constexpr (detail::keras_input_shape_ok<In, XRows, XCols>()) {
    // x K sums over the inputs from 0 up, as W x does: entry (r, c) is the sum of the same
    // products, in the same order, as z_c of gradproof's forward pass (products commute
    // exactly), so both layouts have the same z bit for bit.
    out = x * layer.kernel;
    for (std::size_t r = 0; r < XRows; ++r)
      for (std::size_t c = 0; c < Units; ++c) out(r, c) = math::sigmoid(out(r, c) + layer.bias[c]);
  }
  return out;
}

/// model.predict(x): ŷ for every sample (row) of x, σ(σ(x K1 + b1) K2 + b2).
/// x (Batch, In) -> h (Batch, Hidden) -> ŷ (Batch, 1), Keras's output shape.
template <class T, std::size_t In, std::size_t Hidden, std::size_t XRows, std::size_t XCols>
constexpr Matrix<T, XRows, 1> predict(const Model<T, In, Hidden>& model, const Matrix<T, XRows, XCols>& x) noexcept {
  return layer_output(model.output, layer_output(model.hidden, x));
}

}  // namespace gradproof::keras

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_KERAS_HPP
