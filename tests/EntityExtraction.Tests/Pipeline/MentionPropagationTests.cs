using EntityExtraction.Pipeline;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Pipeline;

public class MentionPropagationTests
{
    private static MergedEntity At(string text, string name, int occurrence, EntityType type, float confidence, EntitySource source = EntitySource.Model)
    {
        int start = -1;
        for (int n = 0; n <= occurrence; n++) start = text.IndexOf(name, start + 1, StringComparison.Ordinal);
        return new MergedEntity(start, name.Length, type, source, confidence);
    }

    private static List<(string Text, EntityType Type, float Confidence)> Propagate(string text, params MergedEntity[] entities)
    {
        var list = entities.ToList();
        MentionPropagation.Apply(text, FrenchTokenizer.Default.Tokenize(text), list, 0);
        for (int i = 1; i < list.Count; i++) list[i].Start.Should().BeGreaterThanOrEqualTo(list[i - 1].End, "the output stays sorted and non-overlapping");
        return list.Select(e => (text.Substring(e.Start, e.Length), e.Type, e.Confidence)).ToList();
    }

    [Fact]
    public void A_confident_model_name_is_copied_to_the_mention_the_model_missed()
    {
        const string text = "Microsoft investit. Alors que Microsoft - avec OpenAI - avance, la Banque de France observe Microsoft.";

        var result = Propagate(text,
            At(text, "Microsoft", 0, EntityType.Organization, 0.9f),
            At(text, "OpenAI", 0, EntityType.Organization, 0.8f),
            At(text, "Microsoft", 2, EntityType.Organization, 0.6f));

        result.Should().Equal(
            ("Microsoft", EntityType.Organization, 0.9f),
            ("Microsoft", EntityType.Organization, 0.9f),
            ("OpenAI", EntityType.Organization, 0.8f),
            ("Microsoft", EntityType.Organization, 0.6f));
    }

    [Fact]
    public void A_name_of_several_words_is_copied_whole_and_before_a_shorter_one()
    {
        const string text = "La Banque de France et la Banque publient. Selon la Banque de France, tout va bien.";

        var result = Propagate(text,
            At(text, "Banque de France", 0, EntityType.Organization, 0.95f),
            At(text, "Banque", 1, EntityType.Organization, 0.7f));

        result.Select(r => r.Text).Should().Equal("Banque de France", "Banque", "Banque de France");
    }

    [Theory]
    [InlineData(0.4f, EntitySource.Model)]     // the model was not sure of the name
    [InlineData(0.9f, EntitySource.Gazetteer)] // only the model's names are copied
    public void Unsure_or_gazetteer_names_are_not_copied(float confidence, EntitySource source)
    {
        const string text = "Orange recrute. Une Orange pressée vaut mieux.";

        Propagate(text, At(text, "Orange", 0, EntityType.Organization, confidence, source)).Should().ContainSingle();
    }

    [Theory]
    [InlineData("Paris gagne. Le Paris Saint-Germain perd.")] // a capitalised word after it
    [InlineData("Paris gagne. Le club du Grand Paris perd.")] // a capitalised word before it, not opening the sentence
    [InlineData("Paris gagne. Le club de paris perd.")]       // not capitalised
    public void A_name_is_not_copied_into_a_longer_name_or_a_lower_case_word(string text)
    {
        Propagate(text, At(text, "Paris", 0, EntityType.Location, 0.9f)).Should().ContainSingle();
    }

    [Fact]
    public void A_mention_opening_a_sentence_is_copied()
    {
        const string text = "Il vit à Grenoble. Grenoble accueille le congrès.";

        Propagate(text, At(text, "Grenoble", 0, EntityType.Location, 0.8f)).Select(r => r.Text).Should().Equal("Grenoble", "Grenoble");
    }
}
