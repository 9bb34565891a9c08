// The shell's meta commands and completion, parsed and computed in-process.

#include "cli/shell/meta_command.h"

#include <algorithm>

#include "cli/shell/completion.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace quiver::cli::shell {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(MetaCommand, RecognisesLinesStartingWithAColon) {
  EXPECT_TRUE(IsMetaCommand(":help"));
  EXPECT_TRUE(IsMetaCommand("   :why 3"));
  EXPECT_FALSE(IsMetaCommand("MATCH (n:Person) RETURN n"));
  EXPECT_FALSE(IsMetaCommand(""));
}

TEST(MetaCommand, ParsesParamsScriptsWidthAndMaxRows) {
  auto param = ParseMetaCommand(":param who \"Marta Lind\"");
  ASSERT_TRUE(param.ok()) << param.status();
  EXPECT_EQ(param->kind, MetaCommand::Kind::kParam);
  EXPECT_EQ(param->name, "who");
  EXPECT_EQ(param->value, "\"Marta Lind\"");
  auto unset = ParseMetaCommand(":param $who");
  ASSERT_TRUE(unset.ok()) << unset.status();
  EXPECT_EQ(unset->name, "who");
  EXPECT_EQ(unset->value, "");
  EXPECT_THAT(ParseMetaCommand(":param").status().message(), HasSubstr("usage: :param"));
  EXPECT_THAT(ParseMetaCommand(":param 1x 2").status().message(), HasSubstr("usage: :param"));
  EXPECT_THAT(ParseMetaCommand(":param a-b 2").status().message(), HasSubstr("usage: :param"));

  EXPECT_FALSE(ParseMetaCommand(":params")->clear);
  EXPECT_TRUE(ParseMetaCommand(":params clear")->clear);
  EXPECT_FALSE(ParseMetaCommand(":params all").ok());

  EXPECT_EQ(ParseMetaCommand(":read tests/a script.cypher")->file, "tests/a script.cypher");
  EXPECT_FALSE(ParseMetaCommand(":read").ok());

  EXPECT_EQ(ParseMetaCommand(":width 80")->number, 80u);
  EXPECT_TRUE(ParseMetaCommand(":width auto")->automatic);
  EXPECT_EQ(ParseMetaCommand(":width off")->number, 0u);
  EXPECT_THAT(ParseMetaCommand(":width 5").status().message(), HasSubstr("at least 10"));
  EXPECT_EQ(ParseMetaCommand(":maxrows 3")->number, 3u);
  EXPECT_EQ(ParseMetaCommand(":maxrows off")->number, 0u);
  EXPECT_FALSE(ParseMetaCommand(":maxrows 0").ok());
  EXPECT_FALSE(ParseMetaCommand(":maxrows many").ok());
}

TEST(MetaCommand, ParsesEachCommand) {
  EXPECT_EQ(ParseMetaCommand(":help")->kind, MetaCommand::Kind::kHelp);
  EXPECT_EQ(ParseMetaCommand(":SCHEMA")->kind, MetaCommand::Kind::kSchema);
  EXPECT_EQ(ParseMetaCommand(":stats;")->kind, MetaCommand::Kind::kStats);
  EXPECT_EQ(ParseMetaCommand(":quit")->kind, MetaCommand::Kind::kQuit);
  EXPECT_EQ(ParseMetaCommand(":exit")->kind, MetaCommand::Kind::kQuit);

  auto why = ParseMetaCommand(" :why  42 ");
  ASSERT_TRUE(why.ok()) << why.status();
  EXPECT_EQ(why->kind, MetaCommand::Kind::kWhy);
  EXPECT_EQ(why->edge, 42u);

  auto diagram = ParseMetaCommand(":diagram out/graph one.svg");
  ASSERT_TRUE(diagram.ok()) << diagram.status();
  EXPECT_EQ(diagram->kind, MetaCommand::Kind::kDiagram);
  EXPECT_EQ(diagram->file, "out/graph one.svg");

  auto format = ParseMetaCommand(":format CSV");
  ASSERT_TRUE(format.ok()) << format.status();
  EXPECT_EQ(format->format, "csv");

  auto timing = ParseMetaCommand(":timing off;");
  ASSERT_TRUE(timing.ok()) << timing.status();
  EXPECT_EQ(timing->kind, MetaCommand::Kind::kTiming);
  EXPECT_FALSE(timing->timing);
  EXPECT_TRUE(ParseMetaCommand(":timing on")->timing);
}

TEST(MetaCommand, BadInputSaysWhatIsExpected) {
  auto unknown = ParseMetaCommand(":frobnicate");
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("unknown command ':frobnicate'"));
  auto why = ParseMetaCommand(":why twelve");
  ASSERT_FALSE(why.ok());
  EXPECT_THAT(std::string(why.status().message()), HasSubstr("usage: :why EDGE_ID"));
  EXPECT_FALSE(ParseMetaCommand(":why").ok());
  EXPECT_FALSE(ParseMetaCommand(":why -3").ok());
  EXPECT_FALSE(ParseMetaCommand(":diagram").ok());
  auto format = ParseMetaCommand(":format xml");
  ASSERT_FALSE(format.ok());
  EXPECT_THAT(std::string(format.status().message()), HasSubstr("table|csv|json"));
  EXPECT_FALSE(ParseMetaCommand(":timing maybe").ok());
  EXPECT_FALSE(ParseMetaCommand(":schema Person").ok());
}

TEST(MetaCommand, HelpListsEveryCommand) {
  std::string help = MetaCommandHelp();
  for (const std::string& name : MetaCommandNames()) {
    EXPECT_THAT(help, HasSubstr(":" + name)) << name;
  }
}

TEST(Completion, KeywordsComeFromTheGrammarList) {
  const auto& k = Keywords();
  EXPECT_THAT(k, Contains("MATCH"));
  EXPECT_THAT(k, Contains("OPTIONAL"));
  // Comment lines of keywords.txt are not keywords.
  for (const std::string& w : k) EXPECT_EQ(w.find('#'), std::string::npos) << w;
}

TEST(Completion, CompletesKeywordsInTheCaseTyped) {
  Completer c;
  EXPECT_THAT(c.Complete("MAT", 0, "MAT"), ElementsAre("MATCH"));
  EXPECT_THAT(c.Complete("mat", 0, "mat"), ElementsAre("match"));
  EXPECT_THAT(c.Complete("MATCH (n) RET", 10, "RET"), ElementsAre("RETURN"));
}

TEST(Completion, CompletesLabelsAndTypesAfterAColon) {
  Completer c;
  c.SetSchema({"Person", "Place"}, {"mayor_of", "meet_with"});
  EXPECT_THAT(c.Complete("MATCH (n:P", 9, "P"), ElementsAre("Person", "Place"));
  EXPECT_THAT(c.Complete("MATCH (n)-[:m", 12, "m"), ElementsAre("mayor_of", "meet_with"));
  // After ':' no keyword is offered, even when one matches.
  EXPECT_THAT(c.Complete("MATCH (n:O", 9, "O"), Not(Contains("OPTIONAL")));
  // Elsewhere names and keywords mix.
  EXPECT_THAT(c.Complete("RETURN pe", 7, "pe"), Contains("Person"));
}

TEST(Completion, CompletesMetaCommandsAtTheStartOfALine) {
  Completer c;
  c.SetSchema({"Schemer"}, {});
  EXPECT_THAT(c.Complete(":sch", 1, "sch"), ElementsAre("schema"));
  EXPECT_THAT(c.Complete("  :ti", 3, "ti"), ElementsAre("timing"));
}

}  // namespace
}  // namespace quiver::cli::shell
