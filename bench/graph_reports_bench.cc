// linkgraph_graph_bench: how long the per-person graph reports (met --person,
// person, path, vouch --as) take on a synthetic store of 100,000 people and
// 1,000,000 edges, through reports::WriteReport and, when it is built, the
// linkgraph binary. A benchmark, not a test: it prints figures and asserts
// nothing about time. See bench/README.md.
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "bench/command_runner.h"
#include "bench/synthetic_graph.h"
#include "bench/timed_store.h"
#include "reports/reports.h"
#include "store/store.h"

namespace linkgraph::bench {
namespace {

using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct BenchOptions {
  SyntheticGraphOptions graph;
  int reps = 20;                                     // Default: 20 batches per case
  std::string db = "/tmp/linkgraph-graph-bench.db";  // deleted and rewritten first
  std::string binary;    // the linkgraph CLI; Default: ../cli/linkgraph next to this program
  int binary_runs = 3;   // Default: 3 runs of each CLI command
  int hubs = 5;          // Default: the 5 people with the most edges
  int ordinary = 10;     // Default: 10 people drawn at random (degree >= 1, not hubs)
  double budget_s = 30;  // Default: stop repeating a case after 30 s of queries
  bool reuse = false;    // keep an existing database written with the same options
  // Which reports to time, of "met", "person", "path", "vouch". Default: all
  std::set<std::string> reports = {"met", "person", "path", "vouch"};
  bool profile = true;  // Default: break one run of each case down by store call
};

constexpr const char* kUsage =
    "usage: linkgraph_graph_bench [--people N] [--edges M] [--reps R] [--db PATH]\n"
    "         [--seed S] [--hubs H] [--ordinary O] [--budget SECONDS] [--reuse]\n"
    "         [--reports met,person,path,vouch]\n"
    "         [--binary PATH|none] [--binary-runs K] [--no-profile]\n"
    "Generates a synthetic graph (default 100000 people, 1000000 edges), writes it into\n"
    "a fresh SQLite store (default /tmp/linkgraph-graph-bench.db, deleted first), then\n"
    "times `report met --person`, `person`, `path` and `vouch --as` for hubs and\n"
    "ordinary people, table and json, R batches each on a fresh connection.\n"
    "--reuse keeps an existing database with the same counts; --binary none skips the CLI.\n";

std::set<std::string> SplitCommas(const std::string& text) {
  std::set<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    if (!part.empty()) parts.insert(part);
  }
  return parts;
}

// Returns false (after printing why) on a bad command line.
bool ParseArguments(int argc, char** argv, BenchOptions* options) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (flag == "--reuse") {
      options->reuse = true;
      continue;
    }
    if (flag == "--no-profile") {
      options->profile = false;
      continue;
    }
    if (i + 1 >= argc) {
      std::cerr << "linkgraph_graph_bench: " << flag << " needs a value\n" << kUsage;
      return false;
    }
    const std::string value = argv[++i];
    using Setter = std::function<void()>;
    const std::map<std::string, Setter> setters = {
        {"--people", [&] { options->graph.people = std::stoll(value); }},
        {"--edges", [&] { options->graph.edges = std::stoll(value); }},
        {"--seed", [&] { options->graph.seed = std::stoull(value); }},
        {"--reps", [&] { options->reps = std::stoi(value); }},
        {"--hubs", [&] { options->hubs = std::stoi(value); }},
        {"--ordinary", [&] { options->ordinary = std::stoi(value); }},
        {"--budget", [&] { options->budget_s = std::stod(value); }},
        {"--binary-runs", [&] { options->binary_runs = std::stoi(value); }},
        {"--db", [&] { options->db = value; }},
        {"--binary", [&] { options->binary = value; }},
        {"--reports", [&] { options->reports = SplitCommas(value); }},
    };
    auto setter = setters.find(flag);
    if (setter == setters.end()) {
      std::cerr << "linkgraph_graph_bench: unknown option " << flag << "\n" << kUsage;
      return false;
    }
    try {
      setter->second();
    } catch (const std::exception&) {
      std::cerr << "linkgraph_graph_bench: " << flag << ": not a number: " << value << "\n";
      return false;
    }
  }
  if (options->graph.people < 2 || options->graph.edges < 1 || options->reps < 1 ||
      options->hubs < 1 || options->ordinary < 2) {
    std::cerr << "linkgraph_graph_bench: need people >= 2, edges, reps, hubs >= 1, ordinary >= 2\n";
    return false;
  }
  return true;
}

