using System.Text;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Pseudonymization;

/// <summary>
/// <see cref="FrenchEntityExtractor.Pseudonymize"/>: finds the names (<see cref="MentionSelector"/>), links their
/// mentions and gives them pseudonyms (<see cref="PseudonymAssigner"/>), writes the new text with both spans of every
/// replacement, and checks that the map gives the original back.
/// </summary>
internal static class Pseudonymizer
{
    public static PseudonymizationResult Run(FrenchEntityExtractor extractor, string text, PseudonymizationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var map = options.Map ?? new PseudonymMap();
        map.BindKey(options);
        var names = PersonNameLexicon.Default;

        var tokens = FrenchTokenizer.Default.Tokenize(text);
        string analysed = options.InformalText ? InformalRecaser.Recase(text, tokens, names, extractor.WordFlags) : text;
        var entities = extractor.ExtractUnfiltered(analysed, cancellationToken);
        var mentions = new MentionSelector(options, names, extractor.WordFlags).Select(analysed, tokens, entities);
        var documentWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Word) documentWords.Add(PersonMention.Normalize(token.GetText(text)));
        }

        var output = new StringBuilder(text.Length + mentions.Count * 4);
        var replacements = new PseudonymReplacement[mentions.Count];
        bool reversible = true;
        lock (map.Gate)
        {
            var assigner = new PseudonymAssigner(map, options, names, documentWords);
            assigner.Prepare(text, mentions);
            int copied = 0;
            for (int i = 0; i < mentions.Count; i++)
            {
                var mention = mentions[i];
                output.Append(text, copied, mention.Start - copied);
                string replacement = assigner.Replace(text, mention, out string? identifier);
                int start = output.Length;
                output.Append(replacement);
                copied = mention.End;
                replacements[i] = new PseudonymReplacement
                {
                    OriginalText = text.Substring(mention.Start, mention.Length),
                    OriginalStart = mention.Start,
                    OriginalLength = mention.Length,
                    Text = replacement,
                    Start = start,
                    Length = replacement.Length,
                    Type = mention.Type,
                    Operator = options.Operators[mention.Type],
                    Identifier = identifier,
                    Confidence = mention.Confidence,
                };
                reversible &= replacements[i].IsReversible;
            }
            output.Append(text, copied, text.Length - copied);
        }
        string pseudonymized = output.ToString();
        return new PseudonymizationResult(pseudonymized, replacements, map, reversible && RestoresExactly(map, pseudonymized, text));
    }

    // A pseudonym of the map that the document also holds as an ordinary word (or a tag-like text of its own) would be
    // "restored" too: say so rather than promise a round trip that does not hold.
    private static bool RestoresExactly(PseudonymMap map, string pseudonymized, string original)
    {
        try
        {
            return map.Restore(pseudonymized) == original;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
