// The generated blog: a model of posts, threads and pingbacks drawn from a
// seeded generator, then rendered as a WordPress 4.x theme renders them
// (Twenty Sixteen-like markup with the classic comment list).
#include "tests/support/generated_blog.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

namespace linkgraph::testing {
namespace {

struct Person {
  const char* name;
  const char* handle;  // a valid @handle: letters, digits, _; at most 15
};

constexpr Person kOwner{"Gina Generated", "GinaGenerated"};
constexpr Person kPeople[] = {{"Ada Fielding", "AdaFielding"}, {"Ben Okafor", "BenOkafor"},
                              {"Chloe Marsh", "ChloeMarsh"},   {"Dev Patel", "Dev_Patel"},
                              {"Erin Walsh", "ErinWalsh"},     {"Femi Adeyemi", "FemiA"},
                              {"Grace Liu", "GraceLiu"},       {"Hugo Brandt", "HugoBrandt"},
                              {"Isla Moreno", "IslaMoreno"},   {"Jonas Berg", "JonasBerg"},
                              {"Kate Osei", "KateOsei"},       {"Liam Doyle", "LiamDoyle"},
                              {"Maya Cohen", "MayaCohen"},     {"Nils Eriksen", "NilsEriksen"},
                              {"Olivia Grant", "OliviaGrant"}, {"Priya Nair", "PriyaNair"},
                              {"Quinn Taylor", "QuinnTaylor"}, {"Rosa Lind", "RosaLind"},
                              {"Sam Reyes", "SamReyes"},       {"Tara Quinn", "TaraQuinn"}};
constexpr int kPeopleCount = static_cast<int>(std::size(kPeople));
constexpr int kOwnerIndex = -1;

constexpr const char* kBlogName = "Generated Recruiter";
constexpr const char* kWords[] = {
    "recruiting", "candidates", "interview", "coffee",     "network", "hiring",   "team",
    "feedback",   "offer",      "culture",   "meetup",     "career",  "skills",   "manager",
    "really",     "always",     "honestly",  "week",       "project", "learned",  "people",
    "question",   "answer",     "process",   "role",       "market",  "salary",   "remote",
    "office",     "weekend",    "cake",      "conference", "twitter", "linkedin", "story"};
constexpr const char* kTitleStarts[] = {"Better",  "Honest", "Slow", "Small",  "Quiet",   "Remote",
                                        "Awkward", "Useful", "Late", "Simple", "Curious", "Bold"};
constexpr const char* kTitleNouns[] = {"Interviews", "Offers",    "Meetups",  "Feedback",
                                       "Careers",    "Networks",  "Teams",    "Questions",
                                       "Hiring",     "Referrals", "Tweetups", "Weekends"};
constexpr const char* kTitleEnds[] = {
    "for Graduates", "in a Small Market", "and Cake",     "on Twitter",    "That Work",
    "Revisited",     "at Scale",          "for Managers", "Without Tears", "in December"};
constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun",
                                 "Mon", "Tue", "Wed"};  // from 1970-01-01

// Portable across standard libraries: mt19937's sequence is specified, the
// distributions are not.
class Rng {
 public:
  explicit Rng(unsigned seed) : engine_(seed) {}
  int Below(int n) { return static_cast<int>(engine_() % static_cast<uint32_t>(n)); }
  bool Chance(int percent) { return Below(100) < percent; }
  const char* Word() { return kWords[Below(static_cast<int>(std::size(kWords)))]; }

 private:
  std::mt19937 engine_;
};

// Minutes since 1970-01-01 00:00 UTC, printed the ways WordPress prints.
struct Moment {
  int year, month, day, hour, minute, weekday;
};

Moment ToMoment(long long minutes) {
  // Howard Hinnant's civil_from_days.
  const long long days = minutes / 1440;
  const long long z = days + 719468;
  const long long era = z / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Moment{static_cast<int>(yoe + era * 400 + (month <= 2)),
                month,
                static_cast<int>(doy - (153 * mp + 2) / 5 + 1),
                static_cast<int>(minutes % 1440 / 60),
                static_cast<int>(minutes % 60),
                static_cast<int>(days % 7)};
}

std::string Printf(const char* format, auto... args) {
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, format, args...);
  return buffer;
}

// "June 12, 2009 at 3:04 pm"
std::string WordPressDate(const Moment& m) {
  const int hour12 = m.hour % 12 == 0 ? 12 : m.hour % 12;
  return Printf("%s %d, %d at %d:%02d %s", kMonths[m.month - 1], m.day, m.year, hour12, m.minute,
                m.hour < 12 ? "am" : "pm");
}
std::string LongDate(const Moment& m) {
  return Printf("%s %d, %d", kMonths[m.month - 1], m.day, m.year);
}
std::string Iso(const Moment& m) {
  return Printf("%04d-%02d-%02dT%02d:%02d:00", m.year, m.month, m.day, m.hour, m.minute);
}
// RFC 1123, for HTTP and RSS.
std::string HttpDate(const Moment& m) {
  return Printf("%s, %02d %.3s %d %02d:%02d:00 GMT", kDays[m.weekday], m.day, kMonths[m.month - 1],
                m.year, m.hour, m.minute);
}

