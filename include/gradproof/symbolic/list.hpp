// gradproof/symbolic/list.hpp: the symbolic type's growable array, for constant evaluation.
//
// Why not std::vector: the constant evaluators charge for every call and statement, and
// libstdc++'s vector goes through allocator traits, construct_at and uninitialized_copy:
// clang++-19 charges one push_back of an int and its destruction many times the steps this
// array needs for the same job, against a default budget of 2^20 steps per constant evaluation
// (tools/constexpr_cost.sh shows how to count them).
#ifndef GRADPROOF_SYMBOLIC_LIST_HPP
#define GRADPROOF_SYMBOLIC_LIST_HPP

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <utility>

namespace gradproof::symbolic {

/// A growable array. Storage comes from std::allocator and only the elements in use are
/// constructed: g++ 12 keeps every constexpr allocation until the constant evaluation ends, so
/// unused value-initialised slots would cost memory and time.
template <class T>
class list {
 public:
  constexpr list() noexcept = default;
  constexpr list(std::initializer_list<T> items) {
    reserve(items.size());
    for (const T& item : items) push_back(item);
  }
  constexpr list(const list& other) {
    reserve(other.size_);
    for (std::size_t k = 0; k < other.size_; ++k) std::construct_at(data_ + k, other.data_[k]);
    size_ = other.size_;
  }
  constexpr list(list&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  constexpr list& operator=(list other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
    return *this;
  }
  constexpr ~list() { free(); }

  constexpr void reserve(std::size_t n) {
    if (n <= capacity_) return;
    T* grown = std::allocator<T>().allocate(n);
    for (std::size_t k = 0; k < size_; ++k) std::construct_at(grown + k, std::move(data_[k]));
    const std::size_t kept = size_;
    free();
    data_ = grown;
    size_ = kept;
    capacity_ = n;
  }
  constexpr void push_back(const T& value) {
    if (size_ == capacity_) {  // value may be one of this list's elements: copy it before growing
      T copy = value;
      push_back(std::move(copy));
      return;
    }
    std::construct_at(data_ + size_, value);
    ++size_;
  }
  constexpr void push_back(T&& value) {
    if (size_ == capacity_) reserve(capacity_ == 0 ? 2 : 2 * capacity_);
    std::construct_at(data_ + size_, std::move(value));
    ++size_;
  }
  constexpr void pop_back() { std::destroy_at(data_ + --size_); }
  /// Removes entry k, keeping the order.
  constexpr void erase(std::size_t k) {
    for (std::size_t m = k + 1; m < size_; ++m) data_[m - 1] = std::move(data_[m]);
    pop_back();
  }

  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr T& operator[](std::size_t k) noexcept { return data_[k]; }
  constexpr const T& operator[](std::size_t k) const noexcept { return data_[k]; }
  constexpr T& front() noexcept { return data_[0]; }
  constexpr const T& front() const noexcept { return data_[0]; }
  constexpr T& back() noexcept { return data_[size_ - 1]; }
  constexpr const T& back() const noexcept { return data_[size_ - 1]; }
  constexpr T* begin() noexcept { return data_; }
  constexpr T* end() noexcept { return data_ + size_; }
  constexpr const T* begin() const noexcept { return data_; }
  constexpr const T* end() const noexcept { return data_ + size_; }

 private:
  constexpr void free() noexcept {
    if (data_ == nullptr) return;
    for (std::size_t k = 0; k < size_; ++k) std::destroy_at(data_ + k);
    std::allocator<T>().deallocate(data_, capacity_);
    data_ = nullptr;
    size_ = 0;
    capacity_ = 0;
  }
  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

namespace error {
[[noreturn]] inline void a_monomial_has_more_distinct_generators_than_gradproof_symbolic_max_factors() {
  throw std::length_error(
      "gradproof::symbolic: a monomial has more distinct generators than GRADPROOF_SYMBOLIC_MAX_FACTORS; "
      "define it larger before including gradproof/symbolic.hpp");
}
}  // namespace error

/// A list of at most Capacity elements stored inline: a monomial's factors. No allocation, which
/// is what costs in a constant evaluation (above); the named error when it would overflow.
template <class T, std::size_t Capacity>
class inline_list {
 public:
  constexpr inline_list() noexcept = default;
  // Element by element: g++ 12's implicit copy of an array member destroys a temporary element
  // it never made, in a constant evaluation ("use of allocated storage after deallocation").
  constexpr inline_list(const inline_list& other) : size_(other.size_) {
    for (std::size_t k = 0; k < size_; ++k) items_[k] = other.items_[k];
  }
  constexpr inline_list(inline_list&& other) noexcept : size_(other.size_) {
    for (std::size_t k = 0; k < size_; ++k) items_[k] = std::move(other.items_[k]);
  }
  constexpr inline_list& operator=(const inline_list& other) {
    if (this == &other) return *this;
    for (std::size_t k = 0; k < other.size_; ++k) items_[k] = other.items_[k];
    for (std::size_t k = other.size_; k < size_; ++k) items_[k] = T{};
    size_ = other.size_;
    return *this;
  }
  constexpr inline_list& operator=(inline_list&& other) noexcept {
    for (std::size_t k = 0; k < other.size_; ++k) items_[k] = std::move(other.items_[k]);
    for (std::size_t k = other.size_; k < size_; ++k) items_[k] = T{};
    size_ = other.size_;
    return *this;
  }
  constexpr ~inline_list() = default;
  constexpr void push_back(const T& value) {
    if (size_ == Capacity) error::a_monomial_has_more_distinct_generators_than_gradproof_symbolic_max_factors();
    items_[size_++] = value;
  }
  constexpr void pop_back() { items_[--size_] = T{}; }
  constexpr void erase(std::size_t k) {
    for (std::size_t m = k + 1; m < size_; ++m) items_[m - 1] = std::move(items_[m]);
    pop_back();
  }
  constexpr void reserve(std::size_t) noexcept {}
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr T& operator[](std::size_t k) noexcept { return items_[k]; }
  constexpr const T& operator[](std::size_t k) const noexcept { return items_[k]; }
  constexpr T* begin() noexcept { return items_; }
  constexpr T* end() noexcept { return items_ + size_; }
  constexpr const T* begin() const noexcept { return items_; }
  constexpr const T* end() const noexcept { return items_ + size_; }

 private:
  T items_[Capacity]{};
  std::size_t size_ = 0;
};

/// Stable merge sort by less(a, b): few comparisons, which are what costs here (two monomials
/// compare factor by factor).
template <class T, class Less>
constexpr void sort(list<T>& items, Less less) {
  const std::size_t n = items.size();
  if (n < 2) return;
  list<T> buffer;
  buffer.reserve(n);
  for (std::size_t k = 0; k < n; ++k) buffer.push_back(T{});
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = lo + width < n ? lo + width : n;
      const std::size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
      std::size_t i = lo, j = mid, out = lo;
      while (i < mid && j < hi)
        buffer[out++] = less(items[j], items[i]) ? std::move(items[j++]) : std::move(items[i++]);
      while (i < mid) buffer[out++] = std::move(items[i++]);
      while (j < hi) buffer[out++] = std::move(items[j++]);
    }
    std::swap(items, buffer);
  }
}

}  // namespace gradproof::symbolic

#endif  // GRADPROOF_SYMBOLIC_LIST_HPP
