using EntityExtraction.Model;
using EntityExtraction.Training.Cli;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Tests.Cli;

public class ExportOpenNlpCommandTests
{
    private static readonly LabelSet Labels = LabelSet.Standard;

    [Fact]
    public void Names_are_wrapped_in_start_and_end_marks_with_the_lower_case_type()
    {
        int per = Labels.IndexOfType(EntityType.Person), org = Labels.IndexOfType(EntityType.Organization), loc = Labels.IndexOfType(EntityType.Location);
        var sentence = new TaggedSentence(
            ["Jean", "Dupont", "quitte", "IBM", "Renault", "pour", "Paris", "."],
            [Labels.Begin(per), Labels.Inside(per), LabelSet.Outside, Labels.Begin(org), Labels.Begin(org), LabelSet.Outside, Labels.Begin(loc), LabelSet.Outside]);

        ExportOpenNlpCommand.Format(sentence).Should().Be(
            "<START:per> Jean Dupont <END> quitte <START:org> IBM <END> <START:org> Renault <END> pour <START:loc> Paris <END> .");
    }

    [Fact]
    public void A_name_that_ends_the_sentence_is_closed_and_a_space_inside_a_token_becomes_an_underscore()
    {
        int loc = Labels.IndexOfType(EntityType.Location);
        var sentence = new TaggedSentence(["à", "New York"], [LabelSet.Outside, Labels.Begin(loc)]);

        ExportOpenNlpCommand.Format(sentence).Should().Be("à <START:loc> New_York <END>");
    }
}