const Person& Who(int person) { return person == kOwnerIndex ? kOwner : kPeople[person]; }
// Some commenters leave a website, some do not.
std::string SiteOf(int person) {
  if (person == kOwnerIndex) return "/";
  if (person % 3 == 0) return "";
  return "http://" + std::string(kPeople[person].handle) + ".example/";
}

struct CommentModel {
  int id;
  int parent;  // index into the post's comments; -1 for top level
  int depth;   // 1 for top level
  int person;
  long long when;
  std::string text;  // plain text, one paragraph per line
};

struct PingModel {
  int id;
  std::string url, title;
};

struct PostModel {
  GeneratedPost info;
  long long when;
  std::string body_html;
  std::vector<CommentModel> comments;
  std::vector<PingModel> pings;
};

std::string Sentence(Rng& rng, int words) {
  std::string out;
  for (int i = 0; i < words; ++i) out += (i == 0 ? "" : " ") + std::string(rng.Word());
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out + ".";
}

std::string Paragraph(Rng& rng, int sentences) {
  std::string out;
  for (int i = 0; i < sentences; ++i) out += (i == 0 ? "" : " ") + Sentence(rng, 6 + rng.Below(8));
  return out;
}

// Distinct people other than the excluded ones.
std::vector<int> PickPeople(Rng& rng, int count, std::vector<int> excluded) {
  std::vector<int> picked;
  while (static_cast<int>(picked.size()) < count) {
    int person = rng.Below(kPeopleCount);
    if (std::find(excluded.begin(), excluded.end(), person) != excluded.end()) continue;
    excluded.push_back(person);
    picked.push_back(person);
  }
  return picked;
}

