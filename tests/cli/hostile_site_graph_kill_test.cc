// A run killed while it derives the graph, after its pages were saved: the
// pages say the graph is stale, reports warn until a derivation completes,
// and the next crawl or import derives it even when it stores nothing new,
// ending with exactly what the same commands store uninterrupted (pages,
// posts, comments, trackbacks, mentions, people, edges and authorship). The
// kill lands at a known point through the binary's test-only hold (see
// DeriveGraph in pipeline/pipeline.h): no sleeping and hoping.
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/cli/cli_fixtures.h"
#include "tests/crawler/loopback_http_server.h"
#include "tests/support/generated_blog.h"
#include "tests/support/test_store.h"

namespace linkgraph::cli_test {
namespace LINKGRAPH_FILE_SCOPE {

using testing::LoopbackHttpServer;
using testing::Must;

// pipeline/pipeline.h's kTestHoldBeforeGraphEnv.
constexpr char kHoldEnv[] = "LINKGRAPH_TEST_HOLD_BEFORE_GRAPH";

// A blog whose comments change between crawls, as a live one does.
struct ChangingBlog {
  LoopbackHttpServer server;

  void Serve(int comments_per_post) {
    testing::BlogOptions options;
    options.posts = 12;
    options.comments_per_post = comments_per_post;
    testing::ServeBlog(server, testing::GenerateBlog(options, server.Url("")));
  }

