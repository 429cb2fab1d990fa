// Kept readings of texts: a derivation that reads only the texts that
// changed gives exactly the graph of one that reads every text, however the
// pages changed in between (a seeded random sequence of edits, additions and
// deletions), and it reads only what changed.
#include "graph/text_reading.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "graph/graph.h"

namespace linkgraph::graph {
namespace LINKGRAPH_FILE_SCOPE {

// Names that become known when someone comments under them, and that a text
// names: "danah boyd" is found in a sentence only as a known name, so the
// readings of texts naming her depend on who commented anywhere.
const std::vector<std::string> kNames = {"Ann Lee", "Bob Stone", "danah boyd", "Cara Moss",
                                         "Dan Roe", "Eve",       "Frank Ocho", "Gil Tan"};
const std::vector<std::string> kHandles = {"annlee", "bobstone", "zephyr", "cmoss"};
const std::vector<std::string> kSentences = {
    "I met {name} at the conference last week.",
    "Had dinner with {name} and @{handle} yesterday.",
    "I spoke to {name} on the phone.",
    "We will meet {name} next Friday for coffee.",
    "Great to finally meet you in person!",
    "I never met {name}.",
    "The weather was lovely and the talks were long.",
    "Thanks to @{handle} for the link.",
    "Lunch with {name} was the best part.",
    "Wir haben uns mit {name} getroffen und es war sehr schön.",
};

class RandomBlogs {
 public:
  explicit RandomBlogs(unsigned seed) : random_(seed) {}

  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }
  template <typename T>
  const T& Any(const std::vector<T>& from) {
    return from[Below(from.size())];
  }

  std::string Text() {
    std::string text;
    const size_t sentences = 1 + Below(3);
    for (size_t i = 0; i < sentences; ++i) {
      std::string sentence = Any(kSentences);
      Fill(sentence, "{name}", Any(kNames));
      Fill(sentence, "{handle}", Any(kHandles));
      text += (text.empty() ? "" : " ") + sentence;
    }
    return text;
  }

  std::string Date() {
    return "2010-0" + std::to_string(1 + Below(9)) + "-1" + std::to_string(Below(10));
  }

  store::StoredPost Post(size_t number) {
    store::StoredPost stored;
    const std::string site = "https://blog" + std::to_string(number % 3) + ".example/";
    stored.post.url = site + "post-" + std::to_string(number) + "/";
    stored.post.site_url = site;
    stored.post.author = Below(4) == 0 ? "" : Any(kNames);
    stored.post.text = Text();
    stored.post.published = Date();
    stored.page_url = stored.post.url;
    return stored;
  }

  store::StoredComment Comment(const store::StoredPost& post, size_t number,
                               const std::vector<store::StoredComment>& comments) {
    store::StoredComment stored;
    stored.post_url = post.post.url;
    stored.comment.id = "comment-" + std::to_string(number);
    stored.comment.permalink = post.post.url + "#" + stored.comment.id;
    stored.comment.author = Any(kNames);
    stored.comment.text = Text();
    stored.comment.published = Date();
    for (const store::StoredComment& other : comments) {
      if (other.post_url == post.post.url && Below(3) == 0) {
        stored.comment.parent_id = other.comment.id;
        break;
      }
    }
    return stored;
  }

  // One edit of the kinds a recrawl sees.
  void Change(GraphInputs& inputs) {
    switch (Below(8)) {
      case 0:
        inputs.posts.push_back(Post(next_++));
        break;
      case 1:
        if (inputs.posts.size() > 1) RemovePost(inputs, Below(inputs.posts.size()));
        break;
      case 2:
        if (!inputs.posts.empty()) inputs.posts[Below(inputs.posts.size())].post.text = Text();
        break;
      case 3:
        if (!inputs.comments.empty()) {
          inputs.comments.erase(inputs.comments.begin() +
                                static_cast<long>(Below(inputs.comments.size())));
        }
        break;
      case 4:
        if (!inputs.comments.empty()) {
          inputs.comments[Below(inputs.comments.size())].comment.author = Any(kNames);
        }
        break;
      case 5:
        if (!inputs.posts.empty()) inputs.posts[Below(inputs.posts.size())].post.published = Date();
        break;
      default:
        if (!inputs.posts.empty()) {
          const store::StoredPost& post = Any(inputs.posts);
          inputs.comments.push_back(Comment(post, next_++, inputs.comments));
        }
        break;
    }
  }

