// Names and titles from a hostile page are text, never terminal commands:
// control characters and bidi overrides are dropped at extraction, and what
// an older database still holds is shown escaped by every command that
// prints page text to a terminal. Exports keep the exact text.
#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"
#include "tests/cli/cli_fixtures.h"
#include "tests/support/terminal_controls.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

constexpr char kPostUrl[] = "https://hostile.example/2009/12/06/post/";
// A window title, a screen clear, a colour, a C1 CSI and a right-to-left
// override: what the page's authors would like the researcher's terminal to do.
const std::string kEvilName = "Ann\x1b]0;pwned\x07\x1b[2J\xc2\x9b" "31m\xe2\x80\xae" "evil";

using testing::HasTerminalControl;

void CheckNoControl(const std::string& what, const RunResult& result) {
  BOOST_TEST(!HasTerminalControl(result.out), what << " stdout: " << result);
  BOOST_TEST(!HasTerminalControl(result.err), what << " stderr: " << result);
}

std::string HostilePage() {
  return "<html><head><title>Blog\x1b]0;pwned\x07</title></head><body>"
         "<div class=\"post\"><h2 class=\"entry-title\">Hello\x1b[2J world</h2>"
         "<div class=\"entry\"><p>We met @Lara\x1b[31m yesterday.</p></div></div>"
         "<ol class=\"commentlist\">"
         "<li class=\"comment\" id=\"comment-1\"><cite class=\"fn\">" +
         kEvilName +
         "</cite><p>Hi @Wendy, we met at the fair</p>"
         "<ul class=\"children\"><li class=\"comment\" id=\"comment-2\">"
         "<cite class=\"fn\">Wendy\xe2\x81\xa6</cite><p>Nice to meet you @Ann</p></li></ul></li>"
         "</ol></body></html>";
}

// A database written by an older linkgraph, which kept the control
// characters: the pages are saved as plain structs, not extracted.
void SaveOldDatabase(const std::string& db) {
  auto opened = store::OpenSqliteStore(db);
  BOOST_REQUIRE(opened.ok());
  store::PageToSave page;
  page.fetch.url = kPostUrl;
  page.fetch.canonical_url = kPostUrl;
  page.fetch.status = "ok";
  page.fetch.content_hash = "hash";
  page.fetch.fetched_at = "2024-03-01T10:00:00Z";
  ExtractedPage extracted;
  extracted.url = extracted.canonical_url = extracted.post.url = kPostUrl;
  extracted.platform = "wordpress";
  extracted.has_post = true;
  extracted.post.title = "Title\x1b[2J";
  extracted.post.author = "Wendy\x1b]0;x\x07";
  extracted.post.published = "2009-12-06T21:31:00";
  extracted.post.text = "We met @Lara yesterday.";
  extracted.comments.push_back(Comment{"comment-1", std::string(kPostUrl) + "#comment-1",
                                       kEvilName, "", "2009-12-06T22:00:00",
                                       "Hi @Wendy\x1b[31m, we met", "", 1});
  extracted.comments.push_back(Comment{"comment-2", std::string(kPostUrl) + "#comment-2",
                                       "Wendy\x1b]0;x\x07", "", "2009-12-06T23:00:00",
                                       "Nice to meet you", "comment-1", 2});
  extracted.mentions.push_back(Mention{"Lara\x1b[5m", MentionPlace::kPost, "", "Wendy\x1b]0;x\x07"});
  extracted.mentions.push_back(Mention{"Wendy", MentionPlace::kComment, "comment-1", kEvilName});
  page.extracted = std::move(extracted);
  BOOST_REQUIRE((*opened)->SavePages({page}).ok());
}

BOOST_FIXTURE_TEST_SUITE(hostile_site_text, CliFixture)

BOOST_AUTO_TEST_CASE(control_characters_in_a_page_never_reach_the_terminal) {
  fs::path page = dir.path() / "post.html";
  WriteFile(page, HostilePage());
  RunResult imported = RunOk({"import", "--explain", "--db", db, page.string()});
  CheckNoControl("import --explain", imported);
  // Gumbo shows a raw ESC as U+FFFD; the rest of the title stays.
  BOOST_TEST(imported.out.find("[2J world") != std::string::npos, imported);
  for (const std::vector<std::string>& report :
       {std::vector<std::string>{"report", "mentions"}, {"report", "people"},
        {"report", "replies"}, {"report", "met"}, {"status"}}) {
    std::vector<std::string> args = report;
    args.insert(args.end(), {"--db", db});
    CheckNoControl(report.back(), RunOk(args));
  }
  // Dropped from what is stored, so files hold the names without them too.
  nlohmann::json exported = ExportJson();
  std::string authors = exported["comments"].dump();
  BOOST_TEST(authors.find("]0;pwned") != std::string::npos, authors);
  BOOST_TEST(authors.find("\\u00") == std::string::npos, authors);  // JSON's escaped controls
  BOOST_TEST(!HasTerminalControl(authors), authors);
}

BOOST_AUTO_TEST_CASE(control_characters_in_an_old_database_are_shown_escaped) {
  SaveOldDatabase(db);
  RunOk({"rebuild", "--db", db});
  for (const std::vector<std::string>& report :
       {std::vector<std::string>{"report", "mentions"}, {"report", "people"},
        {"report", "replies"}, {"report", "links"}, {"report", "met"}, {"status"}}) {
    std::vector<std::string> args = report;
    args.insert(args.end(), {"--db", db});
    RunResult shown = RunOk(args);
    CheckNoControl(report.back(), shown);
    if (report.back() == "mentions") {
      BOOST_TEST(shown.out.find("Lara\\x1b[5m") != std::string::npos, shown);
    }
  }
  RunResult person = Run({"report", "person", "Wendy\x1b]0;x\x07", "--db", db});
  CheckNoControl("person", person);
  // Files keep the exact text: JSON escapes it, CSV writes it as it is.
  std::string json = Export();
  BOOST_TEST(json.find("Lara\\u001b[5m") != std::string::npos, json);
  RunResult csv = RunOk({"report", "mentions", "--format", "csv", "--db", db});
  BOOST_TEST(csv.out.find("Lara\x1b[5m") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