  std::vector<std::string> CrawlArgs(const std::string& db) const {
    return {"crawl",   "--db",           db,  "--delay", "0", "--per-host", "2",
            "--quiet", "--recrawl-after", "0", server.Url("/")};
  }
};

// Everything the store holds that a crawl or import decides, as text: not
// the times (fetched_at, built_at) nor the crawl bookkeeping.
std::string Dump(const std::string& db) {
  auto store = Must(store::OpenSqliteStore(db));
  std::ostringstream out;
  for (const store::PageFetch& p : Must(store->PageFetches())) {
    out << "page " << p.url << '|' << p.canonical_url << '|' << p.status << '|' << p.error << '|'
        << p.http_status << '|' << p.etag << '|' << p.last_modified << '|' << p.content_hash
        << '\n';
  }
  for (const store::StoredPost& s : Must(store->Posts())) {
    const Post& p = s.post;
    out << "post " << p.url << '|' << s.page_url << '|' << p.title << '|' << p.author << '|'
        << p.published << '|' << p.text << '|' << p.site_name << '|' << p.site_url << '\n';
    for (const Link& link : p.links) out << "  link " << link.url << '|' << link.text << '\n';
  }
  for (const store::StoredComment& s : Must(store->Comments())) {
    const Comment& c = s.comment;
    out << "comment " << s.post_url << '|' << c.id << '|' << c.permalink << '|' << c.author << '|'
        << c.author_url << '|' << c.published << '|' << c.text << '|' << c.parent_id << '|'
        << c.position << '|' << c.kind << '\n';
  }
  for (const store::StoredTrackback& s : Must(store->Trackbacks())) {
    const Trackback& t = s.trackback;
    out << "trackback " << s.post_url << '|' << t.id << '|' << t.source_url << '|' << t.title
        << '|' << t.published << '|' << static_cast<int>(t.kind) << '\n';
  }
  for (const store::StoredMention& s : Must(store->Mentions())) {
    const Mention& m = s.mention;
    out << "mention " << s.post_url << '|' << s.source_url << '|' << m.handle << '|'
        << static_cast<int>(m.in) << '|' << m.comment_id << '|' << m.by << '\n';
  }
  for (const store::StoredPerson& p : Must(store->People())) {
    out << "person " << p.id << '|' << p.key << '|' << p.name << '|' << p.texts << '\n';
    for (const store::PersonIdentity& i : p.identities) {
      out << "  identity " << i.identity.kind << '|' << i.identity.value << '|'
          << i.identity.normalised << '|' << i.reason << '\n';
    }
  }
  for (const store::StoredEdge& e : Must(store->Edges())) {
    out << "edge " << e.from << '|' << e.to << '|' << e.kind << '|' << e.date << '|' << e.detail
        << '|' << e.event << '|' << e.when << '|' << e.evidence << '|' << e.source_url << '\n';
  }
  for (const store::Authorship& a : Must(store->Authors())) {
    out << "author " << a.source_url << '|' << a.person << '\n';
  }
  store::GraphState graph = Must(store->Graph());
  out << "graph built=" << graph.built << " stale=" << graph.stale << " people=" << graph.people
      << " edges=" << graph.edges << '\n';
  return out.str();
}

store::GraphState GraphOf(const std::string& db) {
  return Must(Must(store::OpenSqliteStore(db))->Graph());
}

// Runs args with the hold set and kills the run once it is holding: its
// pages are saved, its graph not yet written.
void KillDuringDerivation(const CliFixture& fixture, const std::vector<std::string>& args) {
  const fs::path marker = fixture.dir.path() / "deriving";
  RunResult killed;
  {
    ScopedEnv hold(kHoldEnv, marker.string());
    killed = testing::RunLinkgraph(args, fixture.dir.path(), std::chrono::seconds(120),
                                   [&] { return fs::exists(marker); });
  }
  BOOST_TEST_REQUIRE(killed.signal == SIGKILL, killed);
  BOOST_TEST_REQUIRE(fs::exists(marker), "killed before the derivation began: " << killed);
}

// The graph older than the pages is named by every command that reads it.
void CheckReadersWarn(const CliFixture& fixture) {
  const std::string warning = "older than the stored pages";
  RunResult report = fixture.RunOk({"report", "replies", "--db", fixture.db});
  BOOST_TEST(report.err.find(warning) != std::string::npos, report);
  BOOST_TEST(report.err.find("linkgraph rebuild") != std::string::npos, report);
  RunResult exported = fixture.RunOk({"export", "--db", fixture.db, "--format", "json"});
  BOOST_TEST(exported.err.find(warning) != std::string::npos, exported);
  RunResult status = fixture.RunOk({"status", "--db", fixture.db});
  BOOST_TEST(status.out.find(warning) != std::string::npos, status);
}

BOOST_FIXTURE_TEST_SUITE(cli_hostile_site_graph_kill, CliFixture)

BOOST_AUTO_TEST_CASE(a_crawl_killed_while_deriving_the_graph_is_derived_by_the_next_run) {
  ChangingBlog site;
  site.Serve(3);
  RunOk(site.CrawlArgs(db));
  const store::GraphState first = GraphOf(db);
  BOOST_TEST_REQUIRE(first.built);
  BOOST_TEST(!first.stale);

  // The site gains comments; the crawl that stores them dies deriving.
  site.Serve(6);
  KillDuringDerivation(*this, site.CrawlArgs(db));
  store::GraphState killed = GraphOf(db);
  BOOST_TEST(killed.stale);
  BOOST_TEST(killed.edges == first.edges);  // the old graph, untouched
  CheckReadersWarn(*this);

  // Nothing new to store this time, yet the graph is derived.
  RunOk(site.CrawlArgs(db));
  BOOST_TEST(!GraphOf(db).stale);
  BOOST_TEST(RunOk({"report", "replies", "--db", db}).err.empty());

  // The same three crawls, none killed.
  CliFixture uninterrupted;
  site.Serve(3);
  uninterrupted.RunOk(site.CrawlArgs(uninterrupted.db));
  site.Serve(6);
  uninterrupted.RunOk(site.CrawlArgs(uninterrupted.db));
  uninterrupted.RunOk(site.CrawlArgs(uninterrupted.db));
  const std::string expected = Dump(uninterrupted.db);
  BOOST_TEST(GraphOf(uninterrupted.db).edges > first.edges);
  BOOST_TEST(Dump(db) == expected);
}

BOOST_AUTO_TEST_CASE(a_report_while_an_import_holds_the_database_says_it_is_running) {
  const fs::path marker = dir.path() / "deriving";
  RunResult report;
  {
    ScopedEnv hold(kHoldEnv, marker.string());
    RunResult held = testing::RunLinkgraph(
        {"import", "--db", db, SampleDir().string()}, dir.path(), std::chrono::seconds(120), [&] {
          if (!fs::exists(marker)) return false;
          report = testing::RunLinkgraph({"report", "replies", "--db", db}, dir.path());
          return true;
        });
    BOOST_TEST_REQUIRE(held.signal == SIGKILL, held);
  }
  BOOST_TEST(report.exit_status == 0, report);
  BOOST_TEST(report.err.find("a crawl or import is writing this database") != std::string::npos,
             report);
  BOOST_TEST(report.err.find("wait for it to finish") != std::string::npos, report);
  BOOST_TEST(report.err.find("run 'linkgraph rebuild'") == std::string::npos, report);
}

BOOST_AUTO_TEST_CASE(an_import_killed_while_deriving_the_graph_is_derived_by_the_next_import) {
  const std::vector<std::string> one_page = {"import", "--db", db,
                                             (SampleDir() / kSeedPageFile).string()};
  const std::vector<std::string> all_pages = {"import", "--db", db, SampleDir().string()};
  RunOk(one_page);
  KillDuringDerivation(*this, all_pages);
  BOOST_TEST(GraphOf(db).stale);
  CheckReadersWarn(*this);
  RunOk(all_pages);  // every page unchanged now
  BOOST_TEST(!GraphOf(db).stale);

  CliFixture uninterrupted;
  for (const auto& args : {one_page, all_pages, all_pages}) {
    std::vector<std::string> same = args;
    same[2] = uninterrupted.db;
    uninterrupted.RunOk(same);
  }
  BOOST_TEST(Dump(db) == Dump(uninterrupted.db));
}

BOOST_AUTO_TEST_CASE(rebuild_clears_the_mark_and_the_warning) {
  ImportSample();
  KillDuringDerivation(*this, {"import", "--db", db, "--reextract", SampleDir().string()});
  BOOST_TEST(GraphOf(db).stale);
  RunOk({"rebuild", "--db", db});
  BOOST_TEST(!GraphOf(db).stale);
  BOOST_TEST(RunOk({"report", "replies", "--db", db}).err.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace LINKGRAPH_FILE_SCOPE
}  // namespace linkgraph::cli_test