// Peak resident set of this process (ru_maxrss, KiB on Linux), whole run.
long PeakRssKib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// A line of /proc/self/status ("VmHWM", "VmRSS") in KiB; -1 when unknown.
long ProcStatusKib(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
  }
  return -1;
}

// Resets VmHWM to the current RSS (Linux 4.0+), so the query phase's own peak
// can be told apart from the generator's.
bool ResetPeakRss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

// "0.52 0.80 1.10": the 1, 5 and 15 minute load averages, since other work
// on the machine moves every figure here.
std::string LoadAverage() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

double Mib(double bytes) { return bytes / (1024.0 * 1024.0); }

long long FileBytes(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<long long>(size);
}

void RemoveDatabase(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix, ignored);
  }
}

std::unique_ptr<store::Store> OpenOrDie(const std::string& path, bool create) {
  store::OpenOptions options;
  options.create_if_missing = create;
  Result<std::unique_ptr<store::Store>> opened = store::OpenSqliteStore(path, options);
  if (!opened) {
    std::cerr << "linkgraph_graph_bench: open " << path << ": " << opened.error().message << "\n";
    std::exit(1);
  }
  return std::move(*opened);
}

// ---------------------------------------------------------------------------
// The graph's shape and the people the reports are asked about.

struct Shape {
  std::vector<long long> degree;      // by id: edges touching the person
  std::vector<long long> met_degree;  // by id: met and spoke edges touching the person
  std::map<std::string, long long> by_kind;
};

Shape ShapeOf(const store::GraphSnapshot& graph) {
  Shape shape;
  shape.degree.assign(graph.people.size() + 1, 0);
  shape.met_degree.assign(graph.people.size() + 1, 0);
  for (const store::StoredEdge& edge : graph.edges) {
    ++shape.by_kind[edge.kind];
    ++shape.degree[static_cast<size_t>(edge.from)];
    if (edge.to != edge.from) ++shape.degree[static_cast<size_t>(edge.to)];
    if (edge.kind == "met" || edge.kind == "spoke") {
      ++shape.met_degree[static_cast<size_t>(edge.from)];
      if (edge.to != edge.from) ++shape.met_degree[static_cast<size_t>(edge.to)];
    }
  }
  return shape;
}

