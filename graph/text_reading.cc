// Readings of texts kept between derivations (text_reading.h).
#include "graph/text_reading.h"

#include <charconv>

#include "common/content_hash.h"
#include "graph/graph.h"
#include "graph/interaction_text.h"

namespace linkgraph::graph {
namespace {

std::vector<std::pair<size_t, size_t>> KnownNameSpans(std::string_view text,
                                                      const KnownNames& known_names) {
  return known_names.FindIn(FoldTypographyText(text));
}

// The payload: a sequence of fields, each its length in decimal, ':' and
// its bytes, so any text survives.
class FieldWriter {
 public:
  FieldWriter& Add(std::string_view field) {
    out_ += std::to_string(field.size());
    out_ += ':';
    out_ += field;
    return *this;
  }
  FieldWriter& Add(size_t number) { return Add(std::to_string(number)); }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class FieldReader {
 public:
  explicit FieldReader(std::string_view in) : in_(in) {}

  std::optional<std::string_view> Next() {
    const size_t colon = in_.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    size_t size = 0;
    auto [end, error] = std::from_chars(in_.data(), in_.data() + colon, size);
    if (error != std::errc() || end != in_.data() + colon || size > in_.size() - colon - 1) {
      return std::nullopt;
    }
    std::string_view field = in_.substr(colon + 1, size);
    in_.remove_prefix(colon + 1 + size);
    return field;
  }
  bool Next(std::string* into) {
    std::optional<std::string_view> field = Next();
    if (field) into->assign(*field);
    return field.has_value();
  }
  bool Next(size_t* into) {
    std::optional<std::string_view> field = Next();
    if (!field) return false;
    auto [end, error] = std::from_chars(field->data(), field->data() + field->size(), *into);
    return error == std::errc() && end == field->data() + field->size();
  }
  bool AtEnd() const { return in_.empty(); }

 private:
  std::string_view in_;
};

bool ReadKind(FieldReader& in, InteractionKind* kind) {
  size_t value = 0;
  if (!in.Next(&value) || value > static_cast<size_t>(InteractionKind::kPlansToMeet)) return false;
  *kind = static_cast<InteractionKind>(value);
  return true;
}

bool ReadPartyKind(FieldReader& in, Party::Kind* kind) {
  size_t value = 0;
  if (!in.Next(&value) || value > static_cast<size_t>(Party::Kind::kYou)) return false;
  *kind = static_cast<Party::Kind>(value);
  return true;
}

bool ReadInteraction(FieldReader& in, Interaction* found) {
  return ReadKind(in, &found->kind) && ReadPartyKind(in, &found->other.kind) &&
         in.Next(&found->other.value) && in.Next(&found->detail) && in.Next(&found->event) &&
         in.Next(&found->when) && in.Next(&found->date) && in.Next(&found->evidence) &&
         in.Next(&found->rule);
}

}  // namespace

TextReading ReadText(std::string_view text, const TextContext& context) {
  TextReading reading;
  reading.language = std::string(TextLanguage(text));
  if (!MeetingRulesRead(reading.language) || !MayStateInteraction(text)) return reading;
  reading.may_state = true;
  reading.known_name_spans = KnownNameSpans(text, context.known_names);
  reading.known_names = context.known_names.Fingerprint();
  reading.found = FindInteractions(text, context);
  return reading;
}

std::string ReadingFingerprint(std::string_view text, const TextContext& context) {
  std::string read;
  read.reserve(text.size() + context.date.size() + 8);
  read.append(context.in_comment ? "comment\n" : "post\n").append(context.date).append("\n");
  read.append(text);
  return "rules " + std::string(kRulesVersion) + " " + ContentHash(read);
}

std::optional<TextReading> ReuseReading(const store::TextRead& kept, std::string_view fingerprint,
                                        std::string_view text, const KnownNames& known_names) {
  if (kept.fingerprint != fingerprint) return std::nullopt;
  std::optional<TextReading> reading = DecodeReading(kept.payload);
  if (!reading || !reading->may_state) return reading;
  if (reading->known_names == known_names.Fingerprint()) return reading;
  if (KnownNameSpans(text, known_names) != reading->known_name_spans) return std::nullopt;
  reading->known_names = known_names.Fingerprint();
  return reading;
}

std::string EncodeReading(const TextReading& reading) {
  FieldWriter out;
  out.Add(reading.language).Add(reading.may_state ? 1 : 0);
  out.Add(reading.known_name_spans.size());
  for (auto [begin, end] : reading.known_name_spans) out.Add(begin).Add(end);
  out.Add(reading.found.size());
  for (const Interaction& found : reading.found) {
    out.Add(static_cast<size_t>(found.kind)).Add(static_cast<size_t>(found.other.kind));
    out.Add(found.other.value).Add(found.detail).Add(found.event).Add(found.when);
    out.Add(found.date).Add(found.evidence).Add(found.rule);
  }
  out.Add(reading.known_names);
  return out.Take();
}

std::optional<TextReading> DecodeReading(std::string_view payload) {
  FieldReader in(payload);
  TextReading reading;
  size_t may_state = 0, spans = 0, found = 0;
  if (!in.Next(&reading.language) || !in.Next(&may_state) || may_state > 1 || !in.Next(&spans)) {
    return std::nullopt;
  }
  reading.may_state = may_state == 1;
  // Each span takes at least four bytes: a bounded reserve on a bad payload.
  reading.known_name_spans.reserve(std::min(spans, payload.size() / 4));
  for (size_t i = 0; i < spans; ++i) {
    size_t begin = 0, end = 0;
    if (!in.Next(&begin) || !in.Next(&end)) return std::nullopt;
    reading.known_name_spans.emplace_back(begin, end);
  }
  if (!in.Next(&found)) return std::nullopt;
  for (size_t i = 0; i < found; ++i) {
    Interaction interaction{};
    if (!ReadInteraction(in, &interaction)) return std::nullopt;
    reading.found.push_back(std::move(interaction));
  }
  // Last, so that a payload of an earlier encoding, without it, is redone.
  if (!in.Next(&reading.known_names) || !in.AtEnd()) return std::nullopt;
  return reading;
}

}  // namespace linkgraph::graph