std::string Slug(const std::string& title) {
  std::string slug;
  for (char c : title) {
    if (c == ' ') {
      slug += '-';
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return slug;
}

void AddComments(const BlogOptions& options, Rng& rng, int* next_id, PostModel* post) {
  for (int j = 0; j < options.comments_per_post; ++j) {
    CommentModel comment{(*next_id)++, -1, 1, 0, post->when + (j + 1) * 97, ""};
    if (j > 0 && rng.Chance(45)) {
      std::vector<int> open;  // replies nest at most three deep
      for (int k = 0; k < j; ++k) {
        if (post->comments[k].depth < 3) open.push_back(k);
      }
      comment.parent = open[rng.Below(static_cast<int>(open.size()))];
      comment.depth = post->comments[comment.parent].depth + 1;
    }
    const int parent_person =
        comment.parent < 0 ? kOwnerIndex : post->comments[comment.parent].person;
    const bool owner_replies =
        comment.parent >= 0 && parent_person != kOwnerIndex && rng.Chance(50);
    comment.person = owner_replies ? kOwnerIndex : PickPeople(rng, 1, {parent_person})[0];
    std::vector<int> mentioned;
    if (comment.parent >= 0) {
      comment.text = "@" + std::string(Who(parent_person).handle) + " " + Paragraph(rng, 1);
      ++post->info.comment_mentions;
      mentioned.push_back(parent_person);
    } else {
      comment.text = Paragraph(rng, 2);
    }
    if (rng.Chance(35)) {
      mentioned.push_back(comment.person);
      const int other = PickPeople(rng, 1, mentioned)[0];
      comment.text += "\nYou should ask @" + std::string(kPeople[other].handle) + " about " +
                      rng.Word() + ", honestly.";
      ++post->info.comment_mentions;
    }
    post->info.replies += comment.parent >= 0 ? 1 : 0;
    post->comments.push_back(std::move(comment));
  }
  post->info.comments = options.comments_per_post;
}

std::string BodyHtml(Rng& rng, const PostModel* previous_post, PostModel* post) {
  std::vector<int> people = PickPeople(rng, 1 + rng.Below(3), {});
  post->info.body_mentions = static_cast<int>(people.size());
  std::string html = "<p>" + Paragraph(rng, 3) + "</p>\n<p>This week I met";
  for (size_t k = 0; k < people.size(); ++k) {
    const std::string handle = kPeople[people[k]].handle;
    html += k == 0 ? " " : " and ";
    html += k % 2 == 0 ? "<a href=\"http://twitter.com/" + handle + "\">@" + handle + "</a>"
                       : "@" + handle;
  }
  html += " for " + std::string(rng.Word()) + ". " + Paragraph(rng, 2) + "</p>\n";
  // A link to the previous post (which WordPress answers with a self-ping,
  // see AddPings) and one off the site.
  if (previous_post != nullptr) {
    const GeneratedPost& previous = previous_post->info;
    const std::string story = std::to_string(post->info.id);
    html += "<p>I wrote about this before in <a href=\"" + previous.target + "\">" +
            previous.title + "</a>; see also <a href=\"http://news-" +
            std::to_string(post->info.id % 7) + ".example/story/" + story +
            "\">this story</a>.</p>\n";
  }
  return html + "<p>" + Paragraph(rng, 3) + "</p>\n";
}

void AddPings(int index, const std::string& base_url, int* next_id, std::vector<PostModel>* posts) {
  PostModel& post = (*posts)[index];
  if (index % 3 != 1) return;
  post.pings.push_back(PingModel{(*next_id)++,
                                 "http://other-blog-" + std::to_string(index % 5) + ".example/" +
                                     std::to_string(index) + "/linking-post/",
                                 "Linking post &laquo; Other Blog"});
  // The next post links back here: WordPress pings itself.
  if (index + 1 < static_cast<int>(posts->size()) && index % 2 == 1) {
    post.pings.push_back(PingModel{(*next_id)++, base_url + (*posts)[index + 1].info.target,
                                   (*posts)[index + 1].info.title + " &laquo; " + kBlogName});
  }
  post.info.pingbacks = static_cast<int>(post.pings.size());
}

// Ids far above the others, so the rest of the blog keeps its ids.
constexpr int kFirstLateCommentId = 900000;

void AddLateComment(int number, PostModel* post) {
  const Person& met = kPeople[(number + 7) % kPeopleCount];
  const long long last = post->comments.empty() ? post->when : post->comments.back().when;
  post->comments.push_back(CommentModel{
      kFirstLateCommentId + number, -1, 1, number % kPeopleCount, last + 600,
      "I had coffee with @" + std::string(met.handle) + " last week, thanks to this post."});
  ++post->info.comments;
  ++post->info.comment_mentions;
}

// ---- Rendering -------------------------------------------------------------

struct Renderer {
  const BlogOptions& options;
  const std::string& base_url;
  std::string sidebar;  // the same on every page: the five newest posts

  std::string PageStart(const std::string& title, const std::string& canonical,
                        const std::string& body_class, const std::string& extra_head) const {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"UTF-8\" />\n<title>" +
        title + "</title>\n<meta name=\"generator\" content=\"WordPress 4.9.8\" />\n";
    if (!canonical.empty()) html += "<link rel=\"canonical\" href=\"" + canonical + "\" />\n";
    if (options.feed) {
      html += "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" +
              std::string(kBlogName) + " &raquo; Feed\" href=\"" + base_url + "/feed/\" />\n";
    }
    html += extra_head +
            "<link rel=\"stylesheet\" href=\"/wp-content/themes/generated/style.css\" />\n"
            "</head>\n<body class=\"" +
            body_class +
            "\">\n<div id=\"page\" class=\"site\">\n"
            "<header id=\"masthead\" class=\"site-header\"><p class=\"site-title\"><a href=\"/\" "
            "rel=\"home\">" +
            kBlogName +
            "</a></p><p class=\"site-description\">Hiring, "
            "networking and the occasional cake</p></header>\n<nav id=\"site-navigation\" "
            "class=\"main-navigation\"><a href=\"/\">Home</a> <a href=\"/about/\">About</a></nav>\n"
            "<div id=\"content\" class=\"site-content\"><main id=\"main\" class=\"site-main\">\n";
    return html;
  }

  std::string PageEnd() const {
    return "</main>\n" + sidebar +
           "</div>\n<footer id=\"colophon\" class=\"site-footer\"><a href=\"https://wordpress.org/"
           "\">Proudly powered by WordPress</a></footer>\n</div>\n</body>\n</html>\n";
  }
};

std::string Sidebar(const std::vector<PostModel>& posts) {
  std::string html =
      "<aside id=\"secondary\" class=\"widget-area\"><section class=\"widget "
      "widget_recent_entries\">"
      "<h2 class=\"widget-title\">Recent Posts</h2><ul>\n";
  for (int i = static_cast<int>(posts.size()) - 1;
       i >= 0 && i >= static_cast<int>(posts.size()) - 5; --i) {
    html += "<li><a href=\"" + posts[i].info.target + "\">" + posts[i].info.title + "</a></li>\n";
  }
  return html + "</ul></section></aside>\n";
}

void RenderThread(const PostModel& post, const std::vector<std::vector<int>>& children, int index,
                  const std::string& page_target, bool replytocom, std::string* out) {
  const CommentModel& c = post.comments[index];
  const std::string id = std::to_string(c.id);
  const std::string name = Who(c.person).name;
  const std::string site = SiteOf(c.person);
  *out +=
      "<li class=\"comment" + std::string(c.person == kOwnerIndex ? " byuser bypostauthor" : "") +
      " depth-" + std::to_string(c.depth) + "\" id=\"li-comment-" + id + "\">\n<div id=\"comment-" +
      id +
      "\">\n<div class=\"comment-author vcard\"><img alt='' src='/wp-content/uploads/avatar.png' "
      "class='avatar avatar-32 photo' height='32' width='32' /> <cite class=\"fn\">" +
      (site.empty()
           ? name
           : "<a href='" + site + "' rel='external nofollow' class='url'>" + name + "</a>") +
      "</cite> <span class=\"says\">says:</span></div>\n<div class=\"comment-meta "
      "commentmetadata\"><a href=\"" +
      page_target + "#comment-" + id + "\">" + WordPressDate(ToMoment(c.when)) + "</a></div>\n";
  for (size_t start = 0; start < c.text.size();) {
    size_t end = c.text.find('\n', start);
    if (end == std::string::npos) end = c.text.size();
    *out += "<p>" + c.text.substr(start, end - start) + "</p>\n";
    start = end + 1;
  }
  if (replytocom) {
    *out += "<div class=\"reply\"><a rel='nofollow' class='comment-reply-link' href='" +
            post.info.target + "?replytocom=" + id + "#respond' aria-label='Reply to " + name +
            "'>Reply</a></div>\n";
  }
  *out += "</div>\n";
  if (!children[index].empty()) {
    *out += "<ul class=\"children\">\n";
    for (int child : children[index])
      RenderThread(post, children, child, page_target, replytocom, out);
    *out += "</ul>\n";
  }
  *out += "</li>\n";
}

// page: 1-based comment page; the threads it shows are [first, last).
std::string CommentsArea(const BlogOptions& options, const PostModel& post, int page, int pages,
                         const std::string& page_target) {
  std::vector<std::vector<int>> children(post.comments.size());
  std::vector<int> threads;
  for (size_t k = 0; k < post.comments.size(); ++k) {
    (post.comments[k].parent < 0 ? threads : children[post.comments[k].parent])
        .push_back(static_cast<int>(k));
  }
  const int per_page = options.comments_per_page > 0
                           ? options.comments_per_page
                           : std::max<int>(1, static_cast<int>(threads.size()));
  std::string nav;
  if (pages > 1) {
    auto page_url = [&](int n) {
      return n == 1 ? post.info.target : post.info.comment_page_targets[n - 2];
    };
    nav = "<nav class=\"navigation comment-navigation\"><div class=\"nav-links\">";
    if (page > 1)
      nav += "<div class=\"nav-previous\"><a href=\"" + page_url(page - 1) +
             "#comments\">Older Comments</a></div>";
    if (page < pages)
      nav += "<div class=\"nav-next\"><a href=\"" + page_url(page + 1) +
             "#comments\">Newer Comments</a></div>";
    nav += "</div></nav>\n";
  }
  std::string html =
      "<div id=\"comments\" class=\"comments-area\">\n<h2 class=\"comments-title\">" +
      std::to_string(post.comments.size() + post.pings.size()) + " thoughts on &ldquo;" +
      post.info.title + "&rdquo;</h2>\n" + nav + "<ol class=\"commentlist\">\n";
  const size_t first = static_cast<size_t>((page - 1) * per_page);
  for (size_t t = first; t < threads.size() && t < first + per_page; ++t) {
    RenderThread(post, children, threads[t], page_target, options.replytocom_links, &html);
  }
  if (page == pages) {
    for (const PingModel& ping : post.pings) {
      html += "<li class=\"pingback\" id=\"comment-" + std::to_string(ping.id) +
              "\"><div class=\"comment-body\">Pingback: <a href='" + ping.url +
              "' rel='external nofollow' class='url'>" + ping.title + "</a></div></li>\n";
    }
  }
  return html + "</ol>\n" + nav +
         "<div id=\"respond\" class=\"comment-respond\"><h3 id=\"reply-title\" "
         "class=\"comment-reply-title\">Leave a Reply</h3><form action=\"/wp-comments-post.php\" "
         "method=\"post\" id=\"commentform\" class=\"comment-form\"><textarea id=\"comment\" "
         "name=\"comment\"></textarea><input type=\"hidden\" name=\"comment_post_ID\" value=\"" +
         std::to_string(post.info.id) + "\" /></form></div>\n</div>\n";
}

std::string PostPage(const Renderer& renderer, const PostModel& post, const PostModel* previous,
                     const PostModel* next, int page, int pages) {
  const GeneratedPost& info = post.info;
  const std::string target = page == 1 ? info.target : info.comment_page_targets[page - 2];
  std::string head =
      "<meta property=\"article:published_time\" content=\"" + info.published + "\" />\n";
  if (renderer.options.rest_comments) {
    head += "<link rel=\"https://api.w.org/\" href=\"" + renderer.base_url +
            "/wp-json/\" />\n"
            "<link rel=\"alternate\" type=\"application/json\" href=\"" +
            renderer.base_url + "/wp-json/wp/v2/posts/" + std::to_string(info.id) + "\" />\n";
  }
  const std::string id = std::to_string(info.id);
  std::string html =
      renderer.PageStart(info.title + " | " + kBlogName, target,
                         "post-template-default single single-post postid-" + id, head) +
      "<article id=\"post-" + id + "\" class=\"post-" + id +
      " post type-post status-publish format-standard hentry category-recruiting\">\n"
      "<header class=\"entry-header\"><h1 class=\"entry-title\">" +
      info.title + "</h1></header>\n<div class=\"entry-content\">\n" + post.body_html +
      "</div>\n<footer class=\"entry-footer\"><span class=\"byline\"><span class=\"author vcard\">"
      "<span class=\"screen-reader-text\">Author </span><a class=\"url fn n\" href=\"/about/\">" +
      info.author + "</a></span></span> <span class=\"posted-on\"><a href=\"" + info.target +
      "\" rel=\"bookmark\"><time class=\"entry-date published\" datetime=\"" + info.published +
      "\">" + LongDate(ToMoment(post.when)) +
      "</time></a></span></footer>\n</article>\n"
      "<nav class=\"navigation post-navigation\"><div class=\"nav-links\">";
  if (previous != nullptr)
    html += "<div class=\"nav-previous\"><a href=\"" + previous->info.target + "\" rel=\"prev\">" +
            previous->info.title + "</a></div>";
  if (next != nullptr)
    html += "<div class=\"nav-next\"><a href=\"" + next->info.target + "\" rel=\"next\">" +
            next->info.title + "</a></div>";
  html += "</div></nav>\n" + CommentsArea(renderer.options, post, page, pages, target);
  return html + renderer.PageEnd();
}

std::string IndexPage(const Renderer& renderer, const std::vector<PostModel>& posts, int page,
                      int pages) {
  const int per_page = std::max(1, renderer.options.posts_per_index_page);
  auto page_target = [](int n) {
    return n == 1 ? std::string("/") : "/page/" + std::to_string(n) + "/";
  };
  std::string html =
      renderer.PageStart(page == 1 ? std::string(kBlogName)
                                   : std::string(kBlogName) + " | Page " + std::to_string(page),
                         page_target(page), "home blog", "");
  const int newest = static_cast<int>(posts.size()) - 1 - (page - 1) * per_page;
  for (int i = newest; i >= 0 && i > newest - per_page; --i) {
    const GeneratedPost& info = posts[i].info;
    const std::string id = std::to_string(info.id);
    html += "<article id=\"post-" + id + "\" class=\"post-" + id +
            " post type-post hentry\">\n"
            "<header class=\"entry-header\"><h2 class=\"entry-title\"><a href=\"" +
            info.target + "\" rel=\"bookmark\">" + info.title +
            "</a></h2></header>\n<div class=\"entry-summary\"><p>" +
            posts[i].body_html.substr(3, posts[i].body_html.find("</p>") - 3) +
            " [&hellip;]</p></div>\n<footer class=\"entry-footer\"><span class=\"posted-on\"><time "
            "class=\"entry-date published\" datetime=\"" +
            info.published + "\">" + LongDate(ToMoment(posts[i].when)) +
            "</time></span> <span class=\"comments-link\"><a href=\"" + info.target +
            "#comments\">" + std::to_string(info.comments + info.pingbacks) +
            " Comments</a></span></footer>\n</article>\n";
  }
  html += "<nav class=\"navigation pagination\"><div class=\"nav-links\">";
  if (page > 1)
    html +=
        "<a class=\"prev page-numbers\" href=\"" + page_target(page - 1) + "\">Newer posts</a> ";
  if (page < pages)
    html += "<a class=\"next page-numbers\" href=\"" + page_target(page + 1) + "\">Older posts</a>";
  return html + "</div></nav>\n" + renderer.PageEnd();
}

std::string AboutPage(const Renderer& renderer) {
  return renderer.PageStart(std::string("About | ") + kBlogName, "/about/",
                            "page-template-default page", "") +
         "<article id=\"post-2\" class=\"post-2 page type-page status-publish hentry\">\n<header "
         "class=\"entry-header\"><h1 class=\"entry-title\">About</h1></header>\n<div "
         "class=\"entry-content\"><p>I am " +
         std::string(kOwner.name) +
         ", a recruiter who writes about hiring and networking.</p></div>\n</article>\n" +
         renderer.PageEnd();
}

std::string Feed(const std::string& base_url, const std::vector<PostModel>& posts) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
      "<channel>\n<title>" +
      std::string(kBlogName) + "</title>\n<atom:link href=\"" + base_url +
      "/feed/\" rel=\"self\" type=\"application/rss+xml\" />\n<link>" + base_url +
      "/</link>\n"
      "<description>Hiring, networking and the occasional cake</description>\n"
      "<generator>https://wordpress.org/?v=4.9.8</generator>\n";
  if (!posts.empty())
    xml += "<lastBuildDate>" + HttpDate(ToMoment(posts.back().when)) + "</lastBuildDate>\n";
  for (int i = static_cast<int>(posts.size()) - 1;
       i >= 0 && i >= static_cast<int>(posts.size()) - 10; --i) {
    const GeneratedPost& info = posts[i].info;
    xml += "<item>\n<title>" + info.title + "</title>\n<link>" + base_url + info.target +
           "</link>\n<comments>" + base_url + info.target + "#comments</comments>\n<pubDate>" +
           HttpDate(ToMoment(posts[i].when)) + "</pubDate>\n<dc:creator><![CDATA[" + info.author +
           "]]></dc:creator>\n<guid isPermaLink=\"false\">" + base_url +
           "/?p=" + std::to_string(info.id) + "</guid>\n</item>\n";
  }
  return xml + "</channel>\n</rss>\n";
}

std::string Sitemap(const GeneratedBlog& blog, const std::vector<PostModel>& posts) {
  std::set<std::string> comment_pages;
  for (const PostModel& post : posts) {
    comment_pages.insert(post.info.comment_page_targets.begin(),
                         post.info.comment_page_targets.end());
  }
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& [target, body] : blog.pages) {
    if (!comment_pages.contains(target))
      xml += "<url><loc>" + blog.base_url + target + "</loc></url>\n";
  }
  return xml + "</urlset>\n";
}

