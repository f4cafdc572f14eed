using CsCheck;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Tokenization;

/// <summary>Properties that must hold for any input, checked on random strings rich in tricky characters.</summary>
public class TokenizerInvariantTests
{
    // Fragments that exercise every scanner, mixed with arbitrary UTF-16 code units (lone surrogates included)
    // and arbitrary astral code points.
    private static readonly string[] Fragments =
    [
        "l'", "d’", "qu'", "Jusqu’", "aujourd'hui", "O'Neill", "a", "Été", "-t-il", "-elle", "-", "‑", "'", "’",
        ".", "...", "…", "?!", "!", "?", ",", ";", ":", "M.", "J.-C.", "U.S.A.", "etc.", "n°", "no.", "c.-à-d.",
        "1", "12", "123", "2023", "1 000", "3,5", "12h30", "1er", "XXIe", "10:45", "07-12-2023", "%",
        "http://a.fr/x).", "https://", "www.", "www.b.fr", "a@b.fr", "@", "@x", "#", "#y", "jean.dupont@",
        "«", "»", "(", ")", "\"", "\u00A0", "\u202F", "\u2009", " ", "\t", "\n", "\n\n", "\r\n", "\u2029",
        "\u200B", "\u200C", "\u200D", "\uFEFF", "\u00AD", "\u2060", "e\u0301", "\u0301", "\u20E3", "\uFE0F",
        "😀", "👩‍💻", "🇫🇷", "\U0001F3FD", "\U000E0067", "\U0001D7CF", "\U00011958", "\U00011EF7", "\U0001D400", "\uD800", "\uDC00", "\u0001", "\u0085", "_",
    ];

    private static readonly Gen<string> Fragment = Gen.Frequency(new (int, IGen<string>)[]
    {
        (6, TestGens.Element(Fragments)),
        (2, Gen.Char.Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
        (2, Gen.Char['a', 'z'].Array[1, 6].Select(chars => new string(chars))),
    });

    private static readonly Gen<string> Texts = Fragment.Array[0, 40].Select(string.Concat);

    [Fact]
    public void Invariants_hold_for_random_text()
    {
        Texts.Sample(AssertInvariants, iter: 100_000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("l'AI Alliance, a-t-il dit. « Oui ! »")]
    public void Invariants_hold_for_fixed_text(string text) => AssertInvariants(text);

    internal static void AssertInvariants(string text)
    {
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        int previousEnd = 0;
        int previousSentence = 0;
        for (int k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            token.Length.Should().BePositive();
            token.Start.Should().BeGreaterThanOrEqualTo(previousEnd, "tokens are sorted and do not overlap");
            token.End.Should().BeLessThanOrEqualTo(text.Length);
            token.GetText(text).Should().Be(text.Substring(token.Start, token.Length));
            for (int i = previousEnd; i < token.Start; i++)
                FrenchTokenizer.IsSeparator(text[i]).Should().BeTrue($"only separators lie between tokens (index {i})");
            FrenchTokenizer.IsSeparator(text[token.Start]).Should().BeFalse();
            FrenchTokenizer.IsSeparator(text[token.End - 1]).Should().BeFalse();
            if (token.Start > 0 && char.IsLowSurrogate(text[token.Start]))
                char.IsHighSurrogate(text[token.Start - 1]).Should().BeFalse("a token never starts inside a surrogate pair");
            if (token.End < text.Length && char.IsLowSurrogate(text[token.End]))
                char.IsHighSurrogate(text[token.End - 1]).Should().BeFalse("a token never ends inside a surrogate pair");
            if (k == 0) token.SentenceIndex.Should().Be(0);
            else (token.SentenceIndex - previousSentence).Should().BeInRange(0, 1);
            previousEnd = token.End;
            previousSentence = token.SentenceIndex;
        }
        for (int i = previousEnd; i < text.Length; i++)
            FrenchTokenizer.IsSeparator(text[i]).Should().BeTrue($"only separators follow the last token (index {i})");
        FrenchTokenizer.GetSentences(tokens).Sum(s => s.TokenCount).Should().Be(tokens.Count);
    }
}
