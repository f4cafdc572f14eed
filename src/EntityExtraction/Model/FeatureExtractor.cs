using EntityExtraction.Language;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Model;

/// <summary>
/// Turns the tokens of one sentence into hashed features: the word, its shape and affixes, its
/// capitalisation (with sentence-initial position, the main French ambiguity), words and shapes ±2,
/// orthographic flags, the lexicon flags of the word and its neighbours, and the word clusters of the word and its
/// neighbours when the model has them. Allocation-free: callers
/// provide the attribute and feature buffers. What the features mean is versioned by <see cref="FeatureSchema"/>.
/// </summary>
internal sealed class FeatureExtractor
{
    // Declared first: static fields initialise in textual order, and the bounds below need it.
    private static readonly int OrthographyFlagCount = FlagBits.Count<OrthographyFlags>();

    /// <summary>Upper bound on the features <see cref="Extract"/> writes for one position (fixed templates plus one per lexicon or orthography bit, and the cluster templates).</summary>
    public static readonly int MaxFeaturesPerToken = 32 + 3 * LexiconFlagsInfo.Count + OrthographyFlagCount + MaxClusterFeatures;

    /// <summary>Upper bound once <see cref="AddGenreCopies"/> has added the genre copies (training).</summary>
    public static readonly int MaxTrainingFeaturesPerToken = 2 * MaxFeaturesPerToken;

    private const int MaxClusterFeatures = 8;

    /// <summary>How far after its capitalised head a lower-case word still gets the <see cref="FeatureTemplate.NameHead"/> features.</summary>
    public const int MaxNameHeadDistance = 5;

    /// <summary>A fragment has fewer tokens than this, or too few lower-case words, or no final punctuation.</summary>
    private const int MinimumRunningTextTokens = 6;

    // Values for the context beyond the sentence's ends, chosen so no real value can take them: the hashes of
    // "<s>" and "</s>" for words and shapes, 99 for the case class (a byte enum below 8), and values above 16 bits
    // for cluster ids.
    private static readonly ulong BeginMarker = FeatureHash.Exact("<s>");
    private static readonly ulong EndMarker = FeatureHash.Exact("</s>");
    private const ulong NoCase = 99;
    private const ulong ClusterBeforeSentence = 0xFFFF_0000UL;
    private const ulong ClusterAfterSentence = 0xFFFF_0001UL;

    private readonly Lexicon _lexicon;
    private readonly WordClusters _clusters;

    public FeatureExtractor(Lexicon lexicon, WordClusters? clusters = null)
    {
        _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _clusters = clusters ?? WordClusters.Empty;
    }

    public Lexicon Lexicon => _lexicon;

    public WordClusters Clusters => _clusters;

    /// <summary>Fills <paramref name="attributes"/>[0..count) for tokens[first..first+count).</summary>
    public void ComputeAttributes(string text, IReadOnlyList<Token> tokens, int first, int count, Span<TokenAttributes> attributes)
    {
        for (int i = 0; i < count; i++)
        {
            var token = tokens[first + i];
            Describe(text.AsSpan(token.Start, token.Length), i == 0 || IsOpening(text, tokens[first + i - 1]), ref attributes[i]);
        }
        var genre = IsRunningText(text, tokens, first, count, attributes) ? SentenceGenre.RunningText : SentenceGenre.Fragment;
        for (int i = 0; i < count; i++) attributes[i].Genre = genre;
        MarkCapitalisedRuns(attributes[..count]);
        MarkNameHeads(attributes[..count]);
    }

    // One pass: a lower-case word keeps the head of the capitalised run before it while only lower-case words
    // (elisions included) follow the run, up to MaxNameHeadDistance; punctuation, digits or distance end it.
    private static void MarkNameHeads(Span<TokenAttributes> attributes)
    {
        int head = -1, runEnd = 0;
        for (int i = 0; i < attributes.Length; i++)
        {
            ref var a = ref attributes[i];
            a.NameHead = -1;
            if (IsCapitalized(a.Case))
            {
                head = a.RunStart;
                runEnd = a.RunEnd;
            }
            else if (head >= 0 && a.Case == CaseClass.Lower && (a.Orthography & OrthographyFlags.HasDigit) == 0 && i - runEnd < MaxNameHeadDistance)
            {
                a.NameHead = head;
            }
            else
            {
                head = -1;
            }
        }
    }

    private static void MarkCapitalisedRuns(Span<TokenAttributes> attributes)
    {
        int i = 0;
        while (i < attributes.Length)
        {
            int end = i + 1;
            if (IsCapitalized(attributes[i].Case))
            {
                while (end < attributes.Length && IsCapitalized(attributes[end].Case)) end++;
            }
            for (int k = i; k < end; k++)
            {
                attributes[k].RunStart = i;
                attributes[k].RunEnd = end;
            }
            i = end;
        }
    }

