using EntityExtraction.Training.Learning;

namespace EntityExtraction.Training.Tests.Corpora;

public class NamesSourceTests
{
    [Theory]
    [InlineData("train/wikiann.conll", "train/wikiann.conll", 1)]
    [InlineData("train/wikiann.conll@2", "train/wikiann.conll", 2)]
    [InlineData("/data/a@b/names.conll@10", "/data/a@b/names.conll", 10)]
    [InlineData("/data/a@b/names.conll", "/data/a@b/names.conll", 1)]
    public void A_names_source_may_carry_a_minimum_count(string spec, string path, int minimum)
    {
        ModelTrainer.ParseNamesSource(spec).Should().Be((path, minimum));
    }

    [Theory]
    [InlineData("names.conll@0")]
    [InlineData("names.conll@two")]
    [InlineData("names.conll@-1")]
    public void A_bad_minimum_count_is_refused_with_the_spec_in_the_message(string spec)
    {
        var act = () => ModelTrainer.ParseNamesSource(spec);
        act.Should().Throw<ArgumentException>().WithMessage($"*'{spec}'*minimum count*");
    }
}
