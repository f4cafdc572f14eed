namespace EntityExtraction.Gazetteers;

/// <summary>A span of text recognised by a <see cref="Gazetteer"/>. Immutable; equal when all its parts are.</summary>
public readonly record struct GazetteerMatch
{
    internal GazetteerMatch(int start, int length, EntityType type, string canonicalName, int firstToken, int tokenCount, GazetteerEvidence evidence)
    {
        Start = start;
        Length = length;
        Type = type;
        CanonicalName = canonicalName;
        FirstToken = firstToken;
        TokenCount = tokenCount;
        Evidence = evidence;
    }

    /// <summary>UTF-16 index of the first character of the span in the caller's text.</summary>
    public int Start { get; }

    /// <summary>Length of the span in UTF-16 code units.</summary>
    public int Length { get; }

    /// <summary>UTF-16 index just past the span (exclusive end).</summary>
    public int End => Start + Length;

    /// <summary>The entity type of the matched entry.</summary>
    public EntityType Type { get; }

    /// <summary>The entry's canonical name ("NASA" for a match on "Nasa").</summary>
    public string CanonicalName { get; }

    /// <summary>Index of the span's first token in the token list it was matched over.</summary>
    internal int FirstToken { get; }

    /// <summary>Number of tokens the span covers.</summary>
    internal int TokenCount { get; }

    /// <summary>What kind of name matched.</summary>
    internal GazetteerEvidence Evidence { get; }

    /// <summary>The same match in a text that holds this one's text <paramref name="chars"/> characters and
    /// <paramref name="tokens"/> tokens further on (a block of a stream placed in its window).</summary>
    internal GazetteerMatch Shifted(int chars, int tokens) =>
        new(Start + chars, Length, Type, CanonicalName, FirstToken + tokens, TokenCount, Evidence);
}