    // Prose has some length, lower-case words and final punctuation (possibly followed by a closing quote or
    // bracket); headings, list items and link-derived fragments ("Paris Saint-Germain Football Club") lack them.
    private static bool IsRunningText(string text, IReadOnlyList<Token> tokens, int first, int count, ReadOnlySpan<TokenAttributes> attributes)
    {
        if (count < MinimumRunningTextTokens) return false;
        int lowerWords = 0;
        for (int i = 0; i < count && lowerWords < 2; i++)
        {
            if (attributes[i].Case == CaseClass.Lower && char.IsLower(text[tokens[first + i].Start])) lowerWords++;
        }
        if (lowerWords < 2) return false;
        int last = count - 1;
        while (last > 0 && FrenchPunctuation.IsClosingMark(tokens[first + last].AsSpan(text))) last--;
        return FrenchPunctuation.EndsProse(tokens[first + last].AsSpan(text));
    }

    // After an opening quote, dash, colon or bracket a capital is as uninformative as at the start of a sentence.
    private static bool IsOpening(string text, Token previous) => FrenchPunctuation.OpensClause(previous.AsSpan(text));

    private void Describe(ReadOnlySpan<char> token, bool sentenceInitial, ref TokenAttributes a)
    {
        a.Word = FeatureHash.LowerCase(token);
        a.Shape = ShapeHash(token);
        a.Prefix3 = FeatureHash.LowerCase(token[..Math.Min(3, token.Length)]);
        a.Suffix2 = FeatureHash.LowerCase(token[Math.Max(0, token.Length - 2)..]);
        a.Suffix3 = FeatureHash.LowerCase(token[Math.Max(0, token.Length - 3)..]);
        a.Suffix4 = FeatureHash.LowerCase(token[Math.Max(0, token.Length - 4)..]);
        a.Lexicon = _lexicon.Lookup(a.Word);
        var clusters = _clusters.Lookup(a.Word);
        a.Cluster = clusters.Length > 0 ? clusters[0] : TokenAttributes.NoCluster;
        a.FineCluster = clusters.Length > 1 ? clusters[1] : TokenAttributes.NoCluster;

        int upper = 0, lower = 0;
        var flags = OrthographyFlags.None;
        bool allPunctuation = true;
        foreach (char c in token)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
            if (char.IsDigit(c)) flags |= OrthographyFlags.HasDigit;
            if (FrenchCharacters.IsHyphen(c)) flags |= OrthographyFlags.HasHyphen;
            if (FrenchCharacters.IsApostrophe(c)) flags |= OrthographyFlags.HasApostrophe;
            if (!char.IsPunctuation(c)) allPunctuation = false;
        }
        if (allPunctuation) flags |= OrthographyFlags.Punctuation;
        if (sentenceInitial) flags |= OrthographyFlags.SentenceInitial;
        if (FrenchElisions.IsElidedToken(token)) flags |= OrthographyFlags.Elision;
        if (token.Length > 1 && token[^1] == '.') flags |= OrthographyFlags.EndsWithPeriod;
        if (token.Length > 12) flags |= OrthographyFlags.Long;
        a.Orthography = flags;