long long Quantile(std::vector<long long> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

void PrintShape(const Shape& shape) {
  std::vector<long long> degrees(shape.degree.begin() + 1, shape.degree.end());
  long long over_1000 = 0, over_100 = 0, isolated = 0;
  for (long long d : degrees) {
    over_1000 += d >= 1000;
    over_100 += d >= 100;
    isolated += d == 0;
  }
  std::printf(
      "degree (edges touching a person): median %lld, p90 %lld, p99 %lld, p99.9 %lld, max %lld;"
      " %lld people with >= 1000, %lld with >= 100, %lld with none\n",
      Quantile(degrees, 0.5), Quantile(degrees, 0.9), Quantile(degrees, 0.99),
      Quantile(degrees, 0.999), Quantile(degrees, 1.0), over_1000, over_100, isolated);
  std::printf("edges by kind:");
  for (const auto& [kind, count] : shape.by_kind) std::printf(" %s %lld", kind.c_str(), count);
  std::printf("\n");
}

struct Sample {
  std::vector<long long> hubs;                         // the most connected, most first
  std::vector<long long> ordinary;                     // random, degree >= 1
  std::vector<long long> vouch_ordinary;               // random, with a met or spoke edge
  std::vector<std::pair<long long, long long>> pairs;  // random ordinary pairs for path
};

// Distinct random people passing keep, not hubs.
template <typename Keep>
std::vector<long long> DrawPeople(std::mt19937_64& rng, const Shape& shape, int count,
                                  const std::set<long long>& exclude, Keep keep) {
  std::vector<long long> drawn;
  std::set<long long> seen = exclude;
  const uint64_t people = shape.degree.size() - 1;
  for (int tries = 0; static_cast<int>(drawn.size()) < count && tries < 1000000; ++tries) {
    const long long id = static_cast<long long>(rng() % people) + 1;
    if (keep(id) && seen.insert(id).second) drawn.push_back(id);
  }
  return drawn;
}

Sample ChooseSample(const Shape& shape, const BenchOptions& options) {
  Sample sample;
  std::vector<long long> ids;
  for (size_t id = 1; id < shape.degree.size(); ++id) ids.push_back(static_cast<long long>(id));
  std::stable_sort(ids.begin(), ids.end(),
                   [&](long long a, long long b) { return shape.degree[a] > shape.degree[b]; });
  sample.hubs.assign(ids.begin(), ids.begin() + std::min<size_t>(ids.size(), options.hubs));
  const std::set<long long> hubs(sample.hubs.begin(), sample.hubs.end());
  std::mt19937_64 rng(options.graph.seed + 1);
  sample.ordinary = DrawPeople(rng, shape, options.ordinary, hubs,
                               [&](long long id) { return shape.degree[id] >= 1; });
  sample.vouch_ordinary = DrawPeople(rng, shape, options.ordinary, hubs,
                                     [&](long long id) { return shape.met_degree[id] >= 1; });
  for (int i = 0; i < options.ordinary; ++i) {
    std::vector<long long> two =
        DrawPeople(rng, shape, 2, hubs, [&](long long id) { return shape.degree[id] >= 1; });
    if (two.size() == 2) sample.pairs.emplace_back(two[0], two[1]);
  }
  return sample;
}

std::string Who(long long id, const BenchOptions& options) {
  // Appended, not "@" + ...: GCC 12 warns falsely (-Wrestrict) on the latter.
  std::string who = "@";
  return who.append(SyntheticHandle(id, options.graph.people));
}

std::string Degrees(const std::vector<long long>& ids, const Shape& shape) {
  std::string text;
  for (long long id : ids) {
    text += (text.empty() ? "" : ", ") + std::to_string(shape.degree[static_cast<size_t>(id)]);
  }
  return text;
}

// ---------------------------------------------------------------------------
// Cases and their measurement.

struct Case {
  std::string report;  // as typed after `linkgraph report`
  std::string group;   // "hub" or "ordinary"
  reports::Format format = reports::Format::kTable;
  std::vector<reports::ReportRequest> requests;
};

struct Measured {
  std::vector<double> all_ms, cold_ms, warm_ms, open_ms;
  std::vector<long long> bytes;
  double spent_s = 0;
  int batches = 0;
  bool capped = false;
};

reports::ReportRequest Request(std::string kind, std::vector<std::string> arguments,
                               reports::Format format) {
  reports::ReportRequest request;
  request.kind = std::move(kind);
  request.arguments = std::move(arguments);
  request.format = format;
  return request;
}

std::vector<Case> MakeCases(const Sample& sample, const BenchOptions& options) {
  std::vector<Case> cases;
  auto who = [&](long long id) { return Who(id, options); };
  for (reports::Format format : {reports::Format::kTable, reports::Format::kJson}) {
    for (const char* group : {"hub", "ordinary"}) {
      const bool hub = std::string(group) == "hub";
      const std::vector<long long>& people = hub ? sample.hubs : sample.ordinary;
      const std::vector<long long>& subjects = hub ? sample.hubs : sample.vouch_ordinary;
      Case met{"met --person", group, format, {}}, person{"person", group, format, {}};
      Case path{"path", group, format, {}}, vouch{"vouch --as", group, format, {}};
      for (size_t i = 0; i < people.size(); ++i) {
        reports::ReportRequest request = Request("met", {}, format);
        request.person = who(people[i]);
        met.requests.push_back(request);
        person.requests.push_back(Request("person", {who(people[i])}, format));
        // Hubs: from a hub to a random person; ordinary: two random people.
        const auto& pair = sample.pairs[i % sample.pairs.size()];
        path.requests.push_back(
            Request("path", {hub ? who(people[i]) : who(pair.first), who(pair.second)}, format));
      }
      for (size_t i = 0; i < subjects.size(); ++i) {
        reports::ReportRequest request = Request("vouch", {who(subjects[i])}, format);
        request.asker = who(sample.ordinary[(i + 1) % sample.ordinary.size()]);
        vouch.requests.push_back(request);
      }
      for (Case* c : {&met, &person, &path, &vouch}) {
        const std::string kind = c->report.substr(0, c->report.find(' '));
        if (options.reports.count(kind)) cases.push_back(std::move(*c));
      }
    }
  }
  // Same report together: met, person, path, vouch; hub then ordinary; table then json.
  std::stable_sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
    auto order = [](const Case& c) {
      static const std::vector<std::string> kOrder = {"met --person", "person", "path",
                                                      "vouch --as"};
      return std::find(kOrder.begin(), kOrder.end(), c.report) - kOrder.begin();
    };
    return std::make_tuple(order(a), a.group != "hub", a.format != reports::Format::kTable) <
           std::make_tuple(order(b), b.group != "hub", b.format != reports::Format::kTable);
  });
  return cases;
}

