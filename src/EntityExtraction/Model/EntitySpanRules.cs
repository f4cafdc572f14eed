using EntityExtraction.Language;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Model;

/// <summary>
/// What the model's decoded spans go through before they become entities: spans with nothing of a name are
/// dropped, and a descriptor before a person or organisation and clause punctuation after a name are left out (the
/// mentions of one name are given one type later, once per document: <see cref="Pipeline.LabelConsistency"/>). Each rule was kept because it raised dev F1 or, for the
/// trailing punctuation, fixed spans without costing any (docs/research/accuracy-log.md).
/// </summary>
internal static class EntitySpanRules
{
    /// <summary>
    /// Whether a span has nothing of a name: no capital and no digit at all ("la societe meta"), no letter at all
    /// (a year such as "2007", which silver training data sometimes labels as an entity), or, over several
    /// words, only a sentence-initial article, determiner or pronoun as capital ("La météo de la semaine
    /// prochaine"). Title-like training fragments, often one name from end to end, make the model propose such
    /// spans on headlines and captions; French names almost always show a capital beyond that.
    /// </summary>
    internal static bool IsCapitalisedOnlyByPosition(string text, IReadOnlyList<Token> tokens, int first, ReadOnlySpan<TokenAttributes> attributes, int start, int end)
    {
        bool initialFunctionWord = end - start > 1
            && (attributes[start].Orthography & OrthographyFlags.SentenceInitial) != 0
            && FrenchFunctionWords.CapitalisedOnlyByPosition.Contains(tokens[first + start].AsSpan(text));
        bool capitalOrDigit = false, letter = false;
        for (int k = initialFunctionWord ? start + 1 : start; k < end; k++)
        {
            ref readonly var a = ref attributes[k];
            if (a.Case is not (CaseClass.Lower or CaseClass.NoLetters) || (a.Orthography & OrthographyFlags.HasDigit) != 0) capitalOrDigit = true;
            if (a.Case != CaseClass.NoLetters) letter = true;
        }
        return !capitalOrDigit || !letter;
    }

    /// <summary>
    /// The first token of a person or organisation after lower-case words that directly precede its capitalised
    /// part: "le chanteur [Stromae]", "la société [Mistral]". Titles and generic descriptors stay outside names
    /// in most of our corpora, but one (NewsEye) includes them, and the model sometimes follows it. Descriptive
    /// names keep their head ("ministère de la Culture", "commission de l'emploi"): only one lower-case word
    /// followed at once by a capitalised one is dropped. Places keep theirs ("mont Ventoux", "palais Garnier").
    /// </summary>
    internal static int SkipLeadingDescriptors(ReadOnlySpan<TokenAttributes> attributes, int start, int end)
    {
        bool descriptor = start + 1 < end
            && attributes[start].Case == CaseClass.Lower
            && (attributes[start].Orthography & OrthographyFlags.Elision) == 0
            && attributes[start + 1].Case is CaseClass.Capitalized or CaseClass.AllCaps or CaseClass.Mixed or CaseClass.SingleCapital;
        return descriptor ? start + 1 : start;
    }

    /// <summary>
    /// The end of a span without the punctuation that closes a clause after it: "[Sony]...", "[Paris],", "[Lyon]:".
    /// Title-like training fragments end names with such marks ("Italie : Tout ça pour ça ?"), and the model
    /// sometimes carries one over; in French text a name never ends with a comma, colon, semicolon or ellipsis.
    /// Brackets, quotes, full stops and "!" can belong to a name ("Hugot (Charles)", "Yahoo!") and stay.
    /// </summary>
    internal static int WithoutTrailingPunctuation(string text, IReadOnlyList<Token> tokens, int first, int start, int end)
    {
        while (end - start > 1 && tokens[first + end - 1].AsSpan(text) is "," or ";" or ":" or "…" or "..." or "....")
            end--;
        return end;
    }
}