  GraphInputs Start() {
    GraphInputs inputs;
    for (int i = 0; i < 6; ++i) inputs.posts.push_back(Post(next_++));
    for (int i = 0; i < 10; ++i) {
      inputs.comments.push_back(Comment(Any(inputs.posts), next_++, inputs.comments));
    }
    return inputs;
  }

 private:
  static void Fill(std::string& text, const std::string& slot, const std::string& value) {
    for (size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at)) {
      text.replace(at, slot.size(), value);
      at += value.size();
    }
  }

  static void RemovePost(GraphInputs& inputs, size_t index) {
    const std::string url = inputs.posts[index].post.url;
    inputs.posts.erase(inputs.posts.begin() + static_cast<long>(index));
    std::erase_if(inputs.comments,
                  [&](const store::StoredComment& comment) { return comment.post_url == url; });
  }

  std::mt19937 random_;
  size_t next_ = 1;
};

// The readings a store would hold after keeping what a build gave.
void Keep(const GraphBuild& build, std::map<std::string, store::TextRead>* kept) {
  for (const std::string& gone : build.gone_readings) kept->erase(gone);
  for (const store::TextRead& reading : build.new_readings) (*kept)[reading.source_url] = reading;
}

std::vector<store::TextRead> Values(const std::map<std::string, store::TextRead>& kept) {
  std::vector<store::TextRead> values;
  for (const auto& [url, reading] : kept) values.push_back(reading);
  return values;
}

std::string Describe(const store::StoredEdge& edge) {
  return std::to_string(edge.from) + ">" + std::to_string(edge.to) + " " + edge.kind + " " +
         edge.date + " [" + edge.detail + "|" + edge.event + "|" + edge.when + "] " +
         edge.evidence + " @" + edge.source_url;
}

void CheckSameGraph(const store::GraphSnapshot& reused, const store::GraphSnapshot& read) {
  BOOST_REQUIRE_EQUAL(reused.people.size(), read.people.size());
  for (size_t i = 0; i < read.people.size(); ++i) {
    BOOST_TEST(reused.people[i].key == read.people[i].key);
    BOOST_TEST(reused.people[i].name == read.people[i].name);
    BOOST_TEST(reused.people[i].texts == read.people[i].texts);
    BOOST_TEST(reused.people[i].identities.size() == read.people[i].identities.size());
  }
  std::vector<std::string> reused_edges, read_edges;
  for (const store::StoredEdge& edge : reused.edges) reused_edges.push_back(Describe(edge));
  for (const store::StoredEdge& edge : read.edges) read_edges.push_back(Describe(edge));
  BOOST_TEST(reused_edges == read_edges, boost::test_tools::per_element());
  BOOST_TEST(reused.authors.size() == read.authors.size());
  BOOST_TEST((reused.unread_languages == read.unread_languages));
}

BOOST_AUTO_TEST_SUITE(graph_text_readings)