// One batch: a fresh connection, then every request of the case once,
// starting at a different one each batch so "cold" is not one person.
void RunBatch(const Case& c, int batch, const BenchOptions& options, Measured* measured) {
  const Clock::time_point opening = Clock::now();
  std::unique_ptr<store::Store> store = OpenOrDie(options.db, /*create=*/false);
  measured->open_ms.push_back(MillisSince(opening));
  for (size_t i = 0; i < c.requests.size(); ++i) {
    const reports::ReportRequest& request = c.requests[(batch + i) % c.requests.size()];
    std::ostringstream out;
    const Clock::time_point start = Clock::now();
    Status written = reports::WriteReport(request, *store, out);
    const double ms = MillisSince(start);
    if (!written) {
      std::cerr << "linkgraph_graph_bench: report " << c.report
                << " failed: " << written.error().message << "\n";
      std::exit(1);
    }
    measured->all_ms.push_back(ms);
    (i == 0 ? measured->cold_ms : measured->warm_ms).push_back(ms);
    measured->bytes.push_back(static_cast<long long>(out.tellp()));
    measured->spent_s += ms / 1000;
    if (measured->spent_s > options.budget_s) break;
  }
  ++measured->batches;
}

double Percentile(std::vector<double> values, double q) {
  if (values.empty()) return NAN;
  std::sort(values.begin(), values.end());
  const size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

const char* FormatName(reports::Format format) {
  return format == reports::Format::kJson ? "json" : "table";
}

void PrintResults(const std::vector<Case>& cases, const std::vector<Measured>& measured) {
  std::printf("\n%-13s %-9s %-6s %5s %8s %8s %8s %8s %9s %9s %9s\n", "report", "who", "format", "n",
              "min_ms", "med_ms", "p95_ms", "max_ms", "cold_med", "warm_med", "out_KiB");
  for (size_t i = 0; i < cases.size(); ++i) {
    const Measured& m = measured[i];
    std::vector<double> kib;
    for (long long b : m.bytes) kib.push_back(static_cast<double>(b) / 1024);
    std::printf("%-13s %-9s %-6s %5zu %8.2f %8.2f %8.2f %8.2f %9.2f %9.2f %9.1f%s\n",
                cases[i].report.c_str(), cases[i].group.c_str(), FormatName(cases[i].format),
                m.all_ms.size(), Percentile(m.all_ms, 0), Percentile(m.all_ms, 0.5),
                Percentile(m.all_ms, 0.95), Percentile(m.all_ms, 1), Percentile(m.cold_ms, 0.5),
                Percentile(m.warm_ms, 0.5), Percentile(kib, 0.5),
                m.capped ? "  (budget reached: fewer batches)" : "");
  }
  std::vector<double> opens;
  for (const Measured& m : measured) opens.insert(opens.end(), m.open_ms.begin(), m.open_ms.end());
  std::printf(
      "opening the store (OpenSqliteStore on the existing file): median %.2f ms, max %.2f ms"
      " over %zu opens\n",
      Percentile(opens, 0.5), Percentile(opens, 1), opens.size());
}

// One run of the first request of each table case through a TimedStore:
// the store calls it makes, their rows and time, and what is left for the
// report's own work (resolving, joining, formatting).
void PrintProfile(const std::vector<Case>& cases, const BenchOptions& options) {
  std::printf("\nwhere the time goes (one run each, table format, fresh connection):\n");
  std::printf("%-13s %-9s %9s  %s\n", "report", "who", "total_ms",
              "store calls: name calls/rows/ms ...; own = the report's own work");
  for (const Case& c : cases) {
    if (c.format != reports::Format::kTable || c.requests.empty()) continue;
    std::unique_ptr<store::Store> inner = OpenOrDie(options.db, /*create=*/false);
    TimedStore store(*inner);
    std::ostringstream out;
    const Clock::time_point start = Clock::now();
    Status written = reports::WriteReport(c.requests.front(), store, out);
    const double total = MillisSince(start);
    if (!written) continue;
    double in_store = 0;
    std::string calls;
    for (const auto& [name, stats] : store.stats()) {
      char text[128];
      std::snprintf(text, sizeof text, " %s %lld/%lld/%.1f", name.c_str(), stats.calls, stats.rows,
                    stats.ms);
      calls += text;
      in_store += stats.ms;
    }
    std::printf("%-13s %-9s %9.1f %s; own %.1f\n", c.report.c_str(), c.group.c_str(), total,
                calls.c_str(), total - in_store);
  }
}

// ---------------------------------------------------------------------------
// The CLI, when built: whole-process time of `linkgraph report ...`.

std::string DefaultBinary() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "";
  const std::filesystem::path cli = self.parent_path().parent_path() / "cli" / "linkgraph";
  return std::filesystem::exists(cli, error) ? cli.string() : "";
}

