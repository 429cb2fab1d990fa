// MakeSyntheticGraph: people with names (some shared), identities, and
// edges whose endpoints are drawn from a Zipf-like popularity.
#include "bench/synthetic_graph.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <random>
#include <string_view>
#include <utility>
#include <vector>

#include "common/identity_text.h"
#include "graph/graph.h"

namespace linkgraph::bench {
namespace {

using Rng = std::mt19937_64;

// Our own draws: std::uniform_int_distribution and friends are not the same
// across standard libraries, std::mt19937_64 is.
uint64_t Below(Rng& rng, uint64_t n) { return n == 0 ? 0 : rng() % n; }
double Unit(Rng& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }
bool Chance(Rng& rng, double p) { return Unit(rng) < p; }

template <size_t N>
std::string_view Pick(Rng& rng, const std::array<std::string_view, N>& choices) {
  return choices[Below(rng, N)];
}

template <typename T>
void Shuffle(std::vector<T>* items, Rng& rng) {
  for (size_t i = items->size(); i > 1; --i) std::swap((*items)[i - 1], (*items)[Below(rng, i)]);
}

constexpr std::array<std::string_view, 120> kFirstNames = {
    "Aaron",  "Abigail",  "Adam",     "Alan",      "Alice",    "Amanda",   "Amy",      "Andrew",
    "Angela", "Anna",     "Anthony",  "Barbara",   "Benjamin", "Betty",    "Brandon",  "Brenda",
    "Brian",  "Carol",    "Caroline", "Catherine", "Charles",  "Chloe",    "Chris",    "Christine",
    "Claire", "Cynthia",  "Daniel",   "Dave",      "David",    "Deborah",  "Dennis",   "Diane",
    "Donald", "Donna",    "Dorothy",  "Douglas",   "Edward",   "Eleanor",  "Emily",    "Emma",
    "Eric",   "Ethan",    "Evelyn",   "Frank",     "Gary",     "George",   "Grace",    "Gregory",
    "Hannah", "Harry",    "Heather",  "Helen",     "Henry",    "Ian",      "Isabel",   "Jack",
    "Jacob",  "James",    "Janet",    "Jason",     "Jeffrey",  "Jennifer", "Jessica",  "Joan",
    "John",   "Jonathan", "Joseph",   "Joshua",    "Joyce",    "Julie",    "Justin",   "Karen",
    "Kate",   "Kelly",    "Kenneth",  "Kevin",     "Kyle",     "Lara",     "Larry",    "Laura",
    "Lauren", "Linda",    "Lisa",     "Lucy",      "Maha",     "Margaret", "Margo",    "Maria",
    "Mark",   "Mary",     "Matthew",  "Megan",     "Melissa",  "Michael",  "Michelle", "Nancy",
    "Nathan", "Nicholas", "Nicole",   "Olivia",    "Oscar",    "Pamela",   "Patrick",  "Paul",
    "Peter",  "Rachel",   "Raymond",  "Rebecca",   "Richard",  "Robert",   "Ruth",     "Ryan",
    "Samuel", "Sandra",   "Sarah",    "Scott",     "Sharon",   "Simon",    "Sophie",   "Wendy"};
// Surnames are a stem and an ending: 40 x 25 = 1,000 of them, so with the
// first names 120,000 distinct "First Last" before any repeats.
constexpr std::array<std::string_view, 40> kSurnameStems = {
    "Ash",  "Black", "Brad",  "Brook", "Clay", "Crane", "Dun",   "Elm",  "Fair", "Fox",
    "Glen", "Green", "Hay",   "Hazel", "Hill", "Holt",  "Kings", "Lang", "Lock", "Marsh",
    "Mill", "Moor",  "North", "Oak",   "Pen",  "Ray",   "Red",   "Rose", "Ship", "South",
    "Stan", "Stone", "Thorn", "Wake",  "West", "White", "Whit",  "Win",  "Wood", "York"};
constexpr std::array<std::string_view, 25> kSurnameEndings = {
    "ford",   "ley",  "ton",   "wood", "field", "well", "by",   "worth", "stead",
    "ham",    "bury", "more",  "dale", "hurst", "land", "wick", "son",   "gate",
    "bridge", "man",  "ridge", "cott", "lake",  "shaw", "combe"};

constexpr std::array<std::string_view, 12> kTopics = {
    "the hiring survey", "social recruiting",    "onboarding",           "the salary report",
    "remote interviews", "candidate experience", "the job board debate", "employer branding",
    "referral schemes",  "the talent shortage",  "LinkedIn groups",      "graduate schemes"};
constexpr std::array<std::string_view, 10> kSlugs = {
    "why-recruiters-should-blog", "ten-things-about-onboarding", "the-salary-report",
    "notes-from-the-conference",  "on-candidate-experience",     "job-boards-are-dead",
    "a-year-of-blogging",         "referrals-that-work",         "interviewing-remotely",
    "what-i-learned-this-week"};
constexpr std::array<std::string_view, 8> kEvents = {
    "TRULondon2",     "TRULondon3", "SRS Amsterdam",      "BarCamp Leeds 3",
    "HR Tech Europe", "RecFest",    "Tweetup Manchester", "Blogger Brunch"};

std::string Format(const char* pattern, long long a, long long b = 0, long long c = 0) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, a, b, c);
  return text;
}

