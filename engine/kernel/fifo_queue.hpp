#pragma once
// A first-in-first-out queue on a growable ring buffer. Unlike std::deque it
// keeps its storage when it empties, so a queue that fills and drains all run
// long stops allocating once it has reached its largest size. The ring's size
// is a power of two (16, doubled as it grows), so a place in it is a mask,
// not a division: a 64-bit division costs tens of cycles, and a model may
// push and pop for every arrival.
#include <cassert>
#include <cstddef>
#include <vector>

namespace casesim::kernel {

template <class T>
class FifoQueue {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  void push(const T& value) {
    if (size_ == buffer_.size()) grow();
    buffer_[wrap(head_ + size_)] = value;
    ++size_;
  }
  // Puts a value at the front: it is the next out.
  void push_front(const T& value) {
    if (size_ == buffer_.size()) grow();
    head_ = wrap(head_ + buffer_.size() - 1);
    buffer_[head_] = value;
    ++size_;
  }
  const T& front() const {
    assert(size_ > 0);
    return buffer_[head_];
  }
  // The i-th element from the front (0 = front).
  const T& operator[](std::size_t i) const {
    assert(i < size_);
    return buffer_[wrap(head_ + i)];
  }
  // Removes the first element equal to `value`, keeping the order of the rest.
  // O(size): for the rare removal from the middle.
  bool erase(const T& value) {
    for (std::size_t i = 0; i < size_; ++i) {
      if (!(buffer_[wrap(head_ + i)] == value)) continue;
      for (std::size_t j = i; j + 1 < size_; ++j) buffer_[wrap(head_ + j)] = buffer_[wrap(head_ + j + 1)];
      --size_;
      return true;
    }
    return false;
  }
  T pop() {
    assert(size_ > 0);
    T value = buffer_[head_];
    head_ = wrap(head_ + 1);
    --size_;
    return value;
  }

 private:
  // A position past the ring's end, brought back into it (the size is a power of two).
  std::size_t wrap(std::size_t i) const { return i & (buffer_.size() - 1); }
  void grow() {
    std::vector<T> bigger(buffer_.empty() ? 16 : 2 * buffer_.size());
    for (std::size_t i = 0; i < size_; ++i) bigger[i] = buffer_[wrap(head_ + i)];
    buffer_.swap(bigger);
    head_ = 0;
  }
  std::vector<T> buffer_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace casesim::kernel