void TimeBinary(CommandRunner& runner, const std::string& binary, const Sample& sample,
                const BenchOptions& options) {
  auto who = [&](long long id) { return Who(id, options); };
  const std::string hub = who(sample.hubs[0]), one = who(sample.ordinary[0]);
  const std::string two = who(sample.ordinary[1]), subject = who(sample.vouch_ordinary[0]);
  const std::vector<std::vector<std::string>> commands = {
      {"person", one},
      {"person", hub},
      {"person", hub, "--format", "json"},
      {"met", "--person", one},
      {"met", "--person", hub},
      {"path", one, two},
      {"path", hub, two},
      {"vouch", subject, "--as", two},
      {"vouch", hub, "--as", two},
  };
  std::printf("\nthe CLI: %s report ... --db %s (%d runs each, stdout to /dev/null)\n",
              binary.c_str(), options.db.c_str(), options.binary_runs);
  std::printf("%-48s %8s %8s %8s %9s\n", "command", "min_ms", "med_ms", "max_ms", "rss_MiB");
  for (const std::vector<std::string>& arguments : commands) {
    std::vector<std::string> command = {binary, "report"};
    command.insert(command.end(), arguments.begin(), arguments.end());
    command.insert(command.end(), {"--db", options.db});
    std::vector<double> times;
    long peak_rss_kib = 0;
    std::string shown = "report";
    for (const std::string& word : arguments) shown += " " + word;
    for (int run = 0; run < options.binary_runs; ++run) {
      const CommandRunner::Outcome outcome = runner.Run(command);
      if (!outcome.ok) {
        std::printf("%-48s failed (did not start, or exit status not 0)\n", shown.c_str());
        break;
      }
      times.push_back(outcome.ms);
      peak_rss_kib = std::max(peak_rss_kib, outcome.peak_rss_kib);
    }
    if (times.empty()) continue;
    std::printf("%-48s %8.1f %8.1f %8.1f %9.1f\n", shown.c_str(), Percentile(times, 0),
                Percentile(times, 0.5), Percentile(times, 1),
                static_cast<double>(peak_rss_kib) / 1024);
  }
}

// ---------------------------------------------------------------------------