std::string RestComment(const std::string& base_url, const PostModel& post, const CommentModel& c,
                        const std::string& page_target) {
  std::string rendered;
  for (size_t start = 0; start < c.text.size();) {
    size_t end = c.text.find('\n', start);
    if (end == std::string::npos) end = c.text.size();
    rendered += "<p>" + c.text.substr(start, end - start) + "</p>\n";
    start = end + 1;
  }
  const std::string site = SiteOf(c.person);
  nlohmann::json json = {{"id", c.id},
                         {"post", post.info.id},
                         {"parent", c.parent < 0 ? 0 : post.comments[c.parent].id},
                         {"author", c.person == kOwnerIndex ? 1 : 0},
                         {"author_name", Who(c.person).name},
                         {"author_url", site.empty() || site[0] != '/' ? site : base_url + site},
                         {"date", Iso(ToMoment(c.when))},
                         {"date_gmt", Iso(ToMoment(c.when))},
                         {"content", {{"rendered", rendered}}},
                         {"link", base_url + page_target + "#comment-" + std::to_string(c.id)},
                         {"status", "approved"},
                         {"type", "comment"}};
  return json.dump();
}

std::string Fnv1aTag(const std::string& body) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : body) hash = (hash ^ c) * 1099511628211ull;
  return Printf("\"%016llx\"", static_cast<unsigned long long>(hash));
}

}  // namespace

