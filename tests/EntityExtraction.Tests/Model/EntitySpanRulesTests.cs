using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Model;

public class EntitySpanRulesTests
{
    [Theory]
    [InlineData("Un logo de la societe meta", "societe meta", true)]
    [InlineData("La météo de la semaine prochaine", "La météo de la semaine prochaine", true)]
    [InlineData("Parti socialiste : le congrès s'ouvre", "Parti socialiste", false)]
    [InlineData("La Poste recrute", "La Poste", false)]
    [InlineData("Les salariés de la banque", "Les salariés", true)]
    [InlineData("il rejoint le groupe ATOS", "ATOS", false)]
    [InlineData("le stade de la route 66", "route 66", false)]
    [InlineData("Il neige", "Il", false)]
    [InlineData("Le contrat signé en 2007 , il part", "2007", true)]
    [InlineData("du 12 / 05 au 3 juin", "12 / 05", true)]
    [InlineData("la 2CV de Citroën", "2CV", false)]
    public void Spans_without_a_capital_beyond_a_sentence_initial_function_word_or_without_letters_are_not_names(string text, string span, bool rejected)
    {
        // The decoder drops such spans; a lone sentence-initial word
        // stays the model's call ("Paris" opening a sentence).
        var (tokens, attributes, first, end) = Locate(text, span);
        EntitySpanRules.IsCapitalisedOnlyByPosition(text, tokens, 0, attributes, first, end).Should().Be(rejected);
    }

    [Theory]
    [InlineData("Le chanteur Stromae chante", "chanteur Stromae", "Stromae")]
    [InlineData("La société L'Oréal recrute", "société L'Oréal", "L'Oréal")]
    [InlineData("le groupe de presse Prisma Media", "groupe de presse Prisma Media", "groupe de presse Prisma Media")]
    [InlineData("au ministère de la Culture", "ministère de la Culture", "ministère de la Culture")]
    [InlineData("la Direction nationale du contrôle de gestion", "Direction nationale du contrôle de gestion", "Direction nationale du contrôle de gestion")]
    [InlineData("la commission de l'emploi et des affaires sociales", "commission de l'emploi et des affaires sociales", "commission de l'emploi et des affaires sociales")]
    [InlineData("selon l'Insee hier", "l'Insee", "l'Insee")]
    public void Lower_case_words_directly_before_a_capitalised_name_are_left_out(string text, string span, string kept)
    {
        var (tokens, attributes, first, end) = Locate(text, span);

        int newFirst = EntitySpanRules.SkipLeadingDescriptors(attributes, first, end);

        text[tokens[newFirst].Start..tokens[end - 1].End].Should().Be(kept);
    }

    [Theory]
    [InlineData("des entreprises (Oracle, Sony...) et", "Sony...", "Sony")]
    [InlineData("à Paris, Lyon et", "Paris,", "Paris")]
    [InlineData("Réunion à Bruxelles : la Commission", "Bruxelles :", "Bruxelles")]
    [InlineData("Chez Hugot (Charles) hier", "Hugot (Charles)", "Hugot (Charles)")]
    [InlineData("le portail Yahoo! hier", "Yahoo!", "Yahoo!")]
    [InlineData("la société Dupont et Cie. a", "Dupont et Cie.", "Dupont et Cie.")]
    public void Clause_punctuation_at_the_end_of_a_span_is_left_out(string text, string span, string kept)
    {
        var (tokens, _, first, end) = Locate(text, span);

        int newEnd = EntitySpanRules.WithoutTrailingPunctuation(text, tokens, 0, first, end);

        text[tokens[first].Start..tokens[newEnd - 1].End].Should().Be(kept);
    }

    /// <summary>The tokens and attributes of <paramref name="text"/> and the token range of <paramref name="span"/>.</summary>
    private static (IReadOnlyList<Token> Tokens, TokenAttributes[] Attributes, int First, int End) Locate(string text, string span)
    {
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        var attributes = new TokenAttributes[tokens.Count];
        new FeatureExtractor(Lexicon.Empty).ComputeAttributes(text, tokens, 0, tokens.Count, attributes);
        int start = text.IndexOf(span, StringComparison.Ordinal);
        int first = tokens.ToList().FindIndex(t => t.Start == start);
        int end = tokens.ToList().FindIndex(t => t.End == start + span.Length) + 1;
        first.Should().BeGreaterThanOrEqualTo(0, "the span starts on a token");
        end.Should().BeGreaterThan(first, "the span ends on a token");
        return (tokens, attributes, first, end);
    }
}
