// Who met, spoke with or plans to meet whom, read from the words: a table of
// sentences (tests/data/graph/interaction_sentences.tsv), every rule on its
// own example, and the sample blog as PRODUCT.md says linkgraph must see it.
#include "graph/interactions.h"

#include <algorithm>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/table_file.h"
#include "tests/support/test_paths.h"

namespace linkgraph::graph {
namespace LINKGRAPH_FILE_SCOPE {

namespace data = boost::unit_test::data;

// The people of the sample blog, as graph_build passes them.
const std::vector<std::string> kSampleNames = {"Margo Rose", "Peter Gold", "Dave Martin",
                                               "Akiki",      "Wendy",      "Lara Newman"};

std::string OtherOf(const Interaction& found) {
  switch (found.other.kind) {
    case Party::Kind::kHandle:
      return "@" + found.other.value;
    case Party::Kind::kYou:
      return "you";
    case Party::Kind::kName:
      return found.other.value;
  }
  return "?";
}

// One edge as the sentence table writes it: kind|other|detail|event|when|date.
std::string Describe(const Interaction& found) {
  return std::string(ToString(found.kind)) + "|" + OtherOf(found) + "|" + found.detail + "|" +
         found.event + "|" + found.when + "|" + found.date;
}

std::vector<std::string> DescribeAll(const std::vector<Interaction>& found) {
  std::vector<std::string> described;
  for (const Interaction& f : found) described.push_back(Describe(f));
  return described;
}

std::vector<std::string> Split(std::string_view text, std::string_view separator) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + separator.size();
  }
}

struct SentenceCase {
  size_t line = 0;
  TextContext context;
  std::string text;
  std::vector<std::string> expected;
};

std::ostream& operator<<(std::ostream& out, const SentenceCase& c) {
  return out << "interaction_sentences.tsv:" << c.line << " " << c.text;
}

SentenceCase ParseRow(size_t line, const std::vector<std::string>& columns) {
  SentenceCase c;
  c.line = line;
  c.context.in_comment = columns[0] == "comment";
  c.context.date = columns[1] == "-" ? "" : columns[1];
  c.context.known_names = {"Dave Martin", "Wendy", "Lara Newman", "Margo Rose"};
  c.text = testing::UnescapeLineBreaks(columns[2]);
  if (columns[3] != "-") c.expected = Split(columns[3], " ; ");
  return c;
}

// Read when the cases are registered; a table that cannot be read gives no
// rows, and sentence_table_is_read_whole says so.
std::vector<SentenceCase> LoadSentenceTable() {
  std::vector<SentenceCase> cases;
  try {
    std::string table =
        testing::ReadFile(testing::TestDataDir() / "graph" / "interaction_sentences.tsv");
    std::vector<std::string> lines = Split(table, "\n");
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].empty() || lines[i][0] == '#') continue;
      std::vector<std::string> columns = Split(lines[i], "\t");
      if (columns.size() != 4) return {};
      cases.push_back(ParseRow(i + 1, columns));
    }
  } catch (const std::exception&) {
    return {};
  }
  return cases;
}

std::vector<std::string> RuleIds() {
  std::vector<std::string> ids;
  for (const InteractionRule& rule : InteractionRules()) ids.emplace_back(rule.id);
  return ids;
}

TextContext Comment(std::string date) {
  TextContext context;
  context.date = std::move(date);
  context.in_comment = true;
  context.known_names = kSampleNames;
  return context;
}

TextContext Post(std::string date) {
  TextContext context = Comment(std::move(date));
  context.in_comment = false;
  return context;
}

// The edge and its evidence, for the sample's texts.
std::vector<std::string> DescribeWithEvidence(const std::vector<Interaction>& found) {
  std::vector<std::string> described;
  for (const Interaction& f : found) described.push_back(Describe(f) + " <- " + f.evidence);
  return described;
}

BOOST_AUTO_TEST_SUITE(interactions)