namespace {

constexpr long long kFirstPostMinute = (13879LL + 6) * 1440 + 9 * 60;  // 2008-01-07 09:00 UTC

void PlanPosts(Rng& rng, std::vector<PostModel>* posts) {
  const long long span = 3LL * 365 * 1440;
  const long long step = std::max<long long>(2, span / std::max<long long>(1, posts->size()));
  std::set<std::string> targets;
  for (size_t i = 0; i < posts->size(); ++i) {
    PostModel& post = (*posts)[i];
    post.when =
        kFirstPostMinute + static_cast<long long>(i) * step + rng.Below(static_cast<int>(step / 2));
    GeneratedPost& info = post.info;
    info.id = 100 + static_cast<int>(i) * 3;
    info.title = std::string(kTitleStarts[rng.Below(std::size(kTitleStarts))]) + " " +
                 kTitleNouns[rng.Below(std::size(kTitleNouns))] + " " +
                 kTitleEnds[rng.Below(std::size(kTitleEnds))];
    info.author = kOwner.name;
    const Moment moment = ToMoment(post.when);
    info.published = Iso(moment) + "+00:00";
    const std::string folder = Printf("/%04d/%02d/", moment.year, moment.month);
    info.target = folder + Slug(info.title) + "/";
    // WordPress's answer to a taken slug: "-2", "-3", ...
    for (int n = 2; !targets.insert(info.target).second; ++n) {
      info.target = folder + Slug(info.title) + "-" + std::to_string(n) + "/";
    }
  }
}

int ThreadCount(const PostModel& post) {
  return static_cast<int>(std::count_if(post.comments.begin(), post.comments.end(),
                                        [](const CommentModel& c) { return c.parent < 0; }));
}

// Where each comment is shown: the comment page of its thread.
std::vector<std::string> CommentPageTargets(const BlogOptions& options, const PostModel& post) {
  std::vector<std::string> shown_on;
  std::vector<int> thread_of;
  int threads = 0;
  for (const CommentModel& c : post.comments) {
    thread_of.push_back(c.parent < 0 ? threads++ : thread_of[c.parent]);
    const int page =
        options.comments_per_page > 0 ? thread_of.back() / options.comments_per_page + 1 : 1;
    shown_on.push_back(page == 1 ? post.info.target : post.info.comment_page_targets[page - 2]);
  }
  return shown_on;
}

void RenderPosts(const Renderer& renderer, Rng& rng, std::vector<PostModel>* posts,
                 GeneratedBlog* blog) {
  // Padding comes from a pool of paragraphs drawn once: a benchmark blog of
  // 2,500 posts of 50 KB must generate in a moment even in a Debug build.
  std::vector<std::string> filler;
  for (int k = 0; renderer.options.min_post_bytes > 0 && k < 64; ++k) {
    filler.push_back("<p>" + Paragraph(rng, 6) + "</p>\n");
  }
  for (size_t i = 0; i < posts->size(); ++i) {
    PostModel& post = (*posts)[i];
    const PostModel* previous = i > 0 ? &(*posts)[i - 1] : nullptr;
    const PostModel* next = i + 1 < posts->size() ? &(*posts)[i + 1] : nullptr;
    const int pages = static_cast<int>(post.info.comment_page_targets.size()) + 1;
    std::string html = PostPage(renderer, post, previous, next, 1, pages);
    if (html.size() < renderer.options.min_post_bytes) {
      const size_t target_size =
          post.body_html.size() + renderer.options.min_post_bytes - html.size();
      // Drawn per post, so a post that changes (a late comment) leaves the
      // padding of every other post as it was.
      Rng padding(renderer.options.seed * 7919u + static_cast<unsigned>(i));
      while (post.body_html.size() < target_size) post.body_html += filler[padding.Below(64)];
      html = PostPage(renderer, post, previous, next, 1, pages);
    }
    blog->pages[post.info.target] = std::move(html);
    for (int page = 2; page <= pages; ++page) {
      blog->pages[post.info.comment_page_targets[page - 2]] =
          PostPage(renderer, post, previous, next, page, pages);
    }
  }
}

std::string Robots(const BlogOptions& options, const std::string& base_url) {
  std::string robots = "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n";
  if (!options.robots_extra.empty()) {
    robots += options.robots_extra;
    if (robots.back() != '\n') robots += '\n';
  }
  if (options.sitemap) robots += "\nSitemap: " + base_url + "/sitemap.xml\n";
  return robots;
}

void AddRestFiles(const std::string& base_url, const std::vector<PostModel>& posts,
                  const BlogOptions& options, GeneratedBlog* blog) {
  const std::string json = "application/json; charset=UTF-8";
  blog->files["/wp-json/"] = {json, nlohmann::json{{"name", kBlogName},
                                                   {"url", base_url},
                                                   {"namespaces", {"oembed/1.0", "wp/v2"}}}
                                        .dump()};
  for (const PostModel& post : posts) {
    const std::string id = std::to_string(post.info.id);
    const std::string comments_url = base_url + "/wp-json/wp/v2/comments?post=" + id;
    blog->files["/wp-json/wp/v2/posts/" + id] = {
        json,
        nlohmann::json{{"id", post.info.id},
                       {"date", Iso(ToMoment(post.when))},
                       {"link", base_url + post.info.target},
                       {"title", {{"rendered", post.info.title}}},
                       {"_links", {{"replies", {{{"embeddable", true}, {"href", comments_url}}}}}}}
            .dump()};
    const std::vector<std::string> shown_on = CommentPageTargets(options, post);
    std::vector<std::string>& objects = blog->rest_comments[post.info.id];
    for (size_t k = 0; k < post.comments.size(); ++k) {
      objects.push_back(RestComment(base_url, post, post.comments[k], shown_on[k]));
    }
  }
}

std::map<std::string, std::string> ParseQuery(std::string_view target) {
  std::map<std::string, std::string> query;
  const size_t question = target.find('?');
  if (question == std::string_view::npos) return query;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const std::string_view pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    const size_t equals = pair.find('=');
    query[std::string(pair.substr(0, equals))] =
        equals == std::string_view::npos ? "" : std::string(pair.substr(equals + 1));
  }
  return query;
}

