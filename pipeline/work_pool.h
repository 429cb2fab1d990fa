// Private to pipeline/: a fixed set of worker threads that turn inputs into
// outputs (pages into extractions) beside the fetch loop. The loop submits
// and takes results without blocking; on_done (called on a worker thread)
// lets it sleep in its own poll until there is something to take.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace linkgraph::pipeline {

template <typename In, typename Out>
class WorkPool {
 public:
  WorkPool(int threads, std::function<Out(In&)> work, std::function<void()> on_done)
      : work_(std::move(work)), on_done_(std::move(on_done)) {
    for (int i = 0; i < std::max(1, threads); ++i) workers_.emplace_back([this] { Serve(); });
  }
  ~WorkPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_workers_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  void Submit(In input) {
    {
      std::lock_guard lock(mutex_);
      inputs_.push_back(std::move(input));
      ++unfinished_;
    }
    wake_workers_.notify_one();
  }

  std::vector<Out> TakeDone() {
    std::lock_guard lock(mutex_);
    std::vector<Out> done(std::make_move_iterator(outputs_.begin()),
                          std::make_move_iterator(outputs_.end()));
    outputs_.clear();
    unfinished_ -= done.size();
    return done;
  }

  // Submitted and not yet taken.
  size_t Unfinished() const {
    std::lock_guard lock(mutex_);
    return unfinished_;
  }

 private:
  void Serve() {
    while (true) {
      In input;
      {
        std::unique_lock lock(mutex_);
        wake_workers_.wait(lock, [this] { return stopping_ || !inputs_.empty(); });
        if (stopping_) return;
        input = std::move(inputs_.front());
        inputs_.pop_front();
      }
      Out output = work_(input);
      {
        std::lock_guard lock(mutex_);
        outputs_.push_back(std::move(output));
      }
      if (on_done_) on_done_();
    }
  }

  std::function<Out(In&)> work_;
  std::function<void()> on_done_;
  mutable std::mutex mutex_;
  std::condition_variable wake_workers_;
  std::deque<In> inputs_;
  std::deque<Out> outputs_;
  size_t unfinished_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace linkgraph::pipeline
