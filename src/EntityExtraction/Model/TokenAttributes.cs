namespace EntityExtraction.Model;

/// <summary>
/// What <see cref="FeatureExtractor"/> knows about one token before combining tokens into features:
/// hashes of its lower-cased form, shape and affixes, its lexicon flags and a few orthographic facts.
/// Computed once per token so the ±2 context templates only combine precomputed hashes.
/// </summary>
internal struct TokenAttributes
{
    public ulong Word;
    public ulong Shape;
    public ulong Prefix3;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Suffix4;
    public LexiconFlags Lexicon;

    /// <summary>Coarse word-cluster id: 0 outside the clustered vocabulary, <see cref="NoCluster"/> when the model has no such level.</summary>
    public ushort Cluster;

    /// <summary>Fine word-cluster id, like <see cref="Cluster"/>.</summary>
    public ushort FineCluster;
    public CaseClass Case;
    public OrthographyFlags Orthography;
    public SentenceGenre Genre;

    /// <summary>The run of capitalised tokens this one belongs to, as sentence positions [RunStart, RunEnd); computed
    /// once per sentence so that a token's run features cost O(1) however long the run (a sentence of 300,000
    /// capitalised words took minutes when every token rescanned its run).</summary>
    public int RunStart;

    public int RunEnd;

    /// <summary>For a lower-case word that may continue a name, the sentence position of the first word of the nearest
    /// capitalised run before it (only lower-case words between); -1 otherwise. Computed once per sentence.</summary>
    public int NameHead;

    /// <summary>The cluster id of a level the model does not have: its templates are skipped.</summary>
    public const ushort NoCluster = ushort.MaxValue;
}

/// <summary>
/// Whether the token's sentence reads as prose or as a title-like fragment (a heading, a list item, a
/// caption). Capitalisation means different things in the two (every word of a title may be capitalised),
/// so every feature also exists in a copy specific to the genre.
/// </summary>
internal enum SentenceGenre : byte
{
    RunningText,
    Fragment,
}

/// <summary>The capitalisation pattern of a token.</summary>
internal enum CaseClass : byte
{
    NoLetters,
    Lower,
    Capitalized,
    AllCaps,
    SingleCapital,
    Mixed,
}

/// <summary>Orthographic facts about a token, one feature per set bit.</summary>
[Flags]
internal enum OrthographyFlags : byte
{
    None = 0,
    HasDigit = 1 << 0,
    HasHyphen = 1 << 1,
    HasApostrophe = 1 << 2,
    Punctuation = 1 << 3,
    SentenceInitial = 1 << 4,
    Elision = 1 << 5,
    EndsWithPeriod = 1 << 6,
    Long = 1 << 7,
}