// "2011-03-17"; one in twenty a month only, one in twenty unknown.
std::string Date(Rng& rng) {
  const uint64_t shape = Below(rng, 20);
  if (shape == 0) return "";
  const long long year = 2006 + static_cast<long long>(Below(rng, 19));
  const long long month = 1 + static_cast<long long>(Below(rng, 12));
  if (shape == 1) return Format("%04lld-%02lld", year, month);
  return Format("%04lld-%02lld-%02lld", year, month, 1 + static_cast<long long>(Below(rng, 28)));
}

// Every distinct "First Last", from the lists, in a fixed order.
std::vector<std::string> AllNames() {
  std::vector<std::string> surnames;
  for (std::string_view stem : kSurnameStems) {
    for (std::string_view ending : kSurnameEndings)
      surnames.push_back(std::string(stem) + std::string(ending));
  }
  std::sort(surnames.begin(), surnames.end());
  surnames.erase(std::unique(surnames.begin(), surnames.end()), surnames.end());
  std::vector<std::string> names;
  for (std::string_view first : kFirstNames) {
    for (const std::string& last : surnames) names.push_back(std::string(first) + " " + last);
  }
  return names;
}

// One name per person, distinct while the lists last; then a share of them
// are put in groups of two or three that share one name.
std::vector<std::string> AssignNames(const SyntheticGraphOptions& options, Rng& rng) {
  std::vector<std::string> all = AllNames();
  Shuffle(&all, rng);
  const size_t people = static_cast<size_t>(options.people);
  std::vector<std::string> names(people);
  for (size_t i = 0; i < people; ++i) names[i] = all[i % all.size()];
  std::vector<size_t> order(people);
  for (size_t i = 0; i < people; ++i) order[i] = i;
  Shuffle(&order, rng);
  const size_t sharing = static_cast<size_t>(options.shared_name_fraction * options.people);
  for (size_t at = 0; at + 3 <= std::min(sharing, people);) {
    const size_t group = 2 + Below(rng, 2);
    for (size_t k = 1; k < group; ++k) names[order[at + k]] = names[order[at]];
    at += group;
  }
  return names;
}

store::StoredPerson MakePerson(const SyntheticGraphOptions& options, long long id,
                               const std::string& name, Rng& rng) {
  const std::string handle = SyntheticHandle(id, options.people);
  const std::string site = "https://" + handle + ".blog.example/";
  const bool has_site = Chance(rng, options.site_fraction);
  // Where the handle was seen: the person's own blog, or a comment elsewhere.
  const std::string host =
      SyntheticHandle(1 + static_cast<long long>(Below(rng, static_cast<uint64_t>(options.people))),
                      options.people);
  const std::string where =
      has_site ? site : "https://" + host + ".blog.example/" + std::string(Pick(rng, kSlugs)) + "/";
  store::StoredPerson person;
  person.key = "handle:" + NormaliseHandle(handle);
  person.name = name;
  person.identities.push_back(
      {{"handle", handle, NormaliseHandle(handle)}, "signed @" + handle + " on " + where});
  person.identities.push_back({{"name", name, NormaliseName(name)},
                               "display name \"" + name + " (@" + handle + ")\" on " + where});
  if (has_site) {
    person.identities.push_back(
        {{"site", site, NormaliseUrl(site)}, "the blog's author, @" + handle + ", in its sidebar"});
  }
  return person;
}

