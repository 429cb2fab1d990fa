// THE rules for `met`, `spoke` and `plans_to_meet`, as data, in one place.
// A rule is a pattern for the words that make the statement (subject,
// auxiliaries, verb), matched without case against one clause at a time;
// interactions.cc finds the other party, the detail, the event and the time
// around it and drops negated and hypothetical statements. To add a rule,
// add a row (with an example sentence: interactions_test.cc checks that
// every rule fires on its own example) and a few sentences to
// tests/data/graph/interaction_sentences.tsv.
#include "graph/interaction_rules.h"

#include <re2/re2.h>

#include <array>
#include <stdexcept>
#include <string>

#include "graph/interactions.h"

namespace linkgraph::graph {
namespace {

// Pieces shared by the rules. Text is folded before matching (’ -> ',
// “” -> ", NBSP -> space), so patterns only spell ASCII apostrophes.
constexpr std::array kPieces = {
    // Words a clause may start with when its subject is left out ("PS Met
    // @X today!", "Really looking forward to meeting you").
    PatternPiece{
        "lead",
        R"((?:(?:ps|p\.s\.|and|so|also|oh|well|anyway|just|finally|today|tonight|)"
        R"(yesterday|tomorrow|later|then|afterwards|last\s+night|this\s+(?:morning|afternoon|evening|week)|)"
        R"(next\s+week|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|btw|but|)"
        R"(really|actually|already|again|[a-z]+ed\s+and)[,!:.]*\s+)*)"},
    // The author as subject: "I", "we", "@X and I" (the engine reads the
    // partner before "and"), or nobody at the start of the clause.
    PatternPiece{"I", R"((?:{subject}|^{lead}))"},
    // The author named as subject, never left out.
    PatternPiece{"subject", R"((?P<subject>\bI|\bwe|\band\s+I)\b)"},
    // "am"/"are" of a present progressive ("I'm meeting", "we're having").
    PatternPiece{"be", R"((?:\s*'(?:m|re)|\s+(?:am|are)))"},
    // Auxiliaries and adverbs between subject and verb. Negations and
    // modals are in the list on purpose: the statement still matches, and
    // the negation and hypothetical checks then drop it.
    PatternPiece{
        "aux",
        R"((?P<aux>(?:\s*'(?:m|ve|d|ll|re)\b|\s+(?:)"
        R"((?:have|has|had|do|does|did|is|are|was|were|would|should|could|must|)"
        R"(need|might|ca|wo|ai)n't|can't|won't|cannot|am|are|is|was|were|be|been|)"
        R"(have|has|had|do|does|did|will|shall|would|should|could|can|may|might|must|)"
        R"(need|not|never|just|finally|already|actually|really|also|both|all|)"
        R"(recently|ever|eventually|once|even|still|now|first|yet|only|previously|[a-z]{3,}ly|)"
        R"(probably|definitely|certainly|hopefully|maybe|perhaps|possibly|sometimes|)"
        R"(often|regularly|again|so|get\s+to|got\s+to|going\s+to|decided\s+to|gonna|be\s+able\s+to|)"
        R"(like\s+to|love\s+to|want\s+to|wanted\s+to|hope\s+to|hoping\s+to|try\s+to|)"
        R"(trying\s+to|plan\s+to|planning\s+to|intend\s+to|arranged\s+to)\b)*)\s*)"},
    // "a quick", "some", "a lovely long" before a meal or a call.
    PatternPiece{"article",
                 R"((?:(?:a|an|some|our|a\s+few)\s+)?(?:(?:quick|lovely|long|great|fab|)"
                 R"(delicious|nice|cheeky|boozy|working|late|early|leisurely|brief|good)\s+)*)"},
    PatternPiece{"meal",
                 R"((?P<detail>dinner|lunch|breakfast|brunch|coffees?|drinks?|drinkies|tea|)"
                 R"(pints?|beers?|cocktails|supper|food|a\s+meal|tapas|ramen|pizza|sushi|)"
                 R"(dim\s+sum|wine|ice\s+cream|tea\s+and\s+cake))"},
    // What "X and I" did together ("Karin and I went", "Dale and I had a
    // drunken discussion"): verbs of being somewhere together. "had" only
    // before what is had ("had been friends" is no meeting).
    PatternPiece{"together",
                 R"((?:went|came|met|sat|sitting|ate|drank|cooked|shared|grabbed|)"
                 R"(walked|walking|wandered|drove|flew|rode|hiked|hiking|played|watched|)"
                 R"(danced|stayed|stopped|explored|shopped|traveled|travelled|toured|)"
                 R"(celebrated|attended|joined|visited|tackled|parked|swung|headed|spent|)"
                 R"(talked|chatted|spoke|caught\s+up|hung\s+out|)"
                 R"(had\s+(?:a|an|some|the|our|lunch|dinner|breakfast|brunch|drinks?|coffee|)"
                 R"(fun|beers?)))"},
    // Time out together, named by what it was: "a bike ride", "a weekend".
    PatternPiece{"outing",
                 R"((?P<detail>(?:bike\s+|car\s+|boat\s+)?ride|walk|hike|swim|stroll|trip|)"
                 R"(holiday|vacation|weekend|picnic|barbecue|bbq|party|night\s+out|day\s+out|)"
                 R"(break|getaway|road\s+trip|tour|visit|stay))"},
    // An activity done together: "ice skating", "bowling".
    PatternPiece{"activity", R"((?P<detail>(?:[a-z]+\s+)?[a-z]+ing))"},
};

constexpr std::array kRules = {
    // spoke: remote contact. "spoke to X" alone may have been face to face,
    // so the generic verbs need a phone, Skype or call in the clause.
    InteractionRule{.id = "spoke_to_remote",
                    .kind = InteractionKind::kSpoke,
                    .pattern = R"({I}{aux}(?:spoke|spoken|talked|chatted|talking|chatting|)"
                               R"(had\s+{article}(?:chat|natter|conversation|talk))\b)",
                    .example =
                        "In the last seven days I’ve spoken to @LisaScales, @AndyHeadworth and "
                        "@AlanWhitford on the phone and to @RadicalRecruit on Skype.",
                    .needs = RuleNeeds::kRemoteDetail},
    InteractionRule{.id = "had_call",
                    .kind = InteractionKind::kSpoke,
                    .pattern = R"({I}{aux}(?:had|did|made|jumped\s+on|hopped\s+on)\s+{article})"
                               R"((?:(?:phone|telephone|skype|video|conference|zoom)\s+)?call\b)",
                    .example = "I had a quick Skype call with @RadicalRecruit this morning.",
                    .needs = RuleNeeds::kRemoteDetail},
    InteractionRule{.id = "phoned",
                    .kind = InteractionKind::kSpoke,
                    .pattern = R"({I}{aux}(?:phoned|telephoned|rang|rung)\b)",
                    .example = "I phoned @AndyHeadworth yesterday.",
                    .detail = "phone"},
    InteractionRule{.id = "called",
                    .kind = InteractionKind::kSpoke,
                    .pattern = R"({I}{aux}called\b)",
                    .example = "I called @AlanWhitford on Monday.",
                    .detail = "call"},
    InteractionRule{.id = "skyped",
                    .kind = InteractionKind::kSpoke,
                    .pattern = R"({I}{aux}(?:skyped|skype'd)\b)",
                    .example = "We Skyped @RadicalRecruit last night.",
                    .detail = "Skype"},
    InteractionRule{.id = "facetimed",
                    .kind = InteractionKind::kSpoke,
                    .pattern = R"({I}{aux}(?:face-?timed|whatsapped|zoomed)\b)",
                    .example = "FaceTimed @RadicalRecruit last night.",
                    .detail = "video call"},
    InteractionRule{
        .id = "on_the_phone_with",
        .kind = InteractionKind::kSpoke,
        .pattern = R"({I}{aux}(?:was|were|got|been)\s+on\s+(?:the\s+)?(?:tele)?phone\s+with\b)",
        .example = "I was on the phone with @AndyHeadworth when it happened.",
        .detail = "phone"},
    // "gave my old friend Harveen a call".
    InteractionRule{.id = "gave_a_call",
                    .kind = InteractionKind::kSpoke,
                    .pattern = R"({I}{aux}(?:gave|give|giving)\b)",
                    .example = "I gave @AndyHeadworth a call yesterday.",
                    .needs = RuleNeeds::kRemoteDetail},
    // "Tom called me", "Tom told me over the phone": the other person is
    // the subject.
    InteractionRule{.id = "called_me",
                    .kind = InteractionKind::kSpoke,
                    .pattern = R"(\b(?:called|phoned|rang|skyped|face-?timed)\s+(?:me|us)\b)",
                    .example = "@AndyHeadworth called me last night.",
                    .detail = "call",
                    .other_is_subject = true},
    InteractionRule{.id = "told_me_remote",
                    .kind = InteractionKind::kSpoke,
                    .pattern = R"(\b(?:told|asked|reminded|informed)\s+(?:me|us)\b)",
                    .example = "@AndyHeadworth told me over the phone that he is moving.",
                    .needs = RuleNeeds::kRemoteDetail,
                    .other_is_subject = true},
    // "caught up with X": remote with a phone or Skype, a meeting with
    // coffee or at an event, nothing without either.
    InteractionRule{.id = "caught_up_remote",
                    .kind = InteractionKind::kSpoke,
                    .pattern = R"({I}{aux}(?:caught|catch|catching)\s+up\b)",
                    .example = "I caught up with @LisaScales on Skype.",
                    .needs = RuleNeeds::kRemoteDetail},
    InteractionRule{.id = "caught_up_in_person",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}(?:caught|catch|catching)\s+up\b)",
                    .example = "I caught up with @LisaScales over coffee.",
                    .needs = RuleNeeds::kInPersonContext},
    // met: in person.
    InteractionRule{.id = "meal_with",
                    .kind = InteractionKind::kMet,
                    .pattern =
                        R"({I}{aux}(?:had|grabbed|enjoyed|shared|)"
                        R"(went\s+(?:out\s+)?(?:for|to)|popped\s+out\s+for)\s+{article}{meal}\b)",
                    .example = "I’ve had dinner with @MervynDinnen and @LaraNewman."},
    InteractionRule{.id = "meal_progressive",
                    .kind = InteractionKind::kPlansToMeet,
                    .pattern =
                        R"({I}{be}{aux}(?:having|grabbing|getting|)"
                        R"(going\s+(?:out\s+)?(?:for|to)|meeting\s+up\s+for)\s+{article}{meal}\b)",
                    .example = "We’re having lunch with @HRMargo on Friday."},
    InteractionRule{
        .id = "meal_future",
        .kind = InteractionKind::kPlansToMeet,
        .pattern = R"({I}{aux}(?:have|grab|get|go\s+(?:out\s+)?(?:for|to))\s+{article}{meal}\b)",
        .example = "I’ll grab a coffee with @PeterGold next week.",
        .needs = RuleNeeds::kFutureTime},
    InteractionRule{.id = "went_activity_together",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}went\s+{activity}\s+(?:together|with)\b)",
                    .example = "@LaraNewman was my first tweetup. We went ice skating together."},
    InteractionRule{.id = "activity_progressive",
                    .kind = InteractionKind::kPlansToMeet,
                    .pattern = R"({I}{be}{aux}going\s+{activity}\s+(?:together|with)\b)",
                    .example = "I’m going bowling with @ClareWildman on Saturday."},
    InteractionRule{.id = "got_to_meet",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}(?:got|managed|was\s+able|were\s+able)\s+to\s+)"
                               R"((?:finally\s+)?meet\b)",
                    .example = "I finally got to meet @AndyHeadworth last night."},
    InteractionRule{.id = "met_verb",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}(?:met(?:\s+up)?|hooked\s+up\s+with|linked\s+up\s+with|)"
                               R"(got\s+together\s+with|(?:got\s+around\s+to|ended\s+up)\s+)"
                               R"(meeting(?:\s+up)?)\b)",
                    .example = "PS We have met!",
                    .implied = ImpliedOther::kYouWhenWe},
    InteractionRule{.id = "bumped_into",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}(?:bumped|bump|ran|run|running)\s+into\b)",
                    .example = "I bumped into @MervynDinnen at TRULondon."},
    InteractionRule{.id = "hung_out",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}(?:hung|hanging)\s+out\b)",
                    .example = "We hung out with @LaraNewman all afternoon."},
    // "It was great meeting you", "Lovely to meet you": the author is
    // implied.
    InteractionRule{
        .id = "great_meeting",
        .kind = InteractionKind::kMet,
        .pattern =
            R"(\b(?:great|lovely|nice|good|wonderful|fab|fabulous|brilliant|fantastic|)"
            R"(awesome|super|pleasure|a\s+delight|a\s+joy|an\s+honou?r|enjoyed|loved|thrilled|)"
            R"(glad|happy|delighted|honou?red|privileged|lucky|fortunate|blessed)\s+)"
            R"((?:to\s+(?:(?:finally|actually|properly|at\s+last)\s+)?meet|meeting|)"
            R"(to\s+have\s+met|having\s+met|getting\s+to\s+meet|to\s+get\s+to\s+meet)\b)",
        .example = "It was great meeting you at TRULondon (albeit briefly)."},
    // "Jan, Merijn and Steven joined us", "Rose came to visit": the
    // other person is the subject.
    InteractionRule{.id = "joined_us",
                    .kind = InteractionKind::kMet,
                    .pattern = R"(\b(?:joined|join|joining|visited|visit|visiting|met|meet|)"
                               R"(picked|saw|see|seeing|hosted|host|hosting)\s+(?:me|us)\b)",
                    .example = "@LaraNewman joined us for dinner.",
                    .other_is_subject = true},
    // "You've hung out with me", "Tom had dinner with us".
    InteractionRule{.id = "with_me",
                    .kind = InteractionKind::kMet,
                    .pattern =
                        R"(\b(?:hung\s+out|hanging\s+out|stayed|sat|ate|had\s+{article}{meal}|)"
                        R"(spent(?:\s+[a-z0-9']+){0,4}?)\s+with\s+(?:me|us)\b)",
                    .example = "@LaraNewman had dinner with us on Friday.",
                    .other_is_subject = true},
    InteractionRule{.id = "came_to_visit",
                    .kind = InteractionKind::kMet,
                    .pattern =
                        R"(\b(?:came|come|coming|flew|drove)\s+(?:over\s+|by\s+|round\s+|up\s+|)"
                        R"(down\s+|out\s+)?to\s+(?:visit|see)(?:\s+(?:me|us))?\b)",
                    .example = "@LaraNewman came to visit at the end of the month.",
                    .other_is_subject = true},
    InteractionRule{.id = "was_meeting",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}\s+(?:was|were)\s+meeting(?:\s+up)?\b)",
                    .example = "At Two Rows, where I was meeting with @PeterGold, we saw the team.",
                    .implied = ImpliedOther::kYouWhenWe},
    InteractionRule{.id = "did_meet",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}\s+did\s+(?:go\s+)?meet(?:\s+up)?\b)",
                    .example = "Sunday was quiet but we did go meet up with @LaraNewman.",
                    .implied = ImpliedOther::kYouWhenWe},
    InteractionRule{
        .id = "had_a_meeting_with",
        .kind = InteractionKind::kMet,
        .pattern = R"({I}{aux}(?:had|have|having)\s+{article}(?:[a-z]+\s+)?(?:meeting|session|)"
                   R"(catch-?up|get-?together|one-on-one|1:1|visit)\s+with\b)",
        .example = "We had an informal meeting with @PeterGold before lunch."},
    InteractionRule{.id = "had_the_chance_to_meet",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}had\s+the\s+(?:chance|pleasure|opportunity|privilege|)"
                               R"(honou?r)\s+(?:of\s+(?:meeting|seeing)|)"
                               R"(to\s+(?:finally\s+)?(?:meet|see))\b)",
                    .example = "I had the pleasure of meeting Priya at the conference.",
                    .needs = RuleNeeds::kNotAnAudience},
    // "visited my old friend Harveen", but not "visited Paris": a name
    // found only by its capitals needs a word for a person before it.
    InteractionRule{.id = "visited",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}(?:visited|visiting|visit)\b)",
                    .example = "We visited our long-time friends @LaraNewman and @HRMargo.",
                    .object = ObjectSlot::kAfterAPersonWord},
    InteractionRule{.id = "stayed_with",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}(?:stayed|staying|stay)\s+(?:over\s+)?with\b)",
                    .example = "We stayed with Rach for the night in Wilmington."},
    InteractionRule{.id = "spent_time_with",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}(?:(?:spent|spend|spending)\s+(?:[a-z0-9']+\s+){0,4}?|)"
                               R"(had\s+(?:[a-z0-9']+\s+){0,3}?(?:days?|weeks?|hours?|evenings?|)"
                               R"(afternoons?|mornings?|nights?|weekends?|time)\s+)with\b)",
                    .example = "Spent the afternoon hanging out with @LaraNewman."},
    // "talked with X at the conference": in person where the clause has a
    // meal or an event; with a phone or Skype it is `spoke` (above).
    InteractionRule{.id = "talked_in_person",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({I}{aux}(?:spoke|spoken|talked|chatted|talking|chatting|)"
                               R"(had\s+{article}(?:chat|natter|conversation|talk))\b)",
                    .example = "I've chatted with both John Gough and Wayne Kelly at OOPSLA.",
                    .needs = RuleNeeds::kInPersonContext},
    // "Brunch with Bill went really well", "tapas with Chris", "dinner at
    // Dumpling House with Mitch": a meal with someone in the author's own
    // narrative, whatever the verb.
    InteractionRule{.id = "meal_with_anyone",
                    .kind = InteractionKind::kMet,
                    .pattern = R"(\b{meal}(?:\s+[a-z'&]+){0,3}?\s+with\b)",
                    .example = "Lunch with @PeterGold at the Crown.",
                    .needs = RuleNeeds::kAuthorAsSubject},
    // "one Cheese Shed bike ride with Alistair", "a spontaneous trip with
    // my good friend Abhinav": an outing with someone in the author's own
    // narrative.
    InteractionRule{.id = "outing_with_anyone",
                    .kind = InteractionKind::kMet,
                    .pattern = R"(\b{outing}(?:\s+[a-z'&]+){0,3}?\s+with\b)",
                    .example = "A lovely bike ride with @PeterGold along the canal.",
                    .needs = RuleNeeds::kAuthorAsSubject,
                    .object = ObjectSlot::kRightAfter},
    // "Sam arrived and we ate", "Nick flew out and we backpacked": they
    // came to where the author was.
    InteractionRule{
        .id = "arrived_and_we",
        .kind = InteractionKind::kMet,
        .pattern = R"(\b(?:arrived|showed\s+up|turned\s+up|dropped\s+by|popped\s+(?:in|by|round)|)"
                   R"((?:came|flew|drove)\s+(?:in|out|over|by|round|along|up|down)|)"
                   R"(visited\s+from\s+[^\s.!?,;:]+)\s+and\s+(?:we|I)\b)",
        .example = "@PeterGold arrived and we ate at the Crown.",
        .other_is_subject = true},
    // "Went to Lovejoy's Cafe with Guanqing", "we drove up to the lake with
    // Sam": somewhere together, the person after "with".
    InteractionRule{
        .id = "went_somewhere_with",
        .kind = InteractionKind::kMet,
        .pattern = R"({I}{aux}(?:went|came|drove|flew|walked|travell?ed|visited|headed|)"
                   R"(hiked|biked|cycled|left|arrived|explored|toured|played|watched|cooked|)"
                   R"(shopped|danced|sailed|camped|climbed)\b(?:\s+[^\s.!?,;:]+){0,8}?\s+with\b)",
        .example = "Went to Lovejoy's Cafe with @LaraNewman.",
        .object = ObjectSlot::kRightAfter},
    // "bonded with Licia", "left with Licia back to Schonefeld": the
    // author did something with them; not the verbs of words and things
    // ("agreed with", "emailed with", "played with Python").
    InteractionRule{.id = "did_something_with",
                    .kind = InteractionKind::kMet,
                    .pattern =
                        R"({subject}{aux}(?:[a-z]+ed|sat|ate|drank|ran|rode|swam|sang|spent|met|)"
                        R"(caught\s+up|hung\s+out|left)\b(?:\s+[^\s.!?,;:]+){0,6}?\s+with\b)",
                    .example = "We bonded with @LaraNewman over bad coffee.",
                    .needs = RuleNeeds::kInPersonVerb,
                    .object = ObjectSlot::kRightAfter},
    // "Karin and I went to the Opera House": the author and the people
    // named before "and I" did something together.
    InteractionRule{.id = "together_with_author",
                    .kind = InteractionKind::kMet,
                    .pattern = R"((?P<subject>\band\s+I)\b{aux}{together}\b)",
                    .example = "Dave Martin and I went to the Opera House."},
    // "me and Megan had a good time", "Later me and Partho discussed": the
    // people named after "me and".
    InteractionRule{
        .id = "author_and_together",
        .kind = InteractionKind::kMet,
        .pattern = R"((?P<subject>^{lead}me\s+and(?:\s+[^\s.!?,;:]+){1,3}?)\b{aux}{together}\b)",
        .example = "Later me and @LaraNewman went for a walk along the canal."},
    // "Great to see you this weekend", "so glad to talk with him in person".
    InteractionRule{
        .id = "great_seeing",
        .kind = InteractionKind::kMet,
        .pattern =
            R"(\b(?:great|lovely|nice|good|wonderful|fab|fabulous|brilliant|fantastic|)"
            R"(awesome|super|glad|happy|delighted|a\s+treat|a\s+real\s+treat|fun|enjoyed|)"
            R"(loved|liked)\s+)"
            R"((?:to\s+(?:(?:finally|actually|properly|at\s+last)\s+)?(?:see|catch\s+up\s+with|)"
            R"(talk\s+(?:to|with)|chat\s+with|hang\s+out\s+with)|seeing|catching\s+up\s+with|)"
            R"(chatting\s+with|talking\s+(?:to|with)|hanging\s+out\s+with)\b)",
        .example = "Great to see you this weekend!",
        .needs = RuleNeeds::kNotAnAudience,
        .object = ObjectSlot::kRightAfterAPersonWord},
    // "Did enjoy our visit", "thanks for hosting": in a comment, a time
    // spent with the person replied to.
    InteractionRule{.id = "our_time_together",
                    .kind = InteractionKind::kMet,
                    .pattern =
                        R"(\b(?:enjoy(?:ed)?|loved|liked|thanks?\s+(?:you\s+)?(?:so\s+much\s+)?)"
                        R"(for|thank\s+you\s+(?:so\s+much\s+)?for)\s+(?:hosting|having\s+us|)"
                        R"((?:our|the|a|such\s+a)\s+(?:[a-z]+\s+){0,2}?(?:visit|dinner|lunch|)"
                        R"(breakfast|brunch|tea|coffee|drinks|evening|afternoon|hospitality|stay|)"
                        R"(time\s+together|tour))\b)",
                    .example = "Did enjoy our visit at T.P.",
                    .object = ObjectSlot::kRightAfterAPersonWord,
                    .implied = ImpliedOther::kYou},
    // plans_to_meet: arranged or expected, never merely wished for.
    InteractionRule{.id = "looking_forward",
                    .kind = InteractionKind::kPlansToMeet,
                    .pattern =
                        R"({I}{aux}(?:looking\s+forward|look\s+forward|can't\s+wait|)"
                        R"(cannot\s+wait|can\s+not\s+wait)\s+to\s+)"
                        R"((?:(?:finally|actually|properly)\s+)?(?:meeting|meet|seeing|see)\b)",
                    .example = "Can’t wait to meet you at TRULondon2!",
                    .needs = RuleNeeds::kArranged,
                    .object = ObjectSlot::kRightAfterAPersonWord},
    InteractionRule{.id = "meeting_progressive",
                    .kind = InteractionKind::kPlansToMeet,
                    .pattern = R"({I}{be}{aux}meeting(?:\s+up)?\b)",
                    .example = "Tomorrow I’m meeting @ClareWildman for after work drinkies.",
                    .implied = ImpliedOther::kYouWhenWe},
    InteractionRule{.id = "meet_future",
                    .kind = InteractionKind::kPlansToMeet,
                    .pattern = R"({I}{aux}meet(?:\s+up)?\b)",
                    .example = "I’ll get to meet you and some of your colleagues too.",
                    .needs = RuleNeeds::kFutureTime,
                    .implied = ImpliedOther::kYouWhenWe},
    // "In Brooklyn, I meet up again with Vanessa": a diary's present; a
    // meeting still to come was taken as a plan by the rule above.
    InteractionRule{.id = "meet_present",
                    .kind = InteractionKind::kMet,
                    .pattern = R"({subject}{aux}meet(?:\s+up)?(?:\s+again)?(?:\s+with)?\b)",
                    .example = "At the end of the day, I meet with @PeterGold for drinks.",
                    .object = ObjectSlot::kRightAfter},
    // "I got back to Dursley in time to meet Georgie": the author went
    // somewhere and met them there.
    InteractionRule{
        .id = "went_to_meet",
        .kind = InteractionKind::kMet,
        .pattern = R"({I}{aux}(?:went|came|got|drove|flew|walked|headed|rode|cycled|travell?ed|)"
                   R"(returned|stopped|popped|nipped|dashed|hurried|rushed|arrived|hopped)\b)"
                   R"((?:\s+[^\s.!?,;:]+){0,8}?\s+to\s+meet(?:\s+up)?(?:\s+with)?\b)",
        .example = "I got back to Dursley in time to meet @LaraNewman for coffee.",
        .object = ObjectSlot::kRightAfter},
    InteractionRule{.id = "see_you_then",
                    .kind = InteractionKind::kPlansToMeet,
                    .pattern = R"({I}{aux}see\b)",
                    .example = "We'll see you Thursday and Friday.",
                    .needs = RuleNeeds::kFutureTime,
                    .object = ObjectSlot::kRightAfterAPersonWord},
    InteractionRule{.id = "meeting_soon",
                    .kind = InteractionKind::kPlansToMeet,
                    .pattern = R"(^{lead}meeting(?:\s+up)?\b)",
                    .example = "Meeting @HRMargo next week!",
                    .needs = RuleNeeds::kFutureTime},
};

// Longer words first: a shorter one inside a longer match is not counted
// again ("after work drinkies" is not also "drinks").
constexpr std::array kDetailWords = {
    DetailWord{R"(\b(?:tele)?phone\s+call\b)", "phone", true},
    DetailWord{R"(\b(?:on|over|by|via)\s+(?:the\s+)?(?:tele)?phone\b)", "phone", true},
    DetailWord{R"(\bskype\s+call\b)", "Skype", true},
    DetailWord{R"(\b(?:on|over|by|via)\s+skype\b)", "Skype", true},
    DetailWord{R"(\b(?:a|the|our|quick|long|video|conference|zoom)\s+call\b)", "call", true},
    DetailWord{R"(\b(?:had|have|having)\s+call\b|\b(?:I|we)\s+(?:called|phoned|rang)\b)", "call",
               true},
    DetailWord{R"(\b(?:on|over|by|via)\s+(?:facetime|zoom|hangouts|whatsapp|video(?:\s+chat)?)\b)",
               "video call", true},
    DetailWord{R"(\bafter[\s-]+work\s+drink(?:s|ies)?\b)", "after work drinks", false},
    DetailWord{R"(\bdrink(?:s|ies)?\b)", "drinks", false},
    DetailWord{R"(\b(?:pints?|beers?|cocktails)\b)", "drinks", false},
    DetailWord{R"(\bdinner\b)", "dinner", false},
    DetailWord{R"(\blunch(?:es)?\b)", "lunch", false},
    DetailWord{R"(\bbreakfast\b)", "breakfast", false},
    DetailWord{R"(\bbrunch\b)", "brunch", false},
    DetailWord{R"(\bcoffees?\b)", "coffee", false},
    DetailWord{R"(\b(?:a\s+cup\s+of\s+)?tea\b)", "tea", false},
};

}  // namespace

std::span<const InteractionRule> InteractionRules() { return kRules; }
std::span<const PatternPiece> PatternPieces() { return kPieces; }
std::span<const DetailWord> DetailWords() { return kDetailWords; }

std::string_view NegationPattern() {
  return R"(\bnot\b|n't\b|\bnever\b|\bcannot\b|\bno\s+longer\b|\bnobody\b|)"
         R"(\b(?:rarely|hardly|barely|scarcely|seldom)\b)";
}

// "hope to meet one day" is a wish, not a plan: no edge. Neither is an
// offer ("I can meet you tomorrow") or an obligation ("we should meet").
std::string_view HypotheticalPattern() {
  return R"(\b(?:would|might|may|could|should|can|must|maybe|perhaps|possibly|hopefully|)"
         R"(hope|hoping|hoped|wish|wishing|want|wanted|wants|like\s+to|love\s+to|try\s+to|)"
         R"(trying\s+to|imagine|someday)\b|'d\s+(?:have|be|love|like|rather|prefer|want)\b)";
}

std::string_view TriggerPattern() {
  return R"(\b(?:spoke|spoken|talk|chat|natter|conversation|call|phone|telephone|rang|rung|)"
         R"(skype|caught|catch|dinner|lunch|breakfast|brunch|coffee|drink|tea|pint|beer|)"
         R"(cocktail|went|going|meet|met|bumped|bump|ran|run|hung|hanging|see|seeing|stay|spen|)"
         R"(visit|hooked|linked|together|host|joined|join|told|asked|reminded|informed|gave|give|)"
         R"(face|zoom|whatsapp|session|get-?together|one-on-one|1:1|with|)"
         R"(supper|food|meal|tapas|ramen|pizza|sushi|dim\s+sum|wine|ice\s+cream|and\s+I\b|)"
         R"(me\s+and\b|arrived|showed|turned|dropped|popped|came|flew|drove))";
}

std::string_view FillerWords() {
  return R"(with|up|into|and|both|also|again|finally|briefly|properly|my|our|his|her|their|)"
         R"(old|good|dear|lovely|wonderful|amazing|awesome|great|fellow|long-?time|new|likes|of)";
}

std::string_view PersonWords() {
  return R"(friends?|buddy|buddies|pals?|mates?|colleagues?|cousins?|brothers?|sisters?|mother|)"
         R"(father|mom|mum|dad|uncle|aunt|wife|husband|partner|boyfriend|girlfriend|sons?|)"
         R"(daughters?|co-?founder|boss|teammates?|blogger|bloggers|author|friend's)";
}

std::string_view VerbsOfWords() {
  return R"(agreed|disagreed|emailed|e-mailed|tweeted|texted|messaged|corresponded|connected|)"
         R"(shared|started|ended|finished|experimented|played|dealt|compared|replaced|)"
         R"(integrated|combined|filled|covered|equipped|associated|identified|impressed|)"
         R"(pleased|satisfied|bored|obsessed|struggled|fiddled|tinkered|worked|helped|coded|)"
         R"(programmed|developed|built|tested|deployed|configured|installed|updated|upgraded|)"
         R"(replied|responded|commented|posted|blogged|argued|debated|sympathi[sz]ed|)"
         R"(interviewed|chatted|talked|partnered|collaborated|signed|registered|logged|checked|)"
         R"(followed|linked|touched|engaged|involved|acquainted|familiar|concerned|faced|)"
         R"(presented|provided|supplied|loaded|armed|packed|fed|tired|done|closed|opened|)"
         R"(announced|launched|released|published|credited|charged|tasked|wanted|needed|tried|)"
         R"(liked|loved|hoped|decided|managed|offered|raised|coupled|manipulated|paired|matched)";
}

std::string_view PerformingWords() {
  return R"(speak|talk|present|perform|play|sing|dance|writ|blog|post|tweet|here|back|online|)"
         R"(around|on\s+(?:stage|tv|t\.v|screen|twitter|television|the\s+news)|in\s+action|)"
         R"(succeed|grow|do\b|get\b|at\s+it|[a-z]+ing\b)";
}

std::string_view SubjectVerbs() {
  return R"(is|was|has|had|and|will|would|can|could|did|does|came|comes|said|says|told|tells|)"
         R"(went|goes|who|also|just|always|never)";
}

std::string_view ThirdPersonWords() { return R"(he|she|him|her|his|they|them|their)"; }

std::string_view SeenWhereWords() {
  return R"(again|at|in|on|this|last|yesterday|today|tonight|earlier|there|too|both|all|and|)"
         R"(over|for|back|guys|folks|in\s+person|irl|finally|properly|once|twice|recently|)"
         R"(tomorrow|next|soon|then|when|after|before|during|around|while|so)";
}

std::string_view Prepositions() {
  return R"(in|at|on|to|from|of|with|by|for|near|after|before|during|around|via)";
}

std::string_view AskingWords() {
  return R"(ask|asks|asked|asking|wonder|wondered|wondering|see|saw|know|knew|sure|check|)"
         R"(checked|checking|find\s+out|found\s+out|decide|decided|tell|told|unsure|doubt)";
}

std::string_view ConditionalPattern() { return R"(\b(?:if|unless|whether)\b)"; }

std::string_view FuturePattern() {
  return R"('ll\b|\b(?:will|shall|going\s+to|gonna|plan\s+to|planning\s+to|intend\s+to|)"
         R"(arranged\s+to|looking\s+forward|can't\s+wait|cannot\s+wait)\b)";
}

std::string_view OpenFuturePattern() {
  return R"(\b(?:in\s+the\s+future|one\s+day|someday|some\s+day|sometime|some\s+time|)"
         R"(at\s+some\s+point|next\s+time|eventually|one\s+of\s+these\s+days|)"
         R"(again\s+soon|soon)\b)";
}

std::string_view OfflinePattern() {
  return R"(\b(?:offline|in\s+person|in\s+real\s+life|irl|face\s+to\s+face)\b)";
}

std::string_view OnlinePattern() {
  return R"(\b(?:online|virtually|on\s+(?:twitter|facebook|linkedin|social\s+media|)"
         R"(the\s+internet|the\s+web|(?:a|the|my|your)\s+(?:web\s+browser|screen|computer|laptop))|)"
         R"((?:via|through)\s+(?:twitter|facebook|linkedin))\b)";
}

std::unique_ptr<RE2> CompileFixedPattern(std::string_view pattern, std::string_view what) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) throw std::logic_error(std::string(what) + ": " + re->error());
  return re;
}

}  // namespace linkgraph::graph