BOOST_AUTO_TEST_CASE(sentence_table_is_read_whole) {
  BOOST_TEST(LoadSentenceTable().size() >= 50u);
}

BOOST_DATA_TEST_CASE(each_sentence_gives_exactly_its_expected_edges,
                     data::make(LoadSentenceTable()), c) {
  BOOST_TEST_CONTEXT(c) {
    BOOST_TEST(DescribeAll(FindInteractions(c.text, c.context)) == c.expected,
               boost::test_tools::per_element());
  }
}

BOOST_DATA_TEST_CASE(every_rule_fires_on_its_own_example, data::make(RuleIds()), id) {
  for (const InteractionRule& rule : InteractionRules()) {
    if (rule.id != id) continue;
    BOOST_TEST_CONTEXT(rule.example) {
      std::vector<std::string> fired;
      for (const Interaction& found :
           FindInteractions(rule.example, Comment("2010-01-10T12:00:00"))) {
        fired.push_back(found.rule);
      }
      BOOST_TEST((std::find(fired.begin(), fired.end(), id) != fired.end()));
    }
  }
}

BOOST_AUTO_TEST_CASE(rule_ids_are_unique_and_kinds_print) {
  std::vector<std::string> ids = RuleIds();
  std::sort(ids.begin(), ids.end());
  BOOST_TEST((std::adjacent_find(ids.begin(), ids.end()) == ids.end()));
  BOOST_TEST(ToString(InteractionKind::kMet) == std::string("met"));
  BOOST_TEST(ToString(InteractionKind::kSpoke) == std::string("spoke"));
  BOOST_TEST(ToString(InteractionKind::kPlansToMeet) == std::string("plans_to_meet"));
}

BOOST_AUTO_TEST_CASE(placeholders_expand_and_repetitions_stay) {
  std::string expanded = InteractionRulePattern(R"({I}{aux}met\b x{1,15})");
  BOOST_TEST(expanded.find("{I}") == std::string::npos);
  BOOST_TEST(expanded.find("{lead}") == std::string::npos);
  BOOST_TEST(expanded.find("{aux}") == std::string::npos);
  BOOST_TEST(expanded.find("x{1,15}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_without_statements_gives_nothing) {
  BOOST_TEST(FindInteractions("", Post("")).empty());
  BOOST_TEST(FindInteractions("\n\n  \n", Comment("2010-01-10")).empty());
  BOOST_TEST(FindInteractions("met met met @ @@ ’’’ … (((", Comment("not a date")).empty());
}

BOOST_AUTO_TEST_CASE(hostile_text_neither_crashes_nor_invents_edges) {
  const std::string texts[] = {"\xE2\x80",
                               "I met @",
                               "((((((((I met @A",
                               ")))) I met @A))",
                               "\xC2",
                               "I met @_.",
                               std::string(10000, '.'),
                               "I\xE2\x80\x99",
                               "@@@@",
                               "I met you, you, you",
                               std::string("I met @A\0@B", 11)};
  for (const std::string& text : texts) {
    BOOST_TEST_CONTEXT(text.substr(0, 40)) { FindInteractions(text, Comment("2010-01-10")); }
  }
  std::string list = "I met ";
  for (int i = 0; i < 2000; ++i) list += "@A" + std::to_string(i % 10) + ", ";
  BOOST_TEST(FindInteractions(list + "at TRULondon.", Post("2010-01-10")).size() == 10u);
}

BOOST_AUTO_TEST_CASE(evidence_is_the_original_sentence_with_typographic_apostrophes) {
  auto found =
      FindInteractions("Hello.  I’ve met @PeterGold\u00a0today!  Bye.", Post("2010-01-10"));
  BOOST_TEST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].evidence == "I’ve met @PeterGold\u00a0today!");
  BOOST_TEST(found[0].when == "today");
  BOOST_TEST(found[0].rule == "met_verb");
}