// Writes the snapshot into a fresh store unless --reuse finds a matching one.
void WriteStore(const store::GraphSnapshot& graph, const BenchOptions& options) {
  if (options.reuse && std::filesystem::exists(options.db)) {
    std::unique_ptr<store::Store> store = OpenOrDie(options.db, /*create=*/false);
    Result<store::GraphState> state = store->Graph();
    if (state && state->people == static_cast<long long>(graph.people.size()) &&
        state->edges == static_cast<long long>(graph.edges.size())) {
      std::printf("reusing %s (%lld people, %lld edges)\n", options.db.c_str(), state->people,
                  state->edges);
      return;
    }
    std::printf("%s does not match; rewriting it\n", options.db.c_str());
  }
  RemoveDatabase(options.db);
  Clock::time_point start = Clock::now();
  std::unique_ptr<store::Store> store = OpenOrDie(options.db, /*create=*/true);
  const double open_ms = MillisSince(start);
  start = Clock::now();
  if (Status replaced = store->ReplaceGraph(graph); !replaced) {
    std::cerr << "linkgraph_graph_bench: " << replaced.error().message << "\n";
    std::exit(1);
  }
  const double replace_ms = MillisSince(start);
  start = Clock::now();
  store.reset();  // the last connection checkpoints the WAL into the file
  std::printf("wrote %s: create %.0f ms, ReplaceGraph %.0f ms, close (WAL checkpoint) %.0f ms\n",
              options.db.c_str(), open_ms, replace_ms, MillisSince(start));
}

int Main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress shows when piped to a file
  BenchOptions options;
  if (!ParseArguments(argc, argv, &options)) return 2;
  std::printf("load average at start: %s (%u CPUs)\n", LoadAverage().c_str(),
              std::thread::hardware_concurrency());
  // Forked now, while this process is small (see command_runner.h).
  const std::string binary = options.binary.empty() ? DefaultBinary() : options.binary;
  std::unique_ptr<CommandRunner> runner;
  if (!binary.empty() && binary != "none") runner = CommandRunner::Start();
  Clock::time_point start = Clock::now();
  store::GraphSnapshot graph = MakeSyntheticGraph(options.graph);
  std::printf("generated %zu people, %zu edges (seed %llu) in %.0f ms\n", graph.people.size(),
              graph.edges.size(), static_cast<unsigned long long>(options.graph.seed),
              MillisSince(start));
  const Shape shape = ShapeOf(graph);
  PrintShape(shape);
  WriteStore(graph, options);
  std::printf("file: %.1f MiB (+ WAL %.1f MiB); peak RSS so far (generator + write) %.1f MiB\n",
              Mib(static_cast<double>(FileBytes(options.db))),
              Mib(static_cast<double>(FileBytes(options.db + "-wal"))),
              static_cast<double>(PeakRssKib()) / 1024);
  graph = store::GraphSnapshot{};  // the queries should not pay for the generator's memory
  malloc_trim(0);                  // and glibc keeps freed small blocks unless asked
  // Resetting VmHWM resets ru_maxrss too, so keep the peak so far.
  const long peak_before_queries_kib = PeakRssKib();
  const bool reset = ResetPeakRss();

  const Sample sample = ChooseSample(shape, options);
  if (sample.ordinary.size() < 2 || sample.vouch_ordinary.empty() || sample.pairs.empty()) {
    std::cerr << "linkgraph_graph_bench: the graph is too small to draw the people asked about"
                 " (two with edges, one with a met or spoke edge)\n";
    return 1;
  }
  std::printf("hubs (degree): %s\nordinary (degree): %s\n", Degrees(sample.hubs, shape).c_str(),
              Degrees(sample.ordinary, shape).c_str());
  const std::vector<Case> cases = MakeCases(sample, options);
  std::vector<Measured> measured(cases.size());
  for (int batch = 0; batch < options.reps; ++batch) {
    for (size_t i = 0; i < cases.size(); ++i) {
      if (measured[i].spent_s > options.budget_s) {
        measured[i].capped = true;
        continue;
      }
      RunBatch(cases[i], batch, options, &measured[i]);
    }
  }
  PrintResults(cases, measured);
  std::printf("load average after the queries: %s\n", LoadAverage().c_str());
  std::printf("peak RSS: whole run %.1f MiB; query phase %s%.1f MiB (current %.1f MiB)\n",
              static_cast<double>(std::max(peak_before_queries_kib, PeakRssKib())) / 1024,
              reset ? "" : "(not reset) ", static_cast<double>(ProcStatusKib("VmHWM")) / 1024,
              static_cast<double>(ProcStatusKib("VmRSS")) / 1024);

  if (options.profile) PrintProfile(cases, options);
  if (runner) TimeBinary(*runner, binary, sample, options);
  return 0;
}

}  // namespace
}  // namespace linkgraph::bench

int main(int argc, char** argv) {
  try {
    return linkgraph::bench::Main(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "linkgraph_graph_bench: " << error.what() << "\n";
    return 1;
  }
}
