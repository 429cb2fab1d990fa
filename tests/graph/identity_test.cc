// Who is who: the evidence that merges appearances into one person, and the
// lack of it (a first name alone) that keeps them apart.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <set>

#include "graph/evidence.h"
#include "graph/graph.h"
#include "graph/identity_resolver.h"

namespace linkgraph::graph {
namespace LINKGRAPH_FILE_SCOPE {

store::StoredPost MakePost(const std::string& url, const std::string& author,
                           const std::string& site, const std::string& text = "") {
  store::StoredPost stored;
  stored.post.url = url;
  stored.post.author = author;
  stored.post.site_url = site;
  stored.post.text = text;
  stored.post.published = "2010-01-01T10:00:00";
  stored.page_url = url;
  return stored;
}

store::StoredComment MakeComment(const std::string& post_url, const std::string& id,
                                 const std::string& author, const std::string& author_url,
                                 const std::string& text = "Nice post.",
                                 const std::string& parent = "") {
  store::StoredComment stored;
  stored.post_url = post_url;
  stored.comment.id = id;
  stored.comment.permalink = post_url + "#" + id;
  stored.comment.author = author;
  stored.comment.author_url = author_url;
  stored.comment.text = text;
  stored.comment.parent_id = parent;
  stored.comment.published = "2010-01-02T10:00:00";
  return stored;
}

store::StoredMention MakeMention(const std::string& post_url, const std::string& handle,
                                 const std::string& comment_id = "") {
  store::StoredMention stored;
  stored.post_url = post_url;
  stored.source_url = comment_id.empty() ? post_url : post_url + "#" + comment_id;
  stored.mention.handle = handle;
  stored.mention.comment_id = comment_id;
  stored.mention.in = comment_id.empty() ? MentionPlace::kPost : MentionPlace::kComment;
  return stored;
}

// The people holding an identity of this kind and normalised value.
std::vector<const store::StoredPerson*> Holding(const store::GraphSnapshot& graph,
                                                const std::string& kind,
                                                const std::string& normalised) {
  std::vector<const store::StoredPerson*> found;
  for (const store::StoredPerson& person : graph.people) {
    for (const store::PersonIdentity& member : person.identities) {
      if (member.identity.kind == kind && member.identity.normalised == normalised) {
        found.push_back(&person);
        break;
      }
    }
  }
  return found;
}

const std::string kPostA = "https://a.example/2010/01/post/";
const std::string kPostB = "https://b.example/2010/01/post/";

BOOST_AUTO_TEST_SUITE(graph_identities)

BOOST_AUTO_TEST_CASE(a_display_name_carrying_a_handle_is_one_person_with_the_mentioned_handle) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy", "https://a.example/", "Dinner with @HRMargo.")};
  inputs.comments = {MakeComment(kPostA, "comment-1", "@HRMargo Margo Rose", "")};
  inputs.mentions = {MakeMention(kPostA, "HRMargo")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  auto margo = Holding(graph, "handle", "hrmargo");
  BOOST_REQUIRE_EQUAL(margo.size(), 1u);
  BOOST_TEST(margo[0]->name == "Margo Rose");
  BOOST_TEST(Holding(graph, "name", "margo rose") == margo);
}

BOOST_AUTO_TEST_CASE(a_twitter_profile_url_gives_the_handle) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy", "https://a.example/")};
  inputs.comments = {MakeComment(kPostA, "comment-1", "Lara", "http://twitter.com/LaraNewman")};
  inputs.mentions = {MakeMention(kPostA, "laranewman")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  auto lara = Holding(graph, "handle", "laranewman");
  BOOST_REQUIRE_EQUAL(lara.size(), 1u);
  BOOST_TEST(lara[0]->name == "Lara");
  BOOST_TEST(lara[0]->key == "handle:laranewman");
}

BOOST_AUTO_TEST_CASE(the_same_author_url_on_two_blogs_is_one_person) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy", "https://a.example/"),
                  MakePost(kPostB, "Bob Jones", "https://b.example/")};
  inputs.comments = {MakeComment(kPostA, "comment-1", "Dave", "http://www.davemartin.example/"),
                     MakeComment(kPostB, "comment-7", "Dave M", "https://davemartin.example")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  auto dave = Holding(graph, "url", "davemartin.example");
  BOOST_REQUIRE_EQUAL(dave.size(), 1u);
  BOOST_TEST(dave[0]->texts == 2);
}

BOOST_AUTO_TEST_CASE(a_first_name_alone_never_merges_people_across_blogs) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy", "https://a.example/"),
                  MakePost(kPostB, "Bob Jones", "https://b.example/")};
  inputs.comments = {MakeComment(kPostB, "comment-1", "Wendy", "")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  BOOST_TEST(Holding(graph, "name", "wendy").size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_post_author_and_a_commenter_of_that_name_linking_the_blog_are_one) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy", "https://a.example/")};
  inputs.comments = {
      MakeComment(kPostA, "comment-1", "Peter Gold", "http://peter.example/"),
      MakeComment(kPostA, "comment-2", "Wendy", "http://a.example/", "Thanks!", "comment-1")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  auto wendy = Holding(graph, "site", "a.example");
  BOOST_REQUIRE_EQUAL(wendy.size(), 1u);
  BOOST_TEST(wendy[0]->name == "Wendy");
  BOOST_TEST(wendy[0]->texts == 2);
}

BOOST_AUTO_TEST_CASE(a_blog_with_several_authors_is_not_any_one_of_them) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy", "https://a.example/"),
                  MakePost("https://a.example/other/", "Mr J", "https://a.example/")};
  inputs.comments = {MakeComment(kPostA, "comment-1", "Wendy", "http://a.example/")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  for (const store::StoredPerson* person : Holding(graph, "name", "mr j")) {
    BOOST_TEST(Holding(graph, "url", "a.example").front() != person);
  }
  BOOST_TEST(Holding(graph, "site", "a.example").empty());
}