// Draws edge endpoints: popular people often, everyone sometimes.
class EndpointSampler {
 public:
  EndpointSampler(const SyntheticGraphOptions& options, Rng& rng)
      : people_(static_cast<uint64_t>(options.people)), share_(options.popular_share) {
    by_rank_.resize(people_);
    for (uint64_t i = 0; i < people_; ++i) by_rank_[i] = static_cast<long long>(i) + 1;
    Shuffle(&by_rank_, rng);  // who is popular is random, not the low ids
    cumulative_.resize(people_);
    double total = 0;
    for (uint64_t r = 0; r < people_; ++r) {
      total +=
          1.0 / std::pow(static_cast<double>(r + 1) + options.zipf_offset, options.zipf_exponent);
      cumulative_[r] = total;
    }
  }

  long long Sample(Rng& rng) const {
    if (!Chance(rng, share_)) return static_cast<long long>(Below(rng, people_)) + 1;
    const double target = Unit(rng) * cumulative_.back();
    const size_t rank = static_cast<size_t>(
        std::upper_bound(cumulative_.begin(), cumulative_.end(), target) - cumulative_.begin());
    return by_rank_[std::min(rank, by_rank_.size() - 1)];
  }

 private:
  uint64_t people_;
  double share_;
  std::vector<long long> by_rank_;  // popularity rank -> person id
  std::vector<double> cumulative_;
};

// mentioned 40%, commented 25%, replied 15%, linked 10%, met 5%, spoke 3%,
// plans_to_meet 2%.
std::string_view DrawKind(Rng& rng) {
  const uint64_t p = Below(rng, 100);
  if (p < 40) return "mentioned";
  if (p < 65) return "commented";
  if (p < 80) return "replied";
  if (p < 90) return "linked";
  if (p < 95) return "met";
  if (p < 98) return "spoke";
  return "plans_to_meet";
}

std::string PostUrl(const std::string& handle, const std::string& date, Rng& rng) {
  const std::string year_month =
      date.size() >= 7 ? date.substr(0, 4) + "/" + date.substr(5, 2) : "2010/01";
  return "https://" + handle + ".blog.example/" + year_month + "/" +
         std::string(Pick(rng, kSlugs)) + "/";
}

std::string CommentUrl(const std::string& handle, const std::string& date, Rng& rng) {
  return PostUrl(handle, date, rng) + "#comment-" + std::to_string(1000 + Below(rng, 90000));
}

// Detail, event, time phrase and evidence of a meeting-like edge.
void FillMeeting(store::StoredEdge* edge, const std::string& other_handle,
                 const std::string& other_name, Rng& rng) {
  static constexpr std::array<std::string_view, 7> kMet = {
      "", "dinner", "coffee", "drinks", "lunch", "dinner; ice skating", "after work drinks"};
  static constexpr std::array<std::string_view, 4> kSpoke = {"phone", "skype", "podcast",
                                                             "video call"};
  static constexpr std::array<std::string_view, 4> kPlans = {"coffee", "lunch", "drinks", ""};
  static constexpr std::array<std::string_view, 5> kWhen = {"", "yesterday", "last week", "in Feb",
                                                            "on Tuesday"};
  static constexpr std::array<std::string_view, 3> kLater = {"tomorrow", "next week", "in March"};
  const std::string topic(Pick(rng, kTopics));
  if (edge->kind == "met") {
    edge->detail = Pick(rng, kMet);
    if (Chance(rng, 0.4)) edge->event = Pick(rng, kEvents);
    edge->when = Pick(rng, kWhen);
    edge->evidence = "Lovely to finally meet @" + other_handle +
                     (edge->event.empty() ? "" : " at " + edge->event) + " and talk about " +
                     topic + ".";
  } else if (edge->kind == "spoke") {
    edge->detail = Pick(rng, kSpoke);
    edge->when = Pick(rng, kWhen);
    edge->evidence =
        "Had a long " + edge->detail + " chat with " + other_name + " about " + topic + ".";
  } else {
    edge->detail = Pick(rng, kPlans);
    if (Chance(rng, 0.3)) edge->event = Pick(rng, kEvents);
    edge->when = Pick(rng, kLater);
    edge->evidence = "Looking forward to meeting @" + other_handle + " " + edge->when + ".";
  }
}