Route RestError(const std::string& code, const std::string& message) {
  Route route;
  route.status = 400;
  route.headers = {{"Content-Type", "application/json; charset=UTF-8"}};
  route.body =
      nlohmann::json{{"code", code}, {"message", message}, {"data", {{"status", 400}}}}.dump();
  return route;
}

// /wp-json/wp/v2/comments as WordPress answers it: newest first unless
// order=asc, 10 per page unless per_page (1..100), X-WP-Total(Pages).
Route RestCommentsPage(const std::map<int, std::vector<std::string>>& comments,
                       const std::string& base_url, const std::string& target) {
  const std::map<std::string, std::string> query = ParseQuery(target);
  auto number = [&](const char* key, int fallback) {
    auto found = query.find(key);
    return found == query.end() || found->second.empty() ? fallback
                                                         : std::atoi(found->second.c_str());
  };
  const int per_page = number("per_page", 10), page = number("page", 1);
  if (per_page < 1 || per_page > 100 || page < 1) {
    return RestError("rest_invalid_param", "Invalid parameter(s): per_page, page");
  }
  std::vector<const std::string*> selected;
  for (const auto& [post_id, objects] : comments) {
    if (query.contains("post") && number("post", -1) != post_id) continue;
    for (const std::string& object : objects) selected.push_back(&object);
  }
  if (!query.contains("order") || query.at("order") != "asc")
    std::reverse(selected.begin(), selected.end());
  const int total = static_cast<int>(selected.size());
  const int total_pages = (total + per_page - 1) / per_page;
  if (page > total_pages && total > 0) {
    return RestError("rest_comment_invalid_page_number",
                     "The page number requested is larger than the number of pages available.");
  }
  Route route;
  route.headers = {{"Content-Type", "application/json; charset=UTF-8"},
                   {"X-WP-Total", std::to_string(total)},
                   {"X-WP-TotalPages", std::to_string(total_pages)}};
  if (page < total_pages) {
    std::string next = base_url + "/wp-json/wp/v2/comments?per_page=" + std::to_string(per_page) +
                       "&page=" + std::to_string(page + 1);
    if (query.contains("post")) next += "&post=" + query.at("post");
    route.headers.emplace_back("Link", "<" + next + ">; rel=\"next\"");
  }
  route.body = "[";
  for (int k = (page - 1) * per_page; k < total && k < page * per_page; ++k) {
    if (route.body.size() > 1) route.body += ",";
    route.body += *selected[k];
  }
  route.body += "]";
  return route;
}

}  // namespace