BOOST_AUTO_TEST_CASE(a_signature_adds_the_full_name_and_handle_with_the_line_as_reason) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy", "https://a.example/")};
  inputs.comments = {
      MakeComment(kPostA, "comment-1", "Akiki", "", "Great post Wendy!\nMaha Akiki"),
      MakeComment(kPostA, "comment-2", "Pickle", "", "Lovely.\n\nPickle aka @HRMargo")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  auto maha = Holding(graph, "name", "maha akiki");
  BOOST_REQUIRE_EQUAL(maha.size(), 1u);
  BOOST_TEST(maha[0]->name == "Akiki");
  auto pickle = Holding(graph, "handle", "hrmargo");
  BOOST_REQUIRE_EQUAL(pickle.size(), 1u);
  bool explained = false;
  for (const store::PersonIdentity& member : pickle[0]->identities) {
    if (member.identity.kind == "handle") {
      explained = member.reason.find("Pickle aka @HRMargo") != std::string::npos;
    }
  }
  BOOST_TEST(explained);
}

BOOST_AUTO_TEST_CASE(a_closing_greeting_is_not_a_signature) {
  Signature signature;
  BOOST_TEST(!ReadSignature("Lovely post.\nThanks Wendy", "Wendy", &signature));
  BOOST_TEST(!ReadSignature("One line only, Wendy", "Wendy", &signature));
  BOOST_TEST(!ReadSignature("Hi.\nI really loved this post, Wendy", "Wendy", &signature));
  BOOST_TEST(ReadSignature("Hi.\nMaha Akiki", "Akiki", &signature));
  BOOST_TEST(signature.full_name == "Maha Akiki");
}

BOOST_AUTO_TEST_CASE(anonymous_commenters_stay_apart) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy", "https://a.example/")};
  inputs.comments = {MakeComment(kPostA, "comment-1", "Anonymous", "", "First."),
                     MakeComment(kPostA, "comment-2", "Anonymous", "", "Second.")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  BOOST_TEST(graph.people.size() == 3u);
}

BOOST_AUTO_TEST_CASE(edges_for_mentions_comments_and_replies_skip_self_mentions) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy", "https://a.example/", "Hello @LisaScales.")};
  inputs.comments = {
      MakeComment(kPostA, "comment-1", "@HRMargo Margo Rose", "", "Hi!\n\nPickle aka @HRMargo"),
      MakeComment(kPostA, "comment-2", "Wendy", "http://a.example/", "Thanks!", "comment-1")};
  inputs.mentions = {MakeMention(kPostA, "LisaScales"),
                     MakeMention(kPostA, "HRMargo", "comment-1")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  std::multiset<std::string> kinds;
  for (const store::StoredEdge& edge : graph.edges) {
    BOOST_TEST(edge.from != edge.to);
    kinds.insert(edge.kind);
  }
  BOOST_TEST(kinds.count("mentioned") == 1u);  // @LisaScales; Margo's own handle is no edge
  BOOST_TEST(kinds.count("commented") == 1u);  // Margo on Wendy's post; Wendy's own is no edge
  BOOST_TEST(kinds.count("replied") == 1u);
  for (const store::StoredEdge& edge : graph.edges) {
    if (edge.kind == "mentioned") BOOST_TEST(edge.evidence == "Hello @LisaScales.");
  }
}

BOOST_AUTO_TEST_CASE(the_same_inputs_give_the_same_snapshot) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy", "https://a.example/", "Met @Zed and @Amy for lunch.")};
  inputs.comments = {MakeComment(kPostA, "comment-1", "Dave", "http://dave.example/")};
  inputs.mentions = {MakeMention(kPostA, "Zed"), MakeMention(kPostA, "Amy")};
  const store::GraphSnapshot first = BuildGraph(inputs);
  const store::GraphSnapshot second = BuildGraph(inputs);
  BOOST_REQUIRE_EQUAL(first.people.size(), second.people.size());
  for (size_t i = 0; i < first.people.size(); ++i) {
    BOOST_TEST(first.people[i].key == second.people[i].key);
  }
  BOOST_TEST(first.edges.size() == second.edges.size());
  BOOST_TEST(std::is_sorted(first.people.begin(), first.people.end(),
                            [](const auto& a, const auto& b) { return a.key < b.key; }));
}

