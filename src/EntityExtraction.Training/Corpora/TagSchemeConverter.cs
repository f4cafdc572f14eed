using EntityExtraction.Model;

namespace EntityExtraction.Training.Corpora;

/// <summary>
/// Turns IOB1, IOB2 or BIOES/BILOU tags into token spans, one rule set for all: <c>B-</c>, <c>S-</c>, <c>U-</c>
/// always open an entity; <c>I-</c>, <c>E-</c>, <c>L-</c> continue one of the same type or, when there is none
/// (IOB1, or a broken sequence), open one; <c>E-</c>, <c>L-</c>, <c>S-</c>, <c>U-</c> close it. Types other
/// than PER/ORG/LOC (MISC) become O.
/// </summary>
internal static class TagSchemeConverter
{
    /// <summary>Converts tags to BIO label indices of <see cref="LabelSet.Standard"/>.</summary>
    /// <exception cref="FormatException">A tag is not O or PREFIX-TYPE.</exception>
    public static int[] ToLabels(IReadOnlyList<string> tags)
    {
        var labels = new int[tags.Count];
        int openType = -1; // type index of the entity the previous token belongs to, if still open
        for (int i = 0; i < tags.Count; i++)
        {
            string tag = tags[i];
            if (tag == "O")
            {
                openType = -1;
                continue;
            }
            if (tag.Length < 3 || tag[1] != '-' || "BIESLU".IndexOf(tag[0], StringComparison.Ordinal) < 0)
                throw new FormatException($"Unknown tag '{tag}'.");
            int type = EntityTypeCodes.TryParseCode(tag.AsSpan(2), out var entityType) ? LabelSet.Standard.IndexOfType(entityType) : -1;
            if (type < 0)
            {
                openType = -1; // MISC and other types are not scored: they become O
                continue;
            }
            char prefix = tag[0];
            bool continues = prefix is 'I' or 'E' or 'L' && openType == type;
            labels[i] = continues ? LabelSet.Standard.Inside(type) : LabelSet.Standard.Begin(type);
            openType = prefix is 'E' or 'L' or 'S' or 'U' ? -1 : type;
        }
        return labels;
    }
}
