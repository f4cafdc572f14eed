using System.Buffers;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Gazetteers;

/// <summary>Matching: leftmost-longest over the tries of every mode, each candidate checked by its capitals and the guard.</summary>
public sealed unsafe partial class Gazetteer
{
    /// <summary>
    /// Appends the matches found over tokens[<paramref name="start"/>..<paramref name="end"/>) of <paramref name="text"/>
    /// (whole sentences: a name never spans two) to <paramref name="destination"/>; their token indices index
    /// <paramref name="tokens"/>. Allocates nothing but the appended matches.
    /// </summary>
    internal void FindMatches(string text, IReadOnlyList<Token> tokens, int start, int end, List<GazetteerMatch> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(destination);
        int count = end - start;
        if (count <= 0 || _surfaceCount == 0)
            return;

        ulong[] hashes = ArrayPool<ulong>.Shared.Rent(count * s_modes.Length);
        try
        {
            for (int m = 0; m < s_modes.Length; m++)
            {
                if (_tries[m].IsEmpty)
                    continue;
                for (int t = 0; t < count; t++)
                    hashes[(m * count) + t] = TokenFolding.Hash(tokens[start + t].AsSpan(text), s_modes[m]);
            }

            int i = start;
            while (i < end)
            {
                int bestSurface = -1;
                int bestLength = 0;
                for (int m = 0; m < s_modes.Length; m++)
                {
                    var trie = _tries[m];
                    if (trie.IsEmpty)
                        continue;
                    int node = 0;
                    int limit = Math.Min(end, i + _maxTokens);
                    for (int j = i; j < limit; j++)
                    {
                        if (j > i && !CommonWordGuard.AreAdjacent(text, tokens[j - 1], tokens[j]))
                            break; // a name never spans a sentence or a line break
                        if (!trie.TryStep(node, hashes[(m * count) + j - start], tokens[j].AsSpan(text), out node))
                            break;
                        int surface = trie.TerminalOf(node);
                        int length = j - i + 1;
                        if (surface >= 0 && length > bestLength && Accepts(_surfaces[surface], text, tokens, i))
                        {
                            bestSurface = surface;
                            bestLength = length;
                        }
                    }
                }

                if (bestSurface < 0)
                {
                    i++;
                    continue;
                }

                var hit = _surfaces[bestSurface];
                var first = tokens[i];
                var last = tokens[i + bestLength - 1];
                destination.Add(new GazetteerMatch(first.Start, last.End - first.Start, _entries.TypeOf(hit.Entry), _entries.CanonicalNameOf(hit.Entry), i, bestLength, EvidenceOf(hit)));
                i += bestLength;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
        }
    }

    private static GazetteerEvidence EvidenceOf(GazetteerSurface surface) =>
        surface.TokenCount > 1 ? GazetteerEvidence.MultiWord
        : surface.IsAcronym ? GazetteerEvidence.Acronym
        : surface.IsCommonWord ? GazetteerEvidence.CommonWord
        : GazetteerEvidence.SingleWord;

    private bool Accepts(GazetteerSurface surface, string text, IReadOnlyList<Token> tokens, int first)
    {
        if (surface.CapitalMask != 0)
        {
            for (int k = 0; k < surface.TokenCount && k < 64; k++)
            {
                if ((surface.CapitalMask & (1UL << k)) != 0 && !TokenFolding.StartsUpper(tokens[first + k].AsSpan(text)))
                    return false;
            }
        }
        return !_commonWordGuard || surface.TokenCount > 1 || surface.IsAcronym || CommonWordGuard.Accepts(surface, text, tokens, first);
    }
}