BOOST_AUTO_TEST_CASE(a_full_name_in_a_sentence_is_not_the_commenter_with_its_first_name) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy Smith", "https://a.example/",
                           "Yesterday I called Michael Brown. I had lunch with Peter Gold.")};
  inputs.comments = {MakeComment(kPostA, "comment-1", "Michael", ""),
                     MakeComment(kPostA, "comment-2", "Peter Gold", "http://peter.example/")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  std::vector<std::string> meetings;
  for (const store::StoredEdge& edge : graph.edges) {
    if (edge.kind == "met" || edge.kind == "spoke") {
      const store::StoredPerson& other = graph.people[static_cast<size_t>(edge.to - 1)];
      meetings.push_back(edge.kind + " " + other.name + " " + other.key);
    }
  }
  std::sort(meetings.begin(), meetings.end());
  BOOST_TEST(meetings == (std::vector<std::string>{"met Peter Gold url:peter.example",
                                                   "spoke Michael Brown name:michael brown"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_first_name_met_is_a_person_of_that_blog_only) {
  GraphInputs inputs;
  inputs.posts = {MakePost(kPostA, "Wendy Smith", "https://a.example/", "I finally met Priya."),
                  MakePost(kPostB, "Dave Martin", "https://b.example/", "I finally met Priya.")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  std::vector<std::string> met;
  for (const store::StoredEdge& edge : graph.edges) {
    if (edge.kind == "met") met.push_back(graph.people[static_cast<size_t>(edge.to - 1)].key);
  }
  std::sort(met.begin(), met.end());
  BOOST_TEST(met == (std::vector<std::string>{"name:priya@a.example", "name:priya@b.example"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(saved_files_without_a_canonical_url_are_separate_blogs) {
  GraphInputs inputs;
  // No author shown: each blog stands for its author, and "file:///" is
  // not a blog.
  inputs.posts = {MakePost("file:///tmp/a.html", "", ""), MakePost("file:///tmp/b.html", "", "")};
  const store::GraphSnapshot graph = BuildGraph(inputs);
  BOOST_TEST(graph.people.size() == 2u);
  BOOST_TEST(Holding(graph, "site", "/tmp/a.html").size() == 1u);
  BOOST_TEST(Holding(graph, "site", "/tmp/b.html").size() == 1u);
}

BOOST_AUTO_TEST_CASE(normalisers_key_handles_names_and_urls) {
  BOOST_TEST(NormaliseHandle(" @HRMargo") == "hrmargo");
  BOOST_TEST(NormaliseName("  Margo \t Rose ") == "margo rose");
  BOOST_TEST(NormaliseUrl("https://www.Example.com:443/blog/") == "example.com/blog");
  BOOST_TEST(NormaliseUrl("http://example.com/?p=1#x") == "example.com");
}

BOOST_AUTO_TEST_CASE(display_names_profiles_and_twitted_by_titles_give_handles) {
  BOOST_TEST(SplitDisplayName("@HRMargo Margo Rose").handle == "HRMargo");
  BOOST_TEST(SplitDisplayName("@HRMargo Margo Rose").name == "Margo Rose");
  BOOST_TEST(SplitDisplayName("Margo @Rose").handle.empty());
  BOOST_TEST(HandleFromProfileUrl("http://twitter.com/HRMargo") == "HRMargo");
  BOOST_TEST(HandleFromProfileUrl("https://x.com/LaraNewman/") == "LaraNewman");
  BOOST_TEST(HandleFromProfileUrl("http://twitter.com/home/status/1").empty());
  BOOST_TEST(HandleFromProfileUrl("http://example.com/HRMargo").empty());
  BOOST_TEST(TwittedBy("Twitted by MervynDinnen") == "MervynDinnen");
  BOOST_TEST(TwittedBy("Tweets that mention X").empty());
}

BOOST_AUTO_TEST_CASE(evidence_is_the_sentence_and_long_evidence_is_cut_on_a_character) {
  BOOST_TEST(SentenceWith("First one. Then @Amy came! Bye.", "@amy") == "Then @Amy came!");
  BOOST_TEST(SentenceWith("See example.com for @Amy.", "@Amy") == "See example.com for @Amy.");
  BOOST_TEST(SentenceWith("Mail me@am. Thanks @AMY for it.", "@amy") == "Thanks @AMY for it.");
  BOOST_TEST(SentenceWith("Nobody here but @am", "@amy").empty());
  BOOST_TEST(SentenceWith("Dinner with Amy Lee. Fun.", "amy lee") == "Dinner with Amy Lee.");
  const std::string long_text(299, 'a');
  const std::string shortened = ShortenEvidence(long_text + "\u00e9\u00e9\u00e9");
  BOOST_TEST(shortened.size() <= 300u + 3u);
  BOOST_TEST(shortened.substr(shortened.size() - 3) == "\u2026");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::graph
