using System.Collections;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Pipeline;

/// <summary>A read-only view of a contiguous run of tokens, so a long text can be processed in
/// sentence-aligned chunks (with cancellation checks between them) without copying the token list.</summary>
internal sealed class TokenRange(List<Token> tokens, int start, int count) : IReadOnlyList<Token>
{
    public Token this[int index] =>
        (uint)index < (uint)count ? tokens[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => count;

    public IEnumerator<Token> GetEnumerator()
    {
        for (int i = 0; i < count; i++)
            yield return tokens[start + i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
