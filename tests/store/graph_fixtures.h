// Fixtures for the graph tests of the store: people, identities and edges
// built in one line, and the fixture post's graph as graph/ would derive it.
#pragma once

#include <boost/test/unit_test.hpp>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"
#include "tests/store/store_fixtures.h"

namespace linkgraph::store_test {

using store::Authorship;
using store::GraphSnapshot;
using store::IdentityRef;
using store::PersonIdentity;
using store::StoredEdge;
using store::StoredPerson;

// Ids a fresh store gives the people of Blog(): their positions (1-based),
// which are also how Blog()'s edges and authors name them.
inline constexpr long long kWendy = 1, kMargo = 2, kMervyn = 3, kLara = 4, kWendyNg = 5;

inline const std::string kComment1 = std::string(kPostUrl) + "#comment-1";
inline const std::string kComment2 = std::string(kPostUrl) + "#comment-2";
inline const std::string kPingbackUrl = "https://wendy.example/2009/12/weekend/";
inline const std::string kLaraPostUrl = "https://wendy.example/2009/11/lara/";

inline PersonIdentity Identity(const std::string& kind, const std::string& value,
                               const std::string& normalised, const std::string& reason) {
  return PersonIdentity{IdentityRef{kind, value, normalised}, reason};
}

inline StoredPerson Person(const std::string& key, const std::string& name,
                           std::vector<PersonIdentity> identities, long long texts) {
  StoredPerson person;
  person.key = key;
  person.name = name;
  person.identities = std::move(identities);
  person.texts = texts;
  return person;
}

inline StoredEdge Edge(long long from, long long to, const std::string& kind,
                       const std::string& date, const std::string& source_url) {
  StoredEdge edge;
  edge.from = from;
  edge.to = to;
  edge.kind = kind;
  edge.date = date;
  edge.source_url = source_url;
  return edge;
}

// The fixture post as graph/ would derive it: five people (two share the
// name "Wendy"), edges of every kind in both directions and a self-link,
// given in an order the reads must not simply echo.
inline GraphSnapshot Blog() {
  GraphSnapshot graph;
  graph.rules_version = "rules-1";
  graph.people = {
      Person("url:wendy.example", "Wendy",
             {Identity("site", "https://wendy.example/", "wendy.example", "blog home"),
              Identity("name", "Wendy", "wendy", "post author")},
             2),
      // Not alphabetical by kind: identities come back in the given order.
      Person("handle:hrmargo", "Margo Rose",
             {Identity("url", "https://margo.example/", "margo.example", "comment author URL"),
              Identity("handle", "@HRMargo", "hrmargo", "signed comment-1"),
              Identity("name", "Margo Rose", "margo rose", "comment author")},
             1),
      Person("handle:mervyndinnen", "@MervynDinnen",
             {Identity("handle", "@MervynDinnen", "mervyndinnen", "mentioned in a post")}, 0),
      Person("handle:laranewman", "@LaraNewman",
             {Identity("handle", "@LaraNewman", "laranewman", "mentioned in a post")}, 0),
      Person("url:wendyng.example", "Wendy",
             {Identity("url", "https://wendyng.example/", "wendyng.example", "comment author URL"),
              Identity("name", "Wendy", "wendy", "comment author")},
             0),
  };
  // An id the caller sets is ignored: the position decides.
  graph.people[2].id = 42;

  StoredEdge met_later = Edge(kWendy, kMervyn, "met", "2009-12-05", kPostUrl);
  met_later.detail = "dinner; ice skating";
  met_later.evidence = "Dinner with @MervynDinnen and @LaraNewman on Saturday.";
  StoredEdge plans = Edge(kMargo, kWendy, "plans_to_meet", "2010-02", kComment1);
  plans.event = "TRULondon2";
  plans.when = "in Feb";
  plans.evidence = "See you at TRULondon2 in Feb!";
  StoredEdge spoke = Edge(kLara, kWendy, "spoke", "2009-11", kLaraPostUrl);
  spoke.detail = "phone";
  StoredEdge self = Edge(kWendy, kWendy, "linked", "2009-12-06", kPingbackUrl);
  self.detail = "self";
  graph.edges = {
      met_later,
      Edge(kWendy, kMervyn, "mentioned", "2009-12-06", kPostUrl),
      plans,
      Edge(kWendy, kMargo, "replied", "2009-12-07", kComment2),
      Edge(kMervyn, kWendy, "met", "2009-10-01", kPostUrl),
      spoke,
      self,
      Edge(kMargo, kWendy, "commented", "2009-12-07", kComment1),
      Edge(kWendy, kLara, "mentioned", "2009-11-20", kLaraPostUrl),
  };
  graph.authors = {Authorship{kComment2, kWendy}, Authorship{kPostUrl, kWendy},
                   Authorship{kComment1, kMargo}};
  return graph;
}

}  // namespace linkgraph::store_test