        bool firstUpper = char.IsUpper(token[0]);
        a.Case = (upper, lower) switch
        {
            (0, 0) => CaseClass.NoLetters,
            (0, _) => CaseClass.Lower,
            (1, 0) => CaseClass.SingleCapital,
            (_, 0) => CaseClass.AllCaps,
            (1, _) when firstUpper => CaseClass.Capitalized,
            _ when firstUpper && IsCapitalizedCompound(token) => CaseClass.Capitalized,
            _ => CaseClass.Mixed,
        };
    }

    // "Saint-Étienne", "Jean-Luc": capitals only after separators still read as a capitalised word.
    private static bool IsCapitalizedCompound(ReadOnlySpan<char> token)
    {
        for (int i = 1; i < token.Length; i++)
        {
            if (char.IsUpper(token[i]) && !(FrenchCharacters.IsHyphen(token[i - 1]) || FrenchCharacters.IsApostrophe(token[i - 1]) || token[i - 1] == ' ')) return false;
        }
        return true;
    }

    /// <summary>Hash of the word's shape: X upper, x lower, d digit, other characters kept, runs collapsed.</summary>
    private static ulong ShapeHash(ReadOnlySpan<char> token)
    {
        ulong hash = 14695981039346656037UL;
        char previous = '\0';
        int run = 0;
        foreach (char c in token)
        {
            char cls = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (cls == previous)
            {
                if (++run >= 2) continue;
            }
            else
            {
                run = 0;
            }
            previous = cls;
            hash = (hash ^ cls) * 1099511628211UL;
        }
        return FeatureHash.Combine(FeatureTemplate.ShapeValue, hash);
    }

    /// <summary>Writes the feature hashes of position <paramref name="i"/> and returns how many were written.</summary>
    public static int Extract(ReadOnlySpan<TokenAttributes> s, int i, Span<ulong> features)
    {
        int n = 0;
        ref readonly var t = ref s[i];
        ulong wPrev = i > 0 ? s[i - 1].Word : BeginMarker;
        ulong wPrev2 = i > 1 ? s[i - 2].Word : BeginMarker;
        ulong wNext = i + 1 < s.Length ? s[i + 1].Word : EndMarker;
        ulong wNext2 = i + 2 < s.Length ? s[i + 2].Word : EndMarker;
        ulong shPrev = i > 0 ? s[i - 1].Shape : BeginMarker;
        ulong shNext = i + 1 < s.Length ? s[i + 1].Shape : EndMarker;
        ulong casePrev = i > 0 ? (ulong)s[i - 1].Case : NoCase;
        ulong caseNext = i + 1 < s.Length ? (ulong)s[i + 1].Case : NoCase;
        bool initial = (t.Orthography & OrthographyFlags.SentenceInitial) != 0;
        bool common = (t.Lexicon & LexiconFlags.CommonWord) != 0;

        features[n++] = FeatureHash.Combine(FeatureTemplate.Bias, 0);
        features[n++] = FeatureHash.Combine(FeatureTemplate.Word, t.Word);
        features[n++] = FeatureHash.Combine(FeatureTemplate.PreviousWord, wPrev);
        features[n++] = FeatureHash.Combine(FeatureTemplate.NextWord, wNext);
        features[n++] = FeatureHash.Combine(FeatureTemplate.SecondPreviousWord, wPrev2);
        features[n++] = FeatureHash.Combine(FeatureTemplate.SecondNextWord, wNext2);
        features[n++] = FeatureHash.Combine(FeatureTemplate.Shape, t.Shape);
        features[n++] = FeatureHash.Combine(FeatureTemplate.PreviousShape, shPrev);
        features[n++] = FeatureHash.Combine(FeatureTemplate.NextShape, shNext);
        features[n++] = FeatureHash.Combine(FeatureTemplate.PreviousAndCurrentShape, shPrev, t.Shape);
        features[n++] = FeatureHash.Combine(FeatureTemplate.CurrentAndNextShape, t.Shape, shNext);
        features[n++] = FeatureHash.Combine(FeatureTemplate.PreviousAndCurrentWord, wPrev, t.Word);
        features[n++] = FeatureHash.Combine(FeatureTemplate.CurrentAndNextWord, t.Word, wNext);
        features[n++] = FeatureHash.Combine(FeatureTemplate.Prefix3, t.Prefix3);
        features[n++] = FeatureHash.Combine(FeatureTemplate.Suffix2, t.Suffix2);
        features[n++] = FeatureHash.Combine(FeatureTemplate.Suffix3, t.Suffix3);
        features[n++] = FeatureHash.Combine(FeatureTemplate.Suffix4, t.Suffix4);
        features[n++] = FeatureHash.Combine(FeatureTemplate.CaseAndPosition, (ulong)t.Case, initial ? 1UL : 0UL);
        features[n++] = FeatureHash.Combine(FeatureTemplate.CaseAndCommonWord, (ulong)t.Case, (initial ? 2UL : 0UL) | (common ? 1UL : 0UL));
        features[n++] = FeatureHash.Combine(FeatureTemplate.CaseWindow, casePrev * 128 + (ulong)t.Case * 8, caseNext);
        features[n++] = FeatureHash.Combine(FeatureTemplate.PreviousWordAndCase, wPrev, (ulong)t.Case);
        features[n++] = FeatureHash.Combine(FeatureTemplate.CaseAndNextWord, (ulong)t.Case, wNext);
        features[n++] = FeatureHash.Combine(FeatureTemplate.PositionAndWord, initial ? 1UL : 0UL, t.Word);
        features[n++] = FeatureHash.Combine(FeatureTemplate.TwoPreviousWords, wPrev2, wPrev);
        features[n++] = FeatureHash.Combine(FeatureTemplate.TwoNextWords, wNext, wNext2);
        if (IsCapitalized(t.Case))
        {
            // Where the token sits in its run of capitalised words, and the word before the run:
            // "le groupe [Carrefour]", "les [San Antonio Spurs]".
            int runStart = t.RunStart, runEnd = t.RunEnd;
            ulong length = (ulong)Math.Min(runEnd - runStart, 4);
            ulong position = runEnd - runStart == 1 ? 0UL : i == runStart ? 1UL : i == runEnd - 1 ? 3UL : 2UL;
            features[n++] = FeatureHash.Combine(FeatureTemplate.RunShape, length, position);
            features[n++] = FeatureHash.Combine(FeatureTemplate.WordBeforeRun, runStart > 0 ? s[runStart - 1].Word : BeginMarker, position);
            features[n++] = FeatureHash.Combine(FeatureTemplate.WordAfterRun, runEnd < s.Length ? s[runEnd].Word : EndMarker, position);
        }

        if (t.NameHead >= 0)
        {
            ref readonly var head = ref s[t.NameHead];
            ulong distance = (ulong)(i - head.RunEnd + 1);
            features[n++] = FeatureHash.Combine(FeatureTemplate.NameHead, head.Word, distance);
            if (head.Cluster != TokenAttributes.NoCluster) features[n++] = FeatureHash.Combine(FeatureTemplate.NameHeadCluster, head.Cluster, distance);
        }

        n = AddBits(features, n, FeatureTemplate.LexiconFlag, (uint)t.Lexicon, LexiconFlagsInfo.Count, (ulong)t.Case);
        if (i > 0) n = AddBits(features, n, FeatureTemplate.PreviousLexiconFlag, (uint)s[i - 1].Lexicon, LexiconFlagsInfo.Count, (ulong)s[i - 1].Case);
        if (i + 1 < s.Length) n = AddBits(features, n, FeatureTemplate.NextLexiconFlag, (uint)s[i + 1].Lexicon, LexiconFlagsInfo.Count, (ulong)s[i + 1].Case);
        n = AddBits(features, n, FeatureTemplate.OrthographyFlag, (uint)t.Orthography, OrthographyFlagCount, (ulong)t.Case);
        n = AddClusters(s, i, features, n);
        return n;
    }

    /// <summary>
    /// Writes, after the <paramref name="count"/> features of a position, each of them conjoined with the sentence's
    /// genre, and returns the new count. Shared weights carry what holds in both genres, the genre copies what
    /// differs (feature augmentation for domain adaptation, Daumé 2007). Training sees the copies as features of
    /// their own; <see cref="WeightTable"/> folds them into their base feature's row so that tagging looks each
    /// feature up once.
    /// </summary>
    public static int AddGenreCopies(Span<ulong> features, int count, SentenceGenre genre)
    {
        for (int k = 0; k < count; k++) features[count + k] = GenreCopy(features[k], genre);
        return 2 * count;
    }

    /// <summary>The hash of <paramref name="feature"/> conjoined with <paramref name="genre"/>.</summary>
    public static ulong GenreCopy(ulong feature, SentenceGenre genre) => FeatureHash.Combine(FeatureTemplate.GenreCopy, feature, (ulong)genre + 1);

    // The word's clusters alone and with its capitalisation: a name seen once in training shares weights with the
    // other names of its cluster ("Besançon" with "Lyon"). The coarse clusters of the neighbours generalise the
    // ±1 word templates the same way ("ministre", "préfet" and "maire" before a name).
    private static int AddClusters(ReadOnlySpan<TokenAttributes> s, int i, Span<ulong> features, int n)
    {
        ref readonly var t = ref s[i];
        if (t.Cluster != TokenAttributes.NoCluster)
        {
            ulong previous = i > 0 ? s[i - 1].Cluster : ClusterBeforeSentence;
            ulong next = i + 1 < s.Length ? s[i + 1].Cluster : ClusterAfterSentence;
            features[n++] = FeatureHash.Combine(FeatureTemplate.Cluster, t.Cluster);
            features[n++] = FeatureHash.Combine(FeatureTemplate.ClusterAndCase, t.Cluster, (ulong)t.Case);
            features[n++] = FeatureHash.Combine(FeatureTemplate.PreviousCluster, previous);
            features[n++] = FeatureHash.Combine(FeatureTemplate.NextCluster, next);
        }
        if (t.FineCluster != TokenAttributes.NoCluster)
        {
            features[n++] = FeatureHash.Combine(FeatureTemplate.FineCluster, t.FineCluster);
            features[n++] = FeatureHash.Combine(FeatureTemplate.FineClusterAndCase, t.FineCluster, (ulong)t.Case);
        }
        return n;
    }

    private static bool IsCapitalized(CaseClass c) => c is CaseClass.Capitalized or CaseClass.AllCaps or CaseClass.SingleCapital or CaseClass.Mixed;

    private static int AddBits(Span<ulong> features, int n, FeatureTemplate template, uint bits, int width, ulong context)
    {
        for (int b = 0; b < width && bits != 0; b++)
        {
            if ((bits & (1u << b)) != 0) features[n++] = FeatureHash.Combine(template, (ulong)b, context);
        }
        return n;
    }
}
