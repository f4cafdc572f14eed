using EntityExtraction.Storage;

namespace EntityExtraction.Tests.Storage;

public class ArgumentProblemsTests
{
    [Fact]
    public void The_parameter_note_and_the_actual_value_line_are_left_out()
    {
        var outOfRange = new ArgumentOutOfRangeException("minimumConfidence", 2f, "The minimum confidence must be between 0 and 1.");
        var plain = new ArgumentException("The name '...' has no letter or digit.", "name");

        outOfRange.Message.Should().Contain("(Parameter 'minimumConfidence')").And.Contain("Actual value was 2.");
        ArgumentProblems.Describe(outOfRange).Should().Be("The minimum confidence must be between 0 and 1.");
        ArgumentProblems.Describe(plain).Should().Be("The name '...' has no letter or digit.");
        ArgumentProblems.Describe(new InvalidOperationException("No note here.")).Should().Be("No note here.");
    }
}
