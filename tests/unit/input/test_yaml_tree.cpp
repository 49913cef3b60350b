// The YAML tree read with libyaml: the details in which libyaml (YAML 1.1)
// differs from yaml-cpp (YAML 1.2), which casesim read its files with before,
// are pinned here, each as the tree or the error a user gets. The refusals
// shared by every loader (duplicate keys, aliases, tags, depth, encodings) are
// tested through the loaders in tests/bad_input.
#include <gtest/gtest.h>

#include <string>

#include "engine/input/input_error.hpp"
#include "engine/input/yaml_tree.hpp"

namespace casesim::input {
namespace {

YamlNode parse(const std::string& text) {
  return parse_yaml(text, "team.yaml", 0, "", "scenario");
}

// what() of the error `text` gives, or "accepted".
std::string error_of(const std::string& text, int fixed_line = 0, const std::string& root_field = "") {
  try {
    parse_yaml(text, "team.yaml", fixed_line, root_field, "scenario");
  } catch (const InputError& error) {
    return error.what();
  }
  return "accepted";
}

TEST(YamlTree, NodesRecordTheirOwnLinesAndTheirHoldersLines) {
  const YamlNode root = parse("# a comment\nrun:\n  seed: 1\nteam:\n  - {name: A}\n  -\n    name: B\nempty:\n");
  EXPECT_EQ(root.line, 2);
  const YamlNode* run = root.find("run");
  ASSERT_NE(run, nullptr);
  EXPECT_EQ(run->line, 3);
  EXPECT_EQ(run->holder_line, 2);
  EXPECT_EQ(run->find("seed")->line, 3);
  const YamlNode* team = root.find("team");
  ASSERT_NE(team, nullptr);
  ASSERT_EQ(team->items.size(), 2u);
  EXPECT_EQ(team->items[0].line, 5);
  EXPECT_EQ(team->items[1].line, 7);
  // A value left out is blamed on its key's line, not on the next token's.
  const YamlNode* empty = root.find("empty");
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ(empty->kind, YamlNode::Kind::empty);
  EXPECT_EQ(empty->line, 8);
}

TEST(YamlTree, QuotedAndBlockScalarsAreTextAndPlainOnesAreNot) {
  const YamlNode root = parse("a: 1\nb: \"1\"\nc: '1'\nd: |\n  1\ne: ! 1\n");
  EXPECT_FALSE(root.find("a")->quoted);
  EXPECT_TRUE(root.find("b")->quoted);
  EXPECT_TRUE(root.find("c")->quoted);
  EXPECT_TRUE(root.find("d")->quoted);
  EXPECT_EQ(root.find("d")->text, "1\n");
  // "!", the non-specific tag, says "text" as quotes do; it is not refused as a tag.
  EXPECT_TRUE(root.find("e")->quoted);
  EXPECT_EQ(root.find("e")->text, "1");
}

TEST(YamlTree, TheCoreSchemasNullsAreEmptyValuesButNotWhenQuoted) {
  const YamlNode root = parse("a: ~\nb: null\nc: Null\nd: NULL\ne: nULL\nf: \"~\"\ng: 'null'\n");
  for (const char* key : {"a", "b", "c", "d"}) EXPECT_EQ(root.find(key)->kind, YamlNode::Kind::empty) << key;
  for (const char* key : {"e", "f", "g"}) EXPECT_EQ(root.find(key)->kind, YamlNode::Kind::text) << key;
  EXPECT_EQ(error_of("~: 1\n"), "team.yaml:1: keys must be plain names, got an empty value");
}

TEST(YamlTree, AnEmptyFileAndAFileOfOnlyCommentsAreEmpty) {
  for (const std::string text : {"", "\n", "# only\n# comments\n", "  \n# indented comment"}) {
    const YamlNode root = parse(text);
    EXPECT_EQ(root.kind, YamlNode::Kind::empty) << text;
    EXPECT_EQ(root.line, 0) << text;
    EXPECT_EQ(root.file, "team.yaml");
  }
}

TEST(YamlTree, AByteOrderMarkAndWindowsLineEndingsKeepTheLines) {
  const YamlNode root = parse("\xEF\xBB\xBFname: a\r\nrun:\r\n  seed: 1\r\n");
  EXPECT_EQ(root.find("name")->text, "a");
  EXPECT_EQ(root.find("run")->find("seed")->line, 3);
}

// YAML 1.1 breaks lines at a lone carriage return and at NEL, LS and PS; YAML
// 1.2 and editors do not, so every line number after one would be off.
TEST(YamlTree, LineBreaksAnEditorDoesNotShowAreRefusedAtTheirLineAndColumn) {
  EXPECT_EQ(error_of("name: a\nrun:\n  repli\rcations: 5\n"),
            "team.yaml:3: a carriage return without a line feed (byte 0x0D at column 8), which YAML reads as a line "
            "break where most editors show none; save the file with ordinary line endings");
  EXPECT_EQ(error_of("name: a\r"),
            "team.yaml:1: a carriage return without a line feed (byte 0x0D at column 8), which YAML reads as a line "
            "break where most editors show none; save the file with ordinary line endings");
  EXPECT_EQ(error_of("name: a\ndescription: x\xE2\x80\xA8y\n"),
            "team.yaml:2: a Unicode line separator (U+2028) at column 15, which YAML reads as a line break where "
            "most editors show none; write an ordinary line break or a space instead");
  EXPECT_EQ(error_of("description: \"x\xE2\x80\xA9y\"\n"),
            "team.yaml:1: a Unicode paragraph separator (U+2029) at column 16, which YAML reads as a line break "
            "where most editors show none; write an ordinary line break or a space instead");
  EXPECT_EQ(error_of("# x\xC2\x85y\n"),
            "team.yaml:1: a Unicode next line (U+0085) at column 4, which YAML reads as a line break where most "
            "editors show none; write an ordinary line break or a space instead");
  // Other characters of those blocks are text.
  EXPECT_EQ(parse("a: \xE2\x80\x94 \xC2\xA0\n").find("a")->text, "\xE2\x80\x94 \xC2\xA0");
}

TEST(YamlTree, ATabInIndentationIsRefusedSayingSoButATabAfterAColonIsSpace) {
  EXPECT_EQ(error_of("run:\n\tseed: 1\n"),
            "team.yaml:2: not valid YAML: a tab at column 1; YAML indents with spaces, never tabs");
  EXPECT_EQ(error_of("team:\n  -\tA\n"),
            "team.yaml:2: not valid YAML: a tab at column 4; YAML indents with spaces, never tabs");
  EXPECT_EQ(parse("seed:\t1\n").find("seed")->text, "1");
}

TEST(YamlTree, YamlDirectivesForVersionsOneOneAndOneTwoAreAccepted) {
  EXPECT_EQ(parse("%YAML 1.1\n---\nseed: 1\n").find("seed")->line, 3);
  EXPECT_EQ(parse("%YAML 1.2\n---\nseed: 1\n").find("seed")->text, "1");
  EXPECT_EQ(error_of("%YAML 2.0\n---\nseed: 1\n"), "team.yaml:1: not valid YAML: found incompatible YAML document");
  EXPECT_EQ(error_of("%TAG !c! tag:casesim:\n---\nseed: !c!int 1\n"),
            "team.yaml:3: seed: YAML tags are not allowed in scenarios, got tag:casesim:int");
}

TEST(YamlTree, ADocumentEndMarkerEndsTheOnlyDocument) {
  EXPECT_EQ(parse("seed: 1\n...\n").find("seed")->text, "1");
  EXPECT_EQ(error_of("seed: 1\n...\n---\nseed: 2\n"),
            "team.yaml:3: more than one YAML document; a scenario is a single mapping");
}

TEST(YamlTree, VeryLongValuesAreReadWholeButAKeyIsAtMost1024Characters) {
  const std::string long_text(500000, 'x');
  EXPECT_EQ(parse("description: " + long_text + "\n").find("description")->text, long_text);
  EXPECT_EQ(parse("description: \"" + long_text + "\"\n").find("description")->text, long_text);
  // libyaml's limit on a key written without '?' (yaml-cpp had it too).
  EXPECT_EQ(parse(std::string(1024, 'k') + ": 1\n").keys.at(0).text.size(), 1024u);
  EXPECT_EQ(error_of("name: a\n" + std::string(1025, 'k') + ": 1\n"),
            "team.yaml:2: not valid YAML: could not find expected ':' while scanning a simple key; a key may be at "
            "most 1024 characters long");
}

// yaml-cpp gave \N and \_ as lone bytes, not UTF-8.
TEST(YamlTree, EscapesGiveUtf8) {
  const YamlNode root = parse("a: \"\\N\\_\\L\\P\\u00e9\\x41\\/\\t\"\n");
  EXPECT_EQ(root.find("a")->text, "\u0085\u00A0\u2028\u2029\u00E9A/\t");
}

TEST(YamlTree, SyntaxErrorsGiveLibyamlsProblemAndWhereWhatItWasReadingBegan) {
  EXPECT_EQ(error_of("name: a\nrun: [1, 2\n"),
            "team.yaml:3: not valid YAML: did not find expected ',' or ']' while parsing a flow sequence started on "
            "line 2");
  EXPECT_EQ(error_of("name: a\nrun: {seed: 1\nteam: 2\n"),
            "team.yaml:3: not valid YAML: did not find expected ',' or '}' while parsing a flow mapping started on "
            "line 2");
  EXPECT_EQ(error_of("name: 'a\n"),
            "team.yaml:2: not valid YAML: found unexpected end of stream while scanning a quoted scalar started on "
            "line 1");
  EXPECT_EQ(error_of("This is a team: it has workers: and referrals\n"),
            "team.yaml:1: not valid YAML: mapping values are not allowed in this context");
  EXPECT_EQ(error_of("name: a\n run: 1\n"),
            "team.yaml:2: not valid YAML: mapping values are not allowed in this context");
  EXPECT_EQ(error_of("name: \"a\\q\"\n"),
            "team.yaml:1: not valid YAML: found unknown escape character while parsing a quoted scalar");
  EXPECT_EQ(error_of("name: \"" + std::string(2000, 'a') + "\\q\"\n"),
            "team.yaml:1: not valid YAML: found unknown escape character while parsing a quoted scalar");
  EXPECT_EQ(error_of("name: @a\n"), "team.yaml:1: not valid YAML: '@' at column 7 cannot start a value");
  EXPECT_EQ(error_of("name: \xC3\xA9\n`a: 1\n"), "team.yaml:2: not valid YAML: '`' at column 1 cannot start a value");
}

// An override's value is one line of an experiment file: every line is that
// line, and the field is the override's path.
TEST(YamlTree, AnOverridesSyntaxErrorIsAtItsLineAndField) {
  EXPECT_EQ(error_of("[1, 2", 7, "run.seed"),
            "team.yaml:7: run.seed: not valid YAML: did not find expected ',' or ']' while parsing a flow sequence");
  const YamlNode value = parse_yaml("{a: 1,\n b: [2]}", "experiment.yaml", 7, "x", "scenario");
  EXPECT_EQ(value.line, 7);
  EXPECT_EQ(value.find("b")->items.at(0).line, 7);
}

// The builder's own refusals wait for the document to parse, so broken YAML
// is reported as such, before anything found on the way.
TEST(YamlTree, ASyntaxErrorIsReportedBeforeADuplicateKeyFoundEarlier) {
  EXPECT_EQ(error_of("a: 1\na: 2\nb: [\n"),
            "team.yaml:4: not valid YAML: did not find expected node content while parsing a flow node");
  EXPECT_EQ(error_of("a: 1\na: 2\n"), "team.yaml:2: a: duplicate key, first given on line 1");
}

// An override's value is handed on as flow YAML and parsed again, and a
// resolved scenario as block YAML: text written with escapes must come back.
TEST(YamlTree, FlowAndBlockYamlWriteControlCharactersAndLineBreaksAsEscapes) {
  const std::string written = R"({a: "x\ry\x01z\Lw\N\P", b: "t\tn\n", c: plain})";
  const YamlNode value = parse_yaml(written, "experiment.yaml", 7, "variants[0].description", "experiment");
  ASSERT_EQ(value.find("a")->text, "x\ry\x01z\u2028w\u0085\u2029");
  const std::string flow = flow_yaml(value);
  EXPECT_EQ(flow, R"({a: "x\x0Dy\x01z\Lw\N\P", b: "t\tn\n", c: plain})");
  const YamlNode again = parse_yaml(flow, "experiment.yaml", 7, "variants[0].description", "experiment");
  const std::string block = block_yaml(value);
  EXPECT_EQ(block, "a: \"x\\x0Dy\\x01z\\Lw\\N\\P\"\nb: \"t\\tn\\n\"\nc: plain\n");
  const YamlNode from_block = parse(block);
  for (const char* key : {"a", "b", "c"}) {
    EXPECT_EQ(again.find(key)->text, value.find(key)->text) << key;
    EXPECT_EQ(from_block.find(key)->text, value.find(key)->text) << key;
    EXPECT_EQ(from_block.find(key)->quoted, value.find(key)->quoted) << key;
  }
}

// The root mapping is the first level, so a list under it may hold 30 more.
TEST(YamlTree, NestingIsRefusedAtTheFirstLevelTooDeep) {
  const auto lists = [](int count) { return std::string(count, '[') + std::string(count, ']'); };
  EXPECT_EQ(parse("a: " + lists(kMaxYamlDepth - 1)).find("a")->kind, YamlNode::Kind::list);
  std::string path = "a";
  for (int level = 1; level < kMaxYamlDepth; ++level) path += "[0]";
  EXPECT_EQ(error_of("a: " + lists(kMaxYamlDepth)), "team.yaml:1: " + path + ": nested more than 32 levels deep");
}

}  // namespace
}  // namespace casesim::input