BOOST_AUTO_TEST_CASE(pronoun_and_carried_event_join_the_sentence_before_to_the_evidence) {
  auto found =
      FindInteractions("@LaraNewman is lovely. I met her at TRULondon.", Post("2010-01-10"));
  BOOST_TEST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].evidence == "@LaraNewman is lovely. I met her at TRULondon.");
}

BOOST_AUTO_TEST_CASE(known_names_are_whole_words_and_kept_as_written) {
  TextContext context = Post("2010-01-10");
  context.known_names = {"Dave", "Dave Martin", "Seán O’Neill"};
  auto found = FindInteractions("I met Dave Martin, Davey and Seán O’Neill at TRULondon.", context);
  std::vector<std::string> expected = {"met|Dave Martin||TRULondon||2010-01-10",
                                       "met|Davey||TRULondon||2010-01-10",
                                       "met|Seán O’Neill||TRULondon||2010-01-10"};
  BOOST_TEST(DescribeAll(found) == expected, boost::test_tools::per_element());
}

// The seed post as the store holds it (tests/data/graph/seed_post.txt).
BOOST_AUTO_TEST_CASE(seed_post_gives_exactly_the_product_table) {
  std::string text = testing::ReadFile(testing::TestDataDir() / "graph" / "seed_post.txt");
  const std::string spoke_evidence =
      "In the last seven days I’ve spoken to @LisaScales, @AndyHeadworth and @AlanWhitford on "
      "the phone and to @RadicalRecruit on Skype.";
  const std::string dinner_evidence =
      "I’ve had dinner with @MervynDinnen and @LaraNewman, and tomorrow I’m meeting "
      "@ClareWildman for after work drinkies.";
  const std::string lara_evidence =
      "@LaraNewman was the first person I’d met on Twitter who I met offline.";
  std::vector<std::string> expected = {
      "spoke|@LisaScales|phone|||2009-12-06 <- " + spoke_evidence,
      "spoke|@AndyHeadworth|phone|||2009-12-06 <- " + spoke_evidence,
      "spoke|@AlanWhitford|phone|||2009-12-06 <- " + spoke_evidence,
      "spoke|@RadicalRecruit|Skype|||2009-12-06 <- " + spoke_evidence,
      "met|@MervynDinnen|dinner|||2009-12-06 <- " + dinner_evidence,
      "met|@LaraNewman|dinner|||2009-12-06 <- " + dinner_evidence,
      "plans_to_meet|@ClareWildman|after work drinks||tomorrow|2009-12-07 <- " + dinner_evidence,
      "met|@LaraNewman||||2009-12-06 <- " + lara_evidence,
      "met|@LaraNewman|ice skating|||2009-12-06 <- " + lara_evidence +
          " We went ice skating together and had a lovely afternoon!",
  };
  BOOST_TEST(DescribeWithEvidence(FindInteractions(text, Post("2009-12-06T21:31:00"))) == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(seed_comment_105_we_have_met_is_dave_and_wendy) {
  auto found = FindInteractions(
      "Great post, I totally agree that putting faces or voices to Twitter contacts is a real "
      "must.\n\nPS We have met!",
      Comment("2009-12-07T10:01:00"));
  std::vector<std::string> expected = {"met|you||||2009-12-07 <- PS We have met!"};
  BOOST_TEST(DescribeWithEvidence(found) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(seed_comment_106_great_meeting_you_at_trulondon_is_one_edge) {
  auto found = FindInteractions(
      "Thanks Dave! It was great meeting you at TRULondon (albeit briefly) and you’re included "
      "in the 24 (which has actually turned out to be rather more as I missed some people off! "
      ":o) people I’ve met list!",
      Comment("2009-12-10T21:54:00"));
  std::vector<std::string> expected = {"met|you||TRULondon||2009-12-10"};
  BOOST_TEST(DescribeAll(found) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(seed_comment_102_takes_event_and_time_from_the_sentence_before) {
  auto found = FindInteractions(
      "Thanks Margo! Twitter definitely brings people together. And what never ceases to amaze "
      "me is how generous and selfless so many people on it are!\n\nVery excited about your "
      "coming to TRULondon2 in Feb! I’ll get to meet you and some of your Amercian colleagues "
      "too, which is ever to exciting! 🙂",
      Comment("2009-12-10T21:50:00"));
  std::vector<std::string> expected = {
      "plans_to_meet|you||TRULondon2|in Feb|2010-02 <- Very excited about your coming to "
      "TRULondon2 in Feb! I’ll get to meet you and some of your Amercian colleagues too, which "
      "is ever to exciting!"};
  BOOST_TEST(DescribeWithEvidence(found) == expected, boost::test_tools::per_element());
}

const char* const kSeedCommentsWithoutStatements[] = {
    // 101, Margo Rose
    "My sweet chicken, once again you’ve written a post that brings a smile to my face. The "
    "relationships I’ve built on twitter mean the world to me. I’ve launched my blog, received "
    "outstanding career advice, and broadened my horizons with vast amounts of professional "
    "development opportunities. Because of twitter, I’ve been able to attend conferences via "
    "ustream, and by following live #twitterstreams. In addition, I’ve used twitter for job "
    "hunting, and connecting to recruiters from around the world. I’m passionate about twitter, "
    "and social media outlets. Twitter is far more engaging and fun than and more professional "
    "than facebook. It’s the perfect mix of business and pleasure. You are one of my favorite UK "
    "bloggers, and I am so glad we are twitterpals.\n\nPickle aka @HRMargo Margo Rose",
    // 103, Peter Gold
    "Well done at starting your blog although you may wish you hadn’t! You are welcome to have a "
    "guest post on my blog in the New Year – more details will be made public but do let me know "
    "if you would like to be included.",
    // 104, Wendy
    "Thanks Peter! I’m not regretting it yet, but ask me in a couple of months… 😉\n\nI would "
    "love to have a guest post on your blog in the new year if you’ll have me! I shall try and "
    "think of something suitably entertaining to write!",
    // 107, Akiki
    "It is truly an (un)vicious circle. You meet individuals you have things in common with on "
    "twitter let’s say, you get to know them, you meet them in person, they, in turn, open up "
    "your network to others on twitter, whom you get to “meet” online, get to know, then meet in "
    "person, and on and on it goes. Social Media is not an online phenomenon, it is also taking "
    "place offline.\nGreat post Wendy!\nMaha Akiki",
    // 108, Wendy
    "You’re so right, Maha! I just can’t see any downsides to it. It’s wonderful to find out "
    "more about people and to take those friendships and relationships further!",
    // 113, Lara Newman, on the underground post
    "Friday was brilliant – that lemon posset! Thanks for being my partner in crime, Wendy. Mr J "
    "is welcome to come along and check I’m not an axe murderer any time 😉\n\nMy photos are up "
    "here: http://www.flickr.com/photos/43557612@N04/\n\nPS @ClareWildman says she wants in next "
    "time!",
};

BOOST_DATA_TEST_CASE(sample_comments_without_statements_give_nothing,
                     data::make(kSeedCommentsWithoutStatements), text) {
  BOOST_TEST(DescribeAll(FindInteractions(text, Comment("2009-12-10T21:55:00"))).empty());
}

BOOST_AUTO_TEST_CASE(underground_post_gives_only_dinner_with_lara_on_friday) {
  std::string text = testing::ReadFile(testing::TestDataDir() / "graph" / "underground_post.txt");
  std::vector<std::string> expected = {
      "met|@LaraNewman|dinner|a supper club in Hackney|On Friday|2010-03-26 <- On Friday "
      "@LaraNewman and I had dinner at a supper club in Hackney: beetroot soup, slow-roast lamb "
      "and a lemon posset that I am still thinking about."};
  BOOST_TEST(DescribeWithEvidence(FindInteractions(text, Post("2010-03-28T14:47:00"))) == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::graph