// Everything about an edge but its endpoints and kind.
void FillEdge(store::StoredEdge* edge, const std::vector<store::StoredPerson>& people,
              long long people_count, Rng& rng) {
  static constexpr std::array<std::string_view, 3> kLinks = {"trackback", "pingback", "link"};
  const std::string from = SyntheticHandle(edge->from, people_count);
  const std::string to = SyntheticHandle(edge->to, people_count);
  const std::string& to_name = people[static_cast<size_t>(edge->to - 1)].name;
  const std::string topic(Pick(rng, kTopics));
  edge->date = Date(rng);
  if (edge->kind == "mentioned") {
    edge->evidence = "Thanks @" + to + " for the pointer to " + topic + ".";
    edge->source_url =
        Chance(rng, 0.5) ? PostUrl(from, edge->date, rng) : CommentUrl(from, edge->date, rng);
  } else if (edge->kind == "commented") {
    edge->evidence = "Great post, " + to_name + ", the part about " + topic + " rang true.";
    edge->source_url = CommentUrl(to, edge->date, rng);
  } else if (edge->kind == "replied") {
    edge->evidence = "@" + to + " I agree, though what we saw of " + topic + " says otherwise.";
    edge->source_url = CommentUrl(Chance(rng, 0.5) ? to : from, edge->date, rng);
  } else if (edge->kind == "linked") {
    edge->detail = Pick(rng, kLinks);
    if (edge->from == edge->to) edge->detail += "; self";
    edge->evidence = "What " + to_name + " gets right about " + topic;
    edge->source_url = PostUrl(from, edge->date, rng);
  } else {
    FillMeeting(edge, to, to_name, rng);
    edge->source_url =
        Chance(rng, 0.7) ? PostUrl(from, edge->date, rng) : CommentUrl(to, edge->date, rng);
  }
}

std::vector<store::StoredEdge> MakeEdges(const SyntheticGraphOptions& options,
                                         const std::vector<store::StoredPerson>& people, Rng& rng) {
  const EndpointSampler sampler(options, rng);
  std::vector<store::StoredEdge> edges;
  edges.reserve(static_cast<size_t>(options.edges));
  for (long long i = 0; i < options.edges; ++i) {
    store::StoredEdge edge;
    edge.kind = DrawKind(rng);
    edge.from = sampler.Sample(rng);
    // Only a blog's link to itself joins a person to themselves (one link in 50).
    const bool self_link = edge.kind == "linked" && Chance(rng, 0.02);
    edge.to = self_link ? edge.from : sampler.Sample(rng);
    while (!self_link && edge.to == edge.from && options.people > 1) edge.to = sampler.Sample(rng);
    FillEdge(&edge, people, options.people, rng);
    edges.push_back(std::move(edge));
  }
  return edges;
}

}  // namespace

std::string SyntheticHandle(long long id, long long people) {
  const size_t width = std::max<size_t>(5, std::to_string(people - 1).size());
  const std::string number = std::to_string(id - 1);
  return "user" + std::string(width - std::min(width, number.size()), '0') + number;
}

store::GraphSnapshot MakeSyntheticGraph(const SyntheticGraphOptions& options) {
  Rng rng(options.seed);
  store::GraphSnapshot snapshot;
  snapshot.rules_version = std::string(graph::kRulesVersion);
  if (options.people <= 0) return snapshot;
  const std::vector<std::string> names = AssignNames(options, rng);
  snapshot.people.reserve(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    snapshot.people.push_back(MakePerson(options, static_cast<long long>(i) + 1, names[i], rng));
    snapshot.people.back().id = static_cast<long long>(i) + 1;
  }
  snapshot.edges = MakeEdges(options, snapshot.people, rng);
  // Texts written: roughly the comments, replies and posts behind the edges.
  for (const store::StoredEdge& edge : snapshot.edges) {
    if (edge.kind == "commented" || edge.kind == "replied" || edge.kind == "linked") {
      ++snapshot.people[static_cast<size_t>(edge.from - 1)].texts;
    }
  }
  return snapshot;
}

}  // namespace linkgraph::bench