BOOST_AUTO_TEST_CASE(reading_only_changed_texts_gives_the_graph_of_reading_every_text) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      RandomBlogs blogs(seed);
      GraphInputs inputs = blogs.Start();
      std::map<std::string, store::TextRead> kept;
      for (int step = 0; step < 25; ++step) {
        BOOST_TEST_CONTEXT("step " << step) {
          GraphInputs incremental = inputs;
          incremental.kept_readings = Values(kept);
          incremental.reuse = TextReuse::kReuseUnchanged;
          const GraphBuild reused = BuildGraphKeepingReadings(incremental);
          const store::GraphSnapshot read = BuildGraph(inputs);
          CheckSameGraph(reused.snapshot, read);
          Keep(reused, &kept);
          BOOST_TEST(kept.size() == inputs.posts.size() + inputs.comments.size());
          blogs.Change(inputs);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(an_unchanged_derivation_reads_no_text_and_an_edit_reads_only_its_text) {
  RandomBlogs blogs(7);
  GraphInputs inputs = blogs.Start();
  std::map<std::string, store::TextRead> kept;
  Keep(BuildGraphKeepingReadings(inputs), &kept);

  inputs.kept_readings = Values(kept);
  inputs.reuse = TextReuse::kReuseUnchanged;
  const GraphBuild again = BuildGraphKeepingReadings(inputs);
  BOOST_TEST(again.texts_read == 0);
  BOOST_TEST(again.new_readings.empty());

  inputs.posts[0].post.text = "I met Gil Tan at the market.";
  const GraphBuild edited = BuildGraphKeepingReadings(inputs);
  BOOST_TEST(edited.texts_read == 1);
  BOOST_REQUIRE(edited.new_readings.size() == 1u);
  BOOST_TEST(edited.new_readings[0].source_url == inputs.posts[0].post.url);
}

BOOST_AUTO_TEST_CASE(a_name_becoming_known_reads_again_the_texts_that_name_it) {
  GraphInputs inputs;
  store::StoredPost post;
  post.post.url = "https://a.example/p/";
  post.post.site_url = "https://a.example/";
  post.post.author = "Wendy Hill";
  post.post.text = "Yesterday I had lunch with danah boyd and talked for hours.";
  post.post.published = "2010-01-01";
  inputs.posts = {post};
  std::map<std::string, store::TextRead> kept;
  const GraphBuild first = BuildGraphKeepingReadings(inputs);
  Keep(first, &kept);

  store::StoredComment comment;
  comment.post_url = post.post.url;
  comment.comment.id = "c1";
  comment.comment.permalink = post.post.url + "#c1";
  comment.comment.author = "danah boyd";
  comment.comment.text = "Thanks for lunch.";
  inputs.comments = {comment};
  inputs.kept_readings = Values(kept);
  inputs.reuse = TextReuse::kReuseUnchanged;
  const GraphBuild second = BuildGraphKeepingReadings(inputs);
  BOOST_TEST(second.texts_read == 2);  // the post, now naming a known name, and the comment
  CheckSameGraph(second.snapshot, BuildGraph(inputs));
}

BOOST_AUTO_TEST_CASE(a_kept_reading_round_trips_and_a_damaged_one_is_refused) {
  TextReading reading;
  reading.language = "en";
  reading.may_state = true;
  reading.known_name_spans = {{3, 12}};
  Interaction met{};
  met.kind = InteractionKind::kSpoke;
  met.other = Party{Party::Kind::kName, "Ann: Lee 12:"};
  met.evidence = "I spoke to Ann: Lee 12: today.";
  met.rule = "spoke-to";
  reading.found = {met};
  const std::string payload = EncodeReading(reading);
  std::optional<TextReading> decoded = DecodeReading(payload);
  BOOST_REQUIRE(decoded.has_value());
  BOOST_TEST(decoded->language == "en");
  BOOST_TEST(decoded->known_name_spans == reading.known_name_spans);
  BOOST_REQUIRE(decoded->found.size() == 1u);
  BOOST_TEST(decoded->found[0].other.value == "Ann: Lee 12:");
  BOOST_TEST(decoded->found[0].evidence == met.evidence);
  BOOST_TEST((decoded->found[0].kind == InteractionKind::kSpoke));

  BOOST_TEST(!DecodeReading(payload.substr(0, payload.size() - 1)).has_value());
  BOOST_TEST(!DecodeReading(payload + "x").has_value());
  BOOST_TEST(!DecodeReading("2:en1:14:99999999999999999999:").has_value());
  BOOST_TEST(!DecodeReading("").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::graph