GeneratedBlog GenerateBlog(const BlogOptions& options, const std::string& base_url) {
  GeneratedBlog blog;
  blog.base_url = base_url;
  while (!blog.base_url.empty() && blog.base_url.back() == '/') blog.base_url.pop_back();
  Rng rng(options.seed);
  std::vector<PostModel> posts(static_cast<size_t>(std::max(0, options.posts)));
  PlanPosts(rng, &posts);
  int next_comment_id = 1000;
  for (size_t i = 0; i < posts.size(); ++i) {
    posts[i].body_html = BodyHtml(rng, i > 0 ? &posts[i - 1] : nullptr, &posts[i]);
    AddComments(options, rng, &next_comment_id, &posts[i]);
  }
  const size_t late_every =
      options.late_comments > 0 ? std::max<size_t>(1, posts.size() / options.late_comments) : 0;
  int late = 0;
  for (size_t i = 0; i < posts.size(); ++i) {
    AddPings(static_cast<int>(i), blog.base_url, &next_comment_id, &posts);
    PostModel& post = posts[i];
    if (late_every > 0 && i % late_every == 0 && late < options.late_comments) {
      AddLateComment(late++, &post);
    }
    const int threads = ThreadCount(post);
    const int pages =
        options.comments_per_page > 0
            ? std::max(1, (threads + options.comments_per_page - 1) / options.comments_per_page)
            : 1;
    for (int page = 2; page <= pages; ++page) {
      post.info.comment_page_targets.push_back(post.info.target + "comment-page-" +
                                               std::to_string(page) + "/");
    }
  }
  const Renderer renderer{options, blog.base_url, Sidebar(posts)};
  RenderPosts(renderer, rng, &posts, &blog);
  const int per_index = std::max(1, options.posts_per_index_page);
  const int index_pages =
      std::max<int>(1, (static_cast<int>(posts.size()) + per_index - 1) / per_index);
  for (int page = 1; page <= index_pages; ++page) {
    blog.pages[page == 1 ? "/" : "/page/" + std::to_string(page) + "/"] =
        IndexPage(renderer, posts, page, index_pages);
  }
  blog.pages["/about/"] = AboutPage(renderer);
  if (options.robots_txt)
    blog.files["/robots.txt"] = {"text/plain; charset=UTF-8", Robots(options, blog.base_url)};
  if (options.feed)
    blog.files["/feed/"] = {"application/rss+xml; charset=UTF-8", Feed(blog.base_url, posts)};
  if (options.sitemap)
    blog.files["/sitemap.xml"] = {"application/xml; charset=UTF-8", Sitemap(blog, posts)};
  if (options.rest_comments) AddRestFiles(blog.base_url, posts, options, &blog);
  for (PostModel& post : posts) {
    blog.comments += post.info.comments;
    blog.replies += post.info.replies;
    blog.mentions += post.info.body_mentions + post.info.comment_mentions;
    blog.pingbacks += post.info.pingbacks;
    blog.posts.push_back(std::move(post.info));
  }
  return blog;
}

void ServeBlog(LoopbackHttpServer& server, const GeneratedBlog& blog) {
  for (const auto& [target, body] : blog.pages) {
    Route route;
    route.headers = {{"Content-Type", "text/html; charset=UTF-8"}};
    route.body = body;
    route.etag = Fnv1aTag(body);
    server.SetRoute(target, std::move(route));
  }
  for (const auto& [target, file] : blog.files) {
    Route route;
    route.headers = {{"Content-Type", file.first}};
    route.body = file.second;
    route.etag = Fnv1aTag(file.second);
    server.SetRoute(target, std::move(route));
  }
  if (blog.rest_comments.empty()) return;
  auto comments =
      std::make_shared<const std::map<int, std::vector<std::string>>>(blog.rest_comments);
  server.SetPrefixHandler("/wp-json/wp/v2/comments",
                          [comments, base_url = blog.base_url](const LoggedRequest& request) {
                            return RestCommentsPage(*comments, base_url, request.target);
                          });
}

}  // namespace linkgraph::testing
