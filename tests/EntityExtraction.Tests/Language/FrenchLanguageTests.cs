using EntityExtraction.Language;

namespace EntityExtraction.Tests.Language;

public class FrenchLanguageTests
{
    [Theory]
    [InlineData("l'", true)]
    [InlineData("L’", true)]
    [InlineData("d'", true)]
    [InlineData("qu'", true)]
    [InlineData("jusqu'", true)]
    [InlineData("Lorsqu’", true)]
    [InlineData("O'", false)]
    [InlineData("aujourd'", false)]
    [InlineData("l", false)]
    [InlineData("'", false)]
    [InlineData("l-", false)]
    public void An_elided_token_is_a_clitic_with_its_apostrophe(string token, bool elided)
    {
        FrenchElisions.IsElidedToken(token).Should().Be(elided);
    }

    [Theory]
    [InlineData('-', true)]
    [InlineData('\u2010', true)]
    [InlineData('\u2011', true)]
    [InlineData('\u2013', false)]
    [InlineData('_', false)]
    public void Hyphens_are_the_three_joining_characters(char c, bool hyphen)
    {
        FrenchCharacters.IsHyphen(c).Should().Be(hyphen);
    }

    [Theory]
    [InlineData("«", true)]
    [InlineData("\"", true)]
    [InlineData("“", true)]
    [InlineData("—", true)]
    [InlineData("–", true)]
    [InlineData("-", true)]
    [InlineData(":", true)]
    [InlineData("(", true)]
    [InlineData("!", true)]
    [InlineData("?!", true)]
    [InlineData("…", true)]
    [InlineData(",", false)]
    [InlineData(")", false)]
    [InlineData("»", false)]
    [InlineData("de", false)]
    [InlineData("", false)]
    public void A_clause_opens_after_quotes_dashes_colons_brackets_and_terminators(string token, bool opens)
    {
        FrenchPunctuation.OpensClause(token).Should().Be(opens);
    }

    [Theory]
    [InlineData(".", true)]
    [InlineData("...", true)]
    [InlineData("?!", true)]
    [InlineData("!!!", true)]
    [InlineData(";", true)]
    [InlineData(":", true)]
    [InlineData(",", false)]
    [InlineData(".,", false)]
    [InlineData("»", false)]
    [InlineData("", false)]
    public void Prose_ends_with_terminators_semicolons_and_colons(string token, bool ends)
    {
        FrenchPunctuation.EndsProse(token).Should().Be(ends);
    }

    [Theory]
    [InlineData("Mme", true)]
    [InlineData("Dr", true)]
    [InlineData("Me", true)]
    [InlineData("Prof", true)]
    [InlineData("mme", false)]
    [InlineData("Mme.", false)]
    [InlineData("Madame", false)]
    public void Abbreviated_titles_match_with_their_exact_case(string word, bool title)
    {
        FrenchTitles.IsAbbreviatedTitle(word).Should().Be(title);
    }

    [Theory]
    [InlineData("de", true)]
    [InlineData("D’", true)]
    [InlineData("&", true)]
    [InlineData("contre", false)]
    [InlineData("et", false)]
    public void Name_connectors_join_parts_of_one_name(string word, bool connector)
    {
        FrenchFunctionWords.NameConnectors.Contains(word).Should().Be(connector);
    }

    [Fact]
    public void Every_word_list_is_lower_case_and_free_of_repeats()
    {
        foreach (var list in new[] { FrenchFunctionWords.CapitalisedOnlyByPosition, FrenchFunctionWords.CommonNounDeterminers, FrenchFunctionWords.NameConnectors })
        {
            list.Words.Should().OnlyHaveUniqueItems();
            list.Words.Should().OnlyContain(w => string.Equals(w, w.ToLowerInvariant(), StringComparison.Ordinal));
        }
    }
}
